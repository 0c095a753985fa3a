package org.peerclear.opt.ojalgo;

import java.util.Arrays;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.peerclear.opt.Problem;
import org.peerclear.opt.Sense;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.peerclear.opt.NumericalTolerances.KKT_DUAL_ACTIVE;
import static org.peerclear.opt.NumericalTolerances.KKT_POLISH_ACTIVE;
import static org.peerclear.opt.NumericalTolerances.KKT_RESIDUAL;

/**
 * Optimality certificates computed as the primal solution of a small linear program solved by
 * ojAlgo's simplex, whose primal solutions are reliable where its multipliers are not (scaled
 * by the objective adjustment factor on the convex path, lost for rows turned into bounds,
 * unrelated to rows on larger QPs). Two uses:
 *
 * <h2>{@link #duals}: duals of a given primal point</h2>
 * With x fixed, g = c + Qx is known and the LP is
 * <pre>
 *   minimise    Σ_j (r⁺_j + r⁻_j)
 *   subject to  Σ_i a_ij y_i + z_j + r⁺_j − r⁻_j = g_j      for every variable j
 *               y_i free on = rows; y_i ≤ 0 on active ≤ rows, ≥ 0 on active ≥ rows
 *               z_j ≥ 0 at an active lower bound, ≤ 0 at an active upper bound, free if l = u
 *               r⁺, r⁻ ≥ 0
 * </pre>
 * Inactive inequality rows get y = 0 and inactive bounds z = 0 (complementarity), so they are
 * not variables at all. The LP is always feasible (y = z = 0, r = ±g) and its optimum is 0
 * exactly when x is optimal; then y is a valid dual, the unique one for a non-degenerate
 * problem and a vertex of the dual optimal face otherwise (where least squares on stationarity
 * picks an invalid point).
 *
 * <h2>{@link #polish}: an exact KKT point from an approximate one (QP)</h2>
 * For a QP solved approximately (ojAlgo's ADMM), the active set read from the approximate
 * point is fixed and the KKT conditions with that active set, which are linear, are solved as
 * one LP: x becomes a variable (except where it sits at an active bound, where it is fixed
 * there), active inequality rows hold with equality, inactive ones are kept as inequalities,
 * and stationarity {@code c + Qx = Aᵀy + z + r⁺ − r⁻} is written with x inside. A zero optimum
 * means (x, y) satisfies every KKT condition exactly (up to the simplex's rounding): x is an
 * exact optimum of the QP, not the first-order approximation. A positive optimum means the
 * guessed active set was wrong, and the caller falls back.
 *
 * <h2>Which constraints count as active</h2>
 * A row or bound is active when its slack is at most {@code tol · (1 + |rhs| + Σ_j |a_ij x_j|)}
 * (row) or {@code tol · (1 + |bound|)} (bound): the tolerance is relative to the magnitudes
 * that make up the row, so that a row of large terms is not declared slack by rounding. The
 * caller chooses {@code tol}: {@link org.peerclear.opt.NumericalTolerances#KKT_DUAL_ACTIVE} for a simplex
 * vertex or a polished point, {@link org.peerclear.opt.NumericalTolerances#KKT_POLISH_ACTIVE} for an ADMM
 * point. Rows with an infinite right-hand side are never active.
 */
final class KktLp {
    private static final Logger LOG = LoggerFactory.getLogger(KktLp.class);
    /** Rounds of adding violated inequality rows before the residual is reported as it is. */
    private static final int MAX_ROUNDS = 50;

    /** The outcome: duals (and, for {@link #polish}, the point) plus the stationarity residual. */
    static final class Result {
        final double[] x;
        final double[] y;
        /** Largest |r_j| / (1 + |g_j|); NaN when the LP itself failed. */
        final double residual;
        final String lpState;

        Result(double[] x, double[] y, double residual, String lpState) {
            this.x = x;
            this.y = y;
            this.residual = residual;
            this.lpState = lpState;
        }

        boolean exact() {
            return residual <= KKT_RESIDUAL;
        }
    }

    private KktLp() {
    }

    /** Duals of the fixed point x (the first LP of the class comment). */
    static Result duals(Problem p, double[] x, Optimisation.Options options) {
        boolean[] fixed = new boolean[p.numVariables()];
        Arrays.fill(fixed, true);
        return solve(p, x, fixed, KKT_DUAL_ACTIVE, false, options);
    }

    /** An exact KKT point with the active set of the approximate point x (second LP). */
    static Result polish(Problem p, double[] x, Optimisation.Options options) {
        int n = p.numVariables();
        boolean[] fixed = new boolean[n];
        double[] start = x.clone();
        for (int j = 0; j < n; j++) {
            int side = boundSide(p, j, x[j], KKT_POLISH_ACTIVE);
            if (side != 0) {
                fixed[j] = true;
                start[j] = side > 0 ? p.lower(j) : p.upper(j);
            }
        }
        return solve(p, start, fixed, KKT_POLISH_ACTIVE, true, options);
    }

    /** +1 at an active lower bound, −1 at an active upper bound (or both: fixed variable gives +2), else 0. */
    private static int boundSide(Problem p, int j, double xj, double tol) {
        double l = p.lower(j);
        double u = p.upper(j);
        boolean atLower = l != Double.NEGATIVE_INFINITY && xj - l <= tol * (1.0 + Math.abs(l));
        boolean atUpper = u != Double.POSITIVE_INFINITY && u - xj <= tol * (1.0 + Math.abs(u));
        if (atLower && atUpper) {
            return 2;
        }
        return atLower ? 1 : atUpper ? -1 : 0;
    }

    private static Result solve(Problem p, double[] x0, boolean[] fixed, double tol, boolean primal,
                                Optimisation.Options options) {
        int n = p.numVariables();
        int m = p.numRows();
        double[] act = p.rowActivities(x0);
        // Row activity: +1 active ≥ side, −1 active ≤ side, 2 equality, 0 inactive.
        int[] rowState = new int[m];
        for (int i = 0; i < m; i++) {
            double rhs = p.rhs(i);
            if (p.sense(i) == Sense.EQUAL) {
                rowState[i] = 2;
                continue;
            }
            if (Double.isInfinite(rhs)) {
                continue;
            }
            double scale = 1.0 + Math.abs(rhs);
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                scale += Math.abs(p.coefficient(k) * x0[p.column(k)]);
            }
            double slack = p.sense(i) == Sense.LESS_EQUAL ? rhs - act[i] : act[i] - rhs;
            if (slack <= tol * scale) {
                rowState[i] = p.sense(i) == Sense.LESS_EQUAL ? -1 : 1;
            }
        }

        // z_j is not a variable: at a one-sided active bound it is the slack of an inequality
        // (g − Aᵀy ≥ 0 at a lower bound, ≤ 0 at an upper bound), at a fixed variable it absorbs
        // the whole equation (no row at all), and elsewhere it is 0 (an equation). Only the
        // residual that can help is added: r⁻ on a ≥ row, r⁺ on a ≤ row, both on an equation.
        int[] side = new int[n];
        for (int j = 0; j < n; j++) {
            side[j] = boundSide(p, j, x0[j], tol);
        }
        // Rows of variables at a one-sided bound are inequalities that rarely bind in a market
        // (most trades sit at 0 with a strictly positive reduced cost): they are added lazily,
        // when the duals of the smaller LP violate them, so the LP stays the size of its
        // equations plus the few inequalities that matter.
        boolean[] include = new boolean[n];
        for (int j = 0; j < n; j++) {
            include[j] = side[j] == 0;
        }
        for (int round = 0; ; round++) {
        ExpressionsBasedModel model = new ExpressionsBasedModel(options);
        Variable[] xv = new Variable[n];
        if (primal) {
            for (int j = 0; j < n; j++) {
                if (!fixed[j]) {
                    Variable v = model.addVariable("x" + j);
                    if (p.lower(j) != Double.NEGATIVE_INFINITY) {
                        v.lower(p.lower(j));
                    }
                    if (p.upper(j) != Double.POSITIVE_INFINITY) {
                        v.upper(p.upper(j));
                    }
                    xv[j] = v;
                }
            }
        }
        Variable[] yv = new Variable[m];
        for (int i = 0; i < m; i++) {
            if (rowState[i] != 0) {
                Variable v = model.addVariable("y" + i);
                if (rowState[i] == -1) {
                    v.upper(0.0);
                } else if (rowState[i] == 1) {
                    v.lower(0.0);
                }
                yv[i] = v;
            }
        }
        // Primal rows (polish only): a_i·x over the free x, the fixed part moved to the rhs.
        if (primal) {
            for (int i = 0; i < m; i++) {
                double rhs = p.rhs(i);
                if (Double.isInfinite(rhs)) {
                    continue;
                }
                Expression e = model.addExpression("row" + i);
                double constant = 0.0;
                boolean any = false;
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    int j = p.column(k);
                    if (fixed[j]) {
                        constant += p.coefficient(k) * x0[j];
                    } else {
                        e.add(xv[j], p.coefficient(k));
                        any = true;
                    }
                }
                double b = rhs - constant;
                if (!any) {
                    // Every variable of the row is fixed: the row must already hold.
                    boolean holds = rowState[i] != 0 || (p.sense(i) == Sense.LESS_EQUAL ? b >= 0 : b <= 0);
                    if (!holds) {
                        return new Result(x0, new double[m], Double.POSITIVE_INFINITY, "fixed row " + p.rowName(i) + " violated");
                    }
                    continue;
                }
                if (rowState[i] != 0) {
                    e.level(b);
                } else if (p.sense(i) == Sense.LESS_EQUAL) {
                    e.upper(b);
                } else {
                    e.lower(b);
                }
            }
        }

        // Stationarity: (Qx)_j − Σ_i a_ij y_i (− r⁺_j + r⁻_j) {=, ≥, ≤} −c_j (fixed x on the right).
        Expression[] stat = new Expression[n];
        double[] rhsStat = new double[n];
        for (int j = 0; j < n; j++) {
            rhsStat[j] = -p.linear(j);
            if (side[j] == 2 || !include[j]) {
                continue;
            }
            stat[j] = model.addExpression("stationarity" + j);
            if (side[j] <= 0) {
                stat[j].add(model.addVariable("rp" + j).lower(0.0).weight(1.0), -1.0);
            }
            if (side[j] >= 0) {
                stat[j].add(model.addVariable("rm" + j).lower(0.0).weight(1.0), 1.0);
            }
        }
        for (int k = 0; k < p.numQuadraticEntries(); k++) {
            int a = p.quadraticRow(k);
            int b = p.quadraticColumn(k);
            double q = p.quadraticValue(k);
            addQ(stat, rhsStat, xv, x0, fixed, a, b, q);
            if (a != b) {
                addQ(stat, rhsStat, xv, x0, fixed, b, a, q);
            }
        }
        for (int i = 0; i < m; i++) {
            if (yv[i] != null) {
                for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                    Expression e = stat[p.column(k)];
                    if (e != null) {
                        e.add(yv[i], -p.coefficient(k));
                    }
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (stat[j] == null) {
                continue;
            }
            if (side[j] == 0) {
                stat[j].level(rhsStat[j]);
            } else if (side[j] == 1) {
                stat[j].lower(rhsStat[j]);
            } else if (side[j] == -1) {
                stat[j].upper(rhsStat[j]);
            }
        }

        long t0 = System.nanoTime();
        Optimisation.Result r = model.minimise();
        LOG.debug("KKT LP (polish {}): {} variables, {} rows, {} s, state {}", primal, model.getVariables().size(),
                model.getExpressions().size(), (System.nanoTime() - t0) / 1e9, r.getState());
        double[] y = new double[m];
        if (!r.getState().isFeasible()) {
            return new Result(x0, y, Double.NaN, r.getState().toString());
        }
        double[] x = x0.clone();
        if (primal) {
            for (int j = 0; j < n; j++) {
                if (!fixed[j]) {
                    // Clamp the rounding of the simplex back into the bounds.
                    x[j] = Math.min(p.upper(j), Math.max(p.lower(j), xv[j].getValue().doubleValue()));
                }
            }
        }
        for (int i = 0; i < m; i++) {
            if (yv[i] != null) {
                y[i] = yv[i].getValue().doubleValue();
            }
        }
        // The residual is measured, not read from r: z = g − Aᵀy against the sign its bound allows.
        double[] g = p.gradient(x);
        double[] aty = p.transposeTimes(y);
        double residual = 0.0;
        int added = 0;
        for (int j = 0; j < n; j++) {
            double z = g[j] - aty[j];
            double wrong = side[j] == 2 ? 0.0 : side[j] == 1 ? Math.max(0.0, -z) : side[j] == -1 ? Math.max(0.0, z) : Math.abs(z);
            double relative = wrong / (1.0 + Math.abs(g[j]));
            if (!include[j] && side[j] != 2 && relative > KKT_RESIDUAL) {
                include[j] = true;
                added++;
            }
            residual = Math.max(residual, relative);
        }
        if (added == 0 || round >= MAX_ROUNDS) {
            return new Result(x, y, residual, r.getState().toString());
        }
        LOG.debug("KKT LP round {}: {} violated inequalities added", round, added);
        }
    }

    /** Adds Q_ab x_b to stationarity row a: as a term if x_b is free, else to the right-hand side. */
    private static void addQ(Expression[] stat, double[] rhs, Variable[] xv, double[] x0, boolean[] fixed, int a, int b, double q) {
        if (stat[a] == null) {
            return;
        }
        if (fixed[b]) {
            rhs[a] -= q * x0[b];
        } else {
            stat[a].add(xv[b], q);
        }
    }
}
