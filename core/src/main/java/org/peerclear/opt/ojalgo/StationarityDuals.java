package org.peerclear.opt.ojalgo;

import org.peerclear.opt.Problem;
import org.peerclear.opt.Sense;

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
    private static final int MAX_PASSES = 30;

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
            active[i] = p.sense(i) == Sense.EQUAL
                    || (Double.isFinite(rhs) && Math.abs(act[i] - rhs) <= ACTIVE_TOLERANCE * (1.0 + Math.abs(rhs)));
            y[i] = active[i] && !Double.isNaN(start[i]) ? start[i] : 0.0;
        }
        // Column equations z_j = 0: first for variables strictly inside their bounds; a variable
        // at a bound joins when its reduced cost has the wrong sign for that bound (then the
        // closest valid value is 0). Row equations y_i = 0 join likewise for a wrong-signed dual
        // of an inequality. With a unique dual the first pass is already exact; the later
        // passes find a valid dual when the active set is degenerate (e.g. both reciprocal
        // trades at their limits), where least squares alone would pick an invalid one.
        boolean[] bind = new boolean[n];
        int[] side = new int[n];
        for (int j = 0; j < n; j++) {
            side[j] = atBound(x[j], p.lower(j)) ? 1 : atBound(x[j], p.upper(j)) ? -1 : 0;
            bind[j] = side[j] == 0;
        }
        boolean[] zero = new boolean[m];
        double[] g = p.gradient(x);
        double tiny = 1e-12 * (1.0 + maxAbs(g));
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            leastSquares(p, g, active, bind, zero, y);
            boolean changed = false;
            double[] aty = p.transposeTimes(y);
            for (int j = 0; j < n; j++) {
                double z = g[j] - aty[j];
                if (!bind[j] && side[j] * z < -tiny) {
                    bind[j] = true;
                    changed = true;
                }
            }
            for (int i = 0; i < m; i++) {
                boolean wrong = (p.sense(i) == Sense.LESS_EQUAL && y[i] > tiny)
                        || (p.sense(i) == Sense.GREATER_EQUAL && y[i] < -tiny);
                if (active[i] && !zero[i] && wrong) {
                    zero[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return y;
    }

    /** CGLS for min ‖[A_{active,bind}ᵀ; I_zero] y − [g_bind; 0]‖ over the active rows, from y. */
    private static void leastSquares(Problem p, double[] g, boolean[] active, boolean[] bind, boolean[] zero, double[] y) {
        int m = y.length;
        int n = g.length;
        double[] r = new double[n + m];
        times(p, y, active, bind, zero, r);
        for (int j = 0; j < n; j++) {
            r[j] = bind[j] ? g[j] - r[j] : 0.0;
        }
        for (int i = 0; i < m; i++) {
            r[n + i] = -r[n + i];
        }
        double[] gOnly = new double[n + m];
        for (int j = 0; j < n; j++) {
            gOnly[j] = bind[j] ? g[j] : 0.0;
        }
        double[] btg = transposeTimes(p, gOnly, active, bind, zero, new double[m]);
        double stop = 1e-14 * Math.max(Math.sqrt(dot(btg, btg)), 1.0);
        double[] s = transposeTimes(p, r, active, bind, zero, new double[m]);
        double[] dir = s.clone();
        double gamma = dot(s, s);
        double[] q = new double[n + m];
        int maxIterations = Math.max(50, 3 * m);
        for (int it = 0; it < maxIterations && Math.sqrt(gamma) > stop; it++) {
            times(p, dir, active, bind, zero, q);
            double qq = dot(q, q);
            if (qq == 0.0) {
                break;
            }
            double alpha = gamma / qq;
            for (int i = 0; i < m; i++) {
                y[i] += alpha * dir[i];
            }
            for (int k = 0; k < r.length; k++) {
                r[k] -= alpha * q[k];
            }
            transposeTimes(p, r, active, bind, zero, s);
            double next = dot(s, s);
            double beta = next / gamma;
            gamma = next;
            for (int i = 0; i < m; i++) {
                dir[i] = s[i] + beta * dir[i];
            }
        }
    }

    private static double maxAbs(double[] v) {
        double a = 0.0;
        for (double d : v) {
            a = Math.max(a, Math.abs(d));
        }
        return a;
    }

    private static boolean atBound(double xj, double bound) {
        return Double.isFinite(bound) && Math.abs(xj - bound) <= ACTIVE_TOLERANCE * (1.0 + Math.abs(bound));
    }

    /** out = [A_{active,bind}ᵀ v; v_zero] (length n + m). */
    private static void times(Problem p, double[] v, boolean[] active, boolean[] bind, boolean[] zero, double[] out) {
        int n = bind.length;
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < active.length; i++) {
            if (active[i] && v[i] != 0.0) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    int j = p.column(k);
                    if (bind[j]) {
                        out[j] += p.coefficient(k) * v[i];
                    }
                }
            }
            out[n + i] = active[i] && zero[i] ? v[i] : 0.0;
        }
    }

    /** out = A_{active,bind} w_cols + w_zero (length m, zero on inactive rows). */
    private static double[] transposeTimes(Problem p, double[] w, boolean[] active, boolean[] bind, boolean[] zero, double[] out) {
        int n = bind.length;
        for (int i = 0; i < active.length; i++) {
            double s = 0.0;
            if (active[i]) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    int j = p.column(k);
                    if (bind[j]) {
                        s += p.coefficient(k) * w[j];
                    }
                }
                if (zero[i]) {
                    s += w[n + i];
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
