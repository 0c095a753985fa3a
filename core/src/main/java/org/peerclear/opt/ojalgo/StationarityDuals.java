package org.peerclear.opt.ojalgo;

import org.peerclear.opt.Problem;

/**
 * Completes and polishes row duals from a primal point by least squares on stationarity,
 * {@code c + Qx = Aᵀy + z}, restricted to what the point says is active: rows that are
 * equalities or tight get a free dual, slack rows get 0, and variables strictly inside their
 * bounds must have {@code z_j = 0}, so their stationarity equation binds y. Variables at a
 * bound are left out (their z absorbs the rest). This is how duals are recovered for rows
 * ojAlgo turned into bounds or did not report at all.
 *
 * <p>The least-squares problem {@code min ‖A_Fᵀy − g_F‖} is solved matrix-free by CGLS
 * (conjugate gradients on the normal equations, in the numerically safer Paige–Saunders
 * form), so memory stays O(non-zeros) for market-sized problems, where a dense QR of the
 * active set would be O(n·m). The iteration starts from the duals the solver gave: when those
 * already satisfy stationarity, nothing changes. When the duals are not unique (degenerate
 * active set) CGLS returns the one closest to the starting point in the row space, which is
 * valid but may differ from another solver's choice.
 */
final class StationarityDuals {
    /** Slack or distance to a bound under which a row or bound counts as active, relative to 1 + |rhs|. */
    static final double ACTIVE_TOLERANCE = 1e-7;

    private StationarityDuals() {
    }

    /**
     * @param start the solver's duals in the project convention, NaN where unknown
     * @return duals for every row: 0 on slack rows, least-squares stationarity fit on active ones
     */
    static double[] recover(Problem p, double[] x, double[] start) {
        int m = p.numRows();
        int n = p.numVariables();
        boolean[] active = new boolean[m];
        double[] act = p.rowActivities(x);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double rhs = p.rhs(i);
            active[i] = p.sense(i) == org.peerclear.opt.Sense.EQUAL
                    || (Double.isFinite(rhs) && Math.abs(act[i] - rhs) <= ACTIVE_TOLERANCE * (1.0 + Math.abs(rhs)));
            y[i] = active[i] && !Double.isNaN(start[i]) ? start[i] : 0.0;
        }
        boolean[] inside = new boolean[n];
        for (int j = 0; j < n; j++) {
            inside[j] = !atBound(x[j], p.lower(j)) && !atBound(x[j], p.upper(j));
        }
        double[] g = p.gradient(x);

        // CGLS on B = A_{active, inside}ᵀ, b = g_inside.
        double[] r = new double[n];
        double[] aty = times(p, y, active, inside, new double[n]);
        for (int j = 0; j < n; j++) {
            r[j] = inside[j] ? g[j] - aty[j] : 0.0;
        }
        double[] s = transposeTimes(p, r, active, inside, new double[m]);
        double[] dir = s.clone();
        double gamma = dot(s, s);
        double[] gRestricted = new double[n];
        for (int j = 0; j < n; j++) {
            gRestricted[j] = inside[j] ? g[j] : 0.0;
        }
        double scale = Math.sqrt(dot(transposeTimes(p, gRestricted, active, inside, new double[m]),
                transposeTimes(p, gRestricted, active, inside, new double[m])));
        double stop = 1e-14 * Math.max(scale, 1.0);
        double[] q = new double[n];
        int maxIterations = Math.max(50, 3 * m);
        for (int it = 0; it < maxIterations && Math.sqrt(gamma) > stop; it++) {
            times(p, dir, active, inside, q);
            double qq = dot(q, q);
            if (qq == 0.0) {
                break;
            }
            double alpha = gamma / qq;
            for (int i = 0; i < m; i++) {
                y[i] += alpha * dir[i];
            }
            for (int j = 0; j < n; j++) {
                r[j] -= alpha * q[j];
            }
            transposeTimes(p, r, active, inside, s);
            double next = dot(s, s);
            double beta = next / gamma;
            gamma = next;
            for (int i = 0; i < m; i++) {
                dir[i] = s[i] + beta * dir[i];
            }
        }
        return y;
    }

    private static boolean atBound(double xj, double bound) {
        return Double.isFinite(bound) && Math.abs(xj - bound) <= ACTIVE_TOLERANCE * (1.0 + Math.abs(bound));
    }

    /** out = A_{active,inside}ᵀ v (length n, zero outside the inside columns). */
    private static double[] times(Problem p, double[] v, boolean[] active, boolean[] inside, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < active.length; i++) {
            if (active[i] && v[i] != 0.0) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    int j = p.column(k);
                    if (inside[j]) {
                        out[j] += p.coefficient(k) * v[i];
                    }
                }
            }
        }
        return out;
    }

    /** out = A_{active,inside} w (length m, zero on inactive rows). */
    private static double[] transposeTimes(Problem p, double[] w, boolean[] active, boolean[] inside, double[] out) {
        for (int i = 0; i < active.length; i++) {
            double s = 0.0;
            if (active[i]) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    int j = p.column(k);
                    if (inside[j]) {
                        s += p.coefficient(k) * w[j];
                    }
                }
            }
            out[i] = s;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
