package org.peerclear.clearing.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.peerclear.clearing.NumericalTolerances;

import static org.peerclear.clearing.NumericalTolerances.EXACT_RIDGE;

/**
 * The local problem of one {@link FeederSolver} step: on a {@link Piece}, which rows bind and
 * with which multipliers, from the linear prediction of the rows' values.
 */
final class LocalModel {
    /** Active-set changes within one local problem. */
    static final int MAX_CHANGES = 400;

    private final RowSet rows;
    private final int nq;
    private final int nr;
    private String failure = "";

    LocalModel(RowSet rows) {
        this.rows = rows;
        nq = rows.nq;
        nr = rows.nr;
    }

    String failure() {
        return failure;
    }

    /**
     * Writes to {@code out} the multipliers that answer the piece's local problem, on the linear
     * prediction {@code P(y') = P + H·Gᵀ(y' − y)} around multipliers {@code y}, rows' values
     * {@code value} and buses' injections {@code busPower}: maximise the dual's quadratic model
     * {@code −½ yᵀJy + ... + Σ_r min(lower_r·y_r, upper_r·y_r)}, a concave problem whose answer
     * puts every row within its bounds and every multiplier on the side of its bound. Solved by
     * an active set with partial steps (Lawson and Hanson's scheme for sign-constrained least
     * squares): add the most violated row; solve the working rows at their bounds; when a
     * multiplier would cross zero, stop where the first one reaches it and release that row. The
     * model rises at every change, so no working set repeats.
     */
    boolean solve(Piece piece, double[] y, double[] value, double[] busPower, double tau, double[] out) {
        int[] work = new int[nr];
        boolean[] upper = new boolean[nr];
        boolean[] inWork = new boolean[nr];
        int size = 0;
        for (int r = 0; r < nr; r++) {
            if (y[r] != 0.0) {
                inWork[r] = true;
                upper[r] = y[r] < 0;
                work[size++] = r;
            }
        }
        // The buses' response to the current multipliers, to take them out of the prediction.
        double[] now = new double[nq];
        double[] gy = new double[nq];
        for (int q = 0; q < size; q++) {
            int r = work[q];
            double[] c = rows.coefficients(r);
            for (int b = 0; b < nq; b++) {
                gy[b] += y[r] * c[b];
            }
        }
        piece.respond(gy, now);
        double[][] response = new double[nr][];
        double[] predicted = new double[nr];
        double[] power = new double[nq];
        double[] at = y.clone();
        boolean solved = false; // whether 'at' solves the working rows at their bounds
        for (int change = 0; change <= MAX_CHANGES; change++) {
            if (solved) {
                predict(at, busPower, now, response, power, predicted);
                int add = rows.mostViolated(predicted, inWork);
                if (add < 0) {
                    System.arraycopy(at, 0, out, 0, nr);
                    return true;
                }
                inWork[add] = true;
                upper[add] = predicted[add] > rows.upper(add);
                work[size++] = add;
            }
            for (int q = 0; q < size; q++) {
                int r = work[q];
                if (response[r] == null) {
                    response[r] = new double[nq];
                    piece.respond(rows.coefficients(r), response[r]);
                }
            }
            double[] z = solveLocal(work, size, upper, inWork, response, tau, y, value);
            if (z == null) {
                failure = "the rows that bind are dependent on this piece (a singular local system)";
                return false;
            }
            // The longest step from 'at' toward z that keeps every multiplier on its side.
            double step = 1.0;
            for (int q = 0; q < size; q++) {
                double sideZ = upper[work[q]] ? -z[q] : z[q];
                if (sideZ < 0) {
                    double sideAt = upper[work[q]] ? -at[work[q]] : at[work[q]];
                    step = Math.min(step, sideAt / (sideAt - sideZ));
                }
            }
            for (int q = 0; q < size; q++) {
                at[work[q]] += step * (z[q] - at[work[q]]);
            }
            solved = step >= 1.0;
            if (!solved) {
                // Release the rows whose multiplier reached zero (at least the one that set the step).
                for (int q = size - 1; q >= 0; q--) {
                    int r = work[q];
                    double side = upper[r] ? -at[r] : at[r];
                    double sideZ = upper[r] ? -z[q] : z[q];
                    if (side <= 0 || sideZ < 0 && side <= NumericalTolerances.LOCAL_RELEASE * Math.abs(sideZ)) {
                        at[r] = 0.0;
                        inWork[r] = false;
                        work[q] = work[--size];
                    }
                }
            }
        }
        failure = "the rows that bind did not settle in one local step (" + MAX_CHANGES + " changes)";
        return false;
    }

    /** The rows' values predicted at multipliers {@code at} (zero outside the rows with a response). */
    private void predict(double[] at, double[] busPower, double[] now, double[][] response, double[] power, double[] out) {
        for (int b = 0; b < nq; b++) {
            power[b] = busPower[b] - now[b];
        }
        for (int r = 0; r < nr; r++) {
            if (at[r] != 0.0) {
                double[] h = response[r];
                for (int b = 0; b < nq; b++) {
                    power[b] += at[r] * h[b];
                }
            }
        }
        rows.rows.values(power, out);
    }

    /**
     * The multipliers of the working rows that put each at its bound in the prediction, as the
     * current multipliers plus an increment: {@code (J_WW + damping)·d_W = bound_W − value_W +
     * Σ_{r ∉ W} J_Wr·y_r} (the rows released from the work drop to 0), {@code J = G·H·Gᵀ},
     * {@code response[r] = H·G_rᵀ}. The rows mix units (pu², kW), so the system is scaled to a
     * unit diagonal before it is factored.
     */
    private double[] solveLocal(int[] work, int size, boolean[] upper, boolean[] inWork, double[][] response, double tau,
                                double[] y, double[] value) {
        DMatrixRMaj j = new DMatrixRMaj(size, size);
        DMatrixRMaj rhs = new DMatrixRMaj(size, 1);
        for (int q = 0; q < size; q++) {
            int r = work[q];
            double[] c = rows.coefficients(r);
            double[] h = response[r];
            for (int p = 0; p < size; p++) {
                j.set(p, q, RowSet.dot(rows.coefficients(work[p]), h));
            }
            double b = (upper[r] ? rows.upper(r) : rows.lower(r)) - value[r];
            for (int o = 0; o < nr; o++) {
                if (y[o] != 0.0 && !inWork[o]) {
                    b += RowSet.dot(c, response[o]) * y[o];
                }
            }
            rhs.set(q, 0, b);
        }
        double[] scale = new double[size];
        for (int q = 0; q < size; q++) {
            double pot = rows.potential(work[q]);
            // The damping is proximal (an increment's), so it pulls toward the current multipliers.
            j.add(q, q, (EXACT_RIDGE + tau) * pot);
            scale[q] = 1.0 / Math.sqrt(j.get(q, q));
        }
        for (int q = 0; q < size; q++) {
            for (int p = 0; p < size; p++) {
                j.set(p, q, j.get(p, q) * scale[p] * scale[q]);
            }
            rhs.set(q, 0, rhs.get(q, 0) * scale[q]);
        }
        DMatrixRMaj x = new DMatrixRMaj(size, 1);
        if (!CommonOps_DDRM.solveSPD(j, rhs, x) && !CommonOps_DDRM.solve(j, rhs, x)) {
            return null;
        }
        double[] z = new double[size];
        for (int q = 0; q < size; q++) {
            z[q] = y[work[q]] + x.get(q, 0) * scale[q];
            if (!Double.isFinite(z[q])) {
                return null;
            }
        }
        return z;
    }
}
