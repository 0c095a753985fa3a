package org.peerclear.clearing.exact;

import java.util.Arrays;

import static org.peerclear.clearing.NumericalTolerances.EXACT_ROW;

/**
 * The feeder's rows ({@link BusRows}) with what {@link FeederSolver} and {@link LocalModel} ask
 * of them: cached coefficients, each row's tolerance and violation, the bounds' part of the dual,
 * and each row's potential curvature (the scale of the local model's damping).
 */
final class RowSet {

    final BusRows rows;
    final int nq;
    final int nr;
    private final double[][] coef;
    private final double[] busWeight;
    private final double[] potential;

    /** {@code busWeight[q]}: Σ 1/a over the assets at bus q with a quadratic cost. */
    RowSet(BusRows rows, double[] busWeight) {
        this.rows = rows;
        nq = rows.numBuses();
        nr = rows.numRows();
        coef = new double[nr][];
        this.busWeight = busWeight;
        potential = new double[nr];
        Arrays.fill(potential, Double.NaN);
    }

    double[] coefficients(int r) {
        if (coef[r] == null) {
            coef[r] = new double[nq];
            rows.coefficients(r, coef[r]);
        }
        return coef[r];
    }

    double lower(int r) {
        return rows.lower(r);
    }

    double upper(int r) {
        return rows.upper(r);
    }

    double tolerance(int r) {
        double lo = rows.lower(r);
        double hi = rows.upper(r);
        double m = 1.0;
        m = Double.isFinite(lo) ? Math.max(m, Math.abs(lo)) : m;
        m = Double.isFinite(hi) ? Math.max(m, Math.abs(hi)) : m;
        return EXACT_ROW * m;
    }

    /** How far row r lies outside its bounds relative to its tolerance, minus one (≤ 0: holds). */
    double violation(int r, double v) {
        return Math.max(rows.lower(r) - v, v - rows.upper(r)) / tolerance(r) - 1.0;
    }

    /** The row, not skipped, that lies furthest outside its bounds at values {@code v}, or -1. */
    int mostViolated(double[] v, boolean[] skip) {
        int best = -1;
        double most = 0;
        for (int r = 0; r < nr; r++) {
            if (!skip[r]) {
                double d = violation(r, v[r]);
                if (d > most) {
                    most = d;
                    best = r;
                }
            }
        }
        return best;
    }

    /** {@code min(lower·y, upper·y)}: the bounds' part of the dual. */
    double bound(int r, double yr) {
        return yr >= 0 ? (yr == 0 ? 0.0 : rows.lower(r) * yr) : rows.upper(r) * yr;
    }

    /**
     * The curvature row r would have if every asset with a quadratic cost were free
     * ({@code Σ_q c_rq²·Σ_{s at q} 1/a_s}): the damping's scale, finite where the piece has none.
     */
    double potential(int r) {
        if (Double.isNaN(potential[r])) {
            double[] c = coefficients(r);
            double sum = 0;
            for (int q = 0; q < nq; q++) {
                sum += c[q] * c[q] * busWeight[q];
            }
            potential[r] = sum > 0 ? sum : 1.0;
        }
        return potential[r];
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
