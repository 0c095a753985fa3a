package org.peerclear.clearing.admm;

import java.util.Arrays;
import org.peerclear.clearing.NumericalTolerances;

import static org.peerclear.clearing.NumericalTolerances.UNDERFLOW_GUARD;

/**
 * Weighted projection onto a polyhedron, exactly (up to rounding), by the dual active-set method
 * of Goldfarb &amp; Idnani (Math. Programming 27, 1983):
 *
 * <pre>
 *   minimise  Σ_i g_i/2 (x_i − y_i)²   subject to   n_jᵀ x ≥ c_j   (j = 0..m−1),   g &gt; 0
 * </pre>
 *
 * The method starts from the unconstrained minimum {@code x = y} (no feasible start needed) and
 * adds the most violated constraint at a time, dropping constraints whose multiplier would turn
 * negative; linearly dependent constraints (e.g. the two sides of one limit, or the voltage
 * rows of neighbouring buses, which are nearly parallel) are handled by its partial steps. The
 * orthogonal factors {@code J = L⁻ᵀQ}, {@code R} are updated by Givens rotations, so a step costs
 * {@code O(n²)} plus one pass over the constraints to find the next violated one.
 *
 * <p>Dense; meant for the feeder's few dozen injection buses and rows. Not thread-safe: one
 * instance per user, its work arrays reused between calls.
 */
final class DualActiveSetProjection {
    private final int n;
    private final int m;
    private final double[][] nRows;
    private final double[] c;
    private final double[] sqrtG;
    private final double[] rowNorm;
    private final double gInvMax;

    private final double[][] jm;
    private final double[][] r;
    private final int[] active;
    private final double[] u;
    private final double[] d;
    private final double[] z;
    private final double[] rr;
    private final boolean[] isActive;
    private int q;

    /**
     * @param rows constraint normals n_j (each of length n; kept by reference, not copied)
     * @param rhs  right-hand sides c_j (kept by reference)
     * @param g    positive weights (copied)
     */
    DualActiveSetProjection(double[][] rows, double[] rhs, double[] g) {
        this.n = g.length;
        this.m = rows.length;
        this.nRows = rows;
        this.c = rhs;
        this.sqrtG = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(g[i] > 0) || Double.isInfinite(g[i])) {
                throw new IllegalArgumentException("Projection weights must be positive and finite, got " + g[i]);
            }
            sqrtG[i] = Math.sqrt(g[i]);
        }
        double gi = 0;
        for (int i = 0; i < n; i++) {
            gi = Math.max(gi, 1.0 / g[i]);
        }
        this.gInvMax = gi;
        this.rowNorm = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += rows[j][i] * rows[j][i];
            }
            rowNorm[j] = Math.sqrt(s);
        }
        this.jm = new double[n][n];
        this.r = new double[n][n];
        this.active = new int[n];
        this.u = new double[n + 1];
        this.d = new double[n];
        this.z = new double[n];
        this.rr = new double[n];
        this.isActive = new boolean[m];
    }

    int dimension() {
        return n;
    }

    int constraints() {
        return m;
    }

    /** Constraint j's normal n_j (a copy). */
    double[] normal(int j) {
        return nRows[j].clone();
    }

    /** Constraint j's right-hand side c_j. */
    double rhs(int j) {
        return c[j];
    }

    /**
     * Projects y; writes the projection into x and the multipliers (≥ 0, one per constraint,
     * in the weighted objective's units: {@code g∘(x − y) = Σ_j mult_j n_j}) into mult.
     *
     * @return false when the constraints are infeasible (or the method failed to finish); x then
     *         holds the last iterate
     */
    boolean project(double[] y, double[] x, double[] mult) {
        System.arraycopy(y, 0, x, 0, n);
        for (double[] row : jm) {
            Arrays.fill(row, 0.0);
        }
        for (int i = 0; i < n; i++) {
            jm[i][i] = 1.0 / sqrtG[i];
        }
        Arrays.fill(isActive, false);
        q = 0;
        double xNorm = 0;
        int maxSteps = 20 * (n + m) + 100;
        for (int step = 0; step < maxSteps; ) {
            xNorm = 0;
            for (int i = 0; i < n; i++) {
                xNorm = Math.max(xNorm, Math.abs(x[i]));
            }
            // Most violated constraint, relative to the rounding in evaluating it.
            int p = -1;
            double worst = 0;
            for (int j = 0; j < m; j++) {
                if (isActive[j]) {
                    continue;
                }
                double s = slack(j, x);
                double scale = Math.abs(c[j]) + rowNorm[j] * xNorm + UNDERFLOW_GUARD;
                if (s < -NumericalTolerances.PROJECTION_VIOLATION * scale && s / scale < worst) {
                    worst = s / scale;
                    p = j;
                }
            }
            if (p < 0) {
                writeMultipliers(mult);
                return true;
            }
            u[q] = 0.0;
            while (true) {
                step++;
                if (step > maxSteps) {
                    writeMultipliers(mult);
                    return false;
                }
                double[] np = nRows[p];
                for (int k = 0; k < n; k++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += jm[i][k] * np[i];
                    }
                    d[k] = s;
                }
                Arrays.fill(z, 0.0);
                for (int k = q; k < n; k++) {
                    double dk = d[k];
                    if (dk != 0.0) {
                        for (int i = 0; i < n; i++) {
                            z[i] += jm[i][k] * dk;
                        }
                    }
                }
                for (int k = q - 1; k >= 0; k--) {
                    double s = d[k];
                    for (int l = k + 1; l < q; l++) {
                        s -= r[k][l] * rr[l];
                    }
                    rr[k] = s / r[k][k];
                }
                // Partial step: the largest before an active multiplier reaches 0.
                double t1 = Double.POSITIVE_INFINITY;
                int drop = -1;
                for (int k = 0; k < q; k++) {
                    if (rr[k] > 0.0) {
                        double tk = u[k] / rr[k];
                        if (tk < t1) {
                            t1 = tk;
                            drop = k;
                        }
                    }
                }
                double zn = 0;
                double zz = 0;
                for (int i = 0; i < n; i++) {
                    zn += z[i] * np[i];
                    zz += z[i] * z[i];
                }
                // Full step: to the constraint's boundary, unless z is (numerically) 0, i.e. n_p
                // lies in the span of the active normals.
                double t2 = Double.POSITIVE_INFINITY;
                double zTiny = NumericalTolerances.PROJECTION_DEPENDENT * rowNorm[p] * gInvMax;
                if (zz > zTiny * zTiny && zn > 0) {
                    t2 = -slack(p, x) / zn;
                }
                double t = Math.min(t1, t2);
                if (t == Double.POSITIVE_INFINITY) {
                    writeMultipliers(mult);
                    return false;
                }
                for (int k = 0; k < q; k++) {
                    u[k] -= t * rr[k];
                }
                u[q] += t;
                if (t2 != Double.POSITIVE_INFINITY) {
                    for (int i = 0; i < n; i++) {
                        x[i] += t * z[i];
                    }
                }
                if (t == t2) {
                    add(p);
                    break;
                }
                dropAt(drop);
            }
        }
        writeMultipliers(mult);
        return false;
    }

    private double slack(int j, double[] x) {
        double[] row = nRows[j];
        double s = -c[j];
        for (int i = 0; i < n; i++) {
            s += row[i] * x[i];
        }
        return s;
    }

    private void writeMultipliers(double[] mult) {
        if (mult == null) {
            return;
        }
        Arrays.fill(mult, 0.0);
        for (int k = 0; k < q; k++) {
            mult[active[k]] = u[k];
        }
    }

    /** Adds constraint p (d = Jᵀ n_p already computed): rotates d[q..n) into d[q], updating J. */
    private void add(int p) {
        for (int k = n - 1; k > q; k--) {
            double a = d[k - 1];
            double b = d[k];
            if (b == 0.0) {
                continue;
            }
            double h = Math.hypot(a, b);
            double cs = a / h;
            double sn = b / h;
            d[k - 1] = h;
            d[k] = 0.0;
            rotateColumns(k - 1, k, cs, sn);
        }
        for (int k = 0; k <= q; k++) {
            r[k][q] = d[k];
        }
        active[q] = p;
        isActive[p] = true;
        q++;
    }

    /** Drops the active constraint at position l, restoring R's triangular form by rotations. */
    private void dropAt(int l) {
        isActive[active[l]] = false;
        for (int k = l; k < q - 1; k++) {
            active[k] = active[k + 1];
            u[k] = u[k + 1];
            for (int i = 0; i <= k + 1; i++) {
                r[i][k] = r[i][k + 1];
            }
        }
        u[q - 1] = u[q];
        for (int k = l; k < q - 1; k++) {
            double a = r[k][k];
            double b = r[k + 1][k];
            if (b == 0.0) {
                continue;
            }
            double h = Math.hypot(a, b);
            double cs = a / h;
            double sn = b / h;
            for (int col = k; col < q - 1; col++) {
                double x1 = r[k][col];
                double x2 = r[k + 1][col];
                r[k][col] = cs * x1 + sn * x2;
                r[k + 1][col] = -sn * x1 + cs * x2;
            }
            rotateColumns(k, k + 1, cs, sn);
        }
        q--;
        for (int i = 0; i < n; i++) {
            r[i][q] = 0.0;
        }
    }

    private void rotateColumns(int a, int b, double cs, double sn) {
        for (int i = 0; i < n; i++) {
            double[] row = jm[i];
            double x1 = row[a];
            double x2 = row[b];
            row[a] = cs * x1 + sn * x2;
            row[b] = -sn * x1 + cs * x2;
        }
    }
}
