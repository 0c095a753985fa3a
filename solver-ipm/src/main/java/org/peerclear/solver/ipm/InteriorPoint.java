package org.peerclear.solver.ipm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mehrotra's predictor–corrector primal–dual interior-point method on a {@link StandardForm}
 * (min c·x + ½Σq_j x_j², A·x = b, lo ≤ x ≤ hi), infeasible in the rows, strictly interior in the
 * bounds:
 *
 * <pre>
 *   dual residual   r_d = c + q∘x − Aᵀy − z_l + z_u
 *   primal residual r_p = b − A·x
 *   complementarity s_l∘z_l = μ, s_u∘z_u = μ with s_l = x − lo, s_u = hi − x
 * </pre>
 *
 * Each iteration factors the Newton system once ({@link NormalEquations}, with
 * H = q + z_l/s_l + z_u/s_u) and solves it twice: the affine (predictor) direction gives σ =
 * (μ_aff/μ)³, the corrector adds σμ and the second-order term Δs_aff∘Δz_aff. Steps go
 * {@link IpmSettings#STEP_TO_BOUNDARY} of the way to the boundary; an LP takes separate primal
 * and dual steps, a QP one common step (its dual residual depends on x). The slacks s_l, s_u are
 * iterates of their own, not recomputed as x − lo, so that a bound far from zero costs no digits.
 *
 * <p>Stopping rule, in the units of the original problem: relative primal residual
 * ‖r_p‖∞/max(1, ‖rhs‖∞), relative dual residual ‖r_d‖∞/max(1, ‖c‖∞) and relative gap
 * |primal − dual objective|/(1 + |objective|), each at most the tolerance. The run also ends at
 * the deadline, the iteration cap, on iterates beyond {@link IpmSettings#DIVERGENCE} (the sign of
 * an infeasible or unbounded problem) or after {@link IpmSettings#STALL_ITERATIONS} steps below
 * {@link IpmSettings#STALL_STEP}; the caller classifies those.
 *
 * <p>Every array is allocated in the constructor; the loop allocates nothing.
 */
final class InteriorPoint {
    private static final Logger LOG = LoggerFactory.getLogger(InteriorPoint.class);

    enum Outcome { OPTIMAL, ITERATION_LIMIT, TIME_LIMIT, DIVERGED, STALLED }

    private final StandardForm f;
    private final NormalEquations ne;
    private final int n;
    private final int m;
    private final boolean[] hasL;
    private final boolean[] hasU;
    private final int complementarityPairs;
    private final boolean quadratic;
    final double[] x;
    final double[] y;
    private final double[] zl;
    private final double[] zu;
    private final double[] sl;
    private final double[] su;
    private final double[] rp;
    private final double[] rd;
    private final double[] h;
    private final double[] r1;
    private final double[] dx;
    private final double[] dy;
    private final double[] dzl;
    private final double[] dzu;
    private final double[] dxAff;
    private final double[] dzlAff;
    private final double[] dzuAff;
    private final double[] rcl;
    private final double[] rcu;

    // Measures of the last iterate.
    int iterations;
    double primalResidual;
    double dualResidual;
    double relativeGap;
    double objective;

    /** Why the run hit the time limit (the phase that ran out), null otherwise. */
    String timeLimitIn;
    /** True once x, y hold the starting point (before, they are zero). */
    boolean started;

    /**
     * Builds the Newton system's structure (ordering, symbolic factorisation).
     *
     * @throws DeadlineException     when the deadline passes before the structure is built
     * @throws FactorBudgetException when the factor would exceed {@code factorBudget}
     */
    InteriorPoint(StandardForm f, long deadlineNanos, long factorBudget) {
        this.f = f;
        this.n = f.n;
        this.m = f.m;
        this.ne = new NormalEquations(f, deadlineNanos, factorBudget);
        hasL = new boolean[n];
        hasU = new boolean[n];
        int pairs = 0;
        for (int j = 0; j < n; j++) {
            hasL[j] = f.lo[j] > Double.NEGATIVE_INFINITY;
            hasU[j] = f.hi[j] < Double.POSITIVE_INFINITY;
            pairs += (hasL[j] ? 1 : 0) + (hasU[j] ? 1 : 0);
        }
        complementarityPairs = pairs;
        quadratic = f.hasQuadratic();
        x = new double[n];
        y = new double[m];
        zl = new double[n];
        zu = new double[n];
        sl = new double[n];
        su = new double[n];
        rp = new double[m];
        rd = new double[n];
        h = new double[n];
        r1 = new double[n];
        dx = new double[n];
        dy = new double[m];
        dzl = new double[n];
        dzu = new double[n];
        dxAff = new double[n];
        dzlAff = new double[n];
        dzuAff = new double[n];
        rcl = new double[n];
        rcu = new double[n];
    }

    /** Newton solves and iterative-refinement passes of the run. */
    String solveCounts() {
        return ne.solves + " solves, " + ne.refinements + " refinement passes";
    }

    long factorNonZeros() {
        return ne.factorNonZeros();
    }

    /**
     * The factor's size and the flops of one factorisation, for the result's message: no timings,
     * so that the same problem gives the same message (sweeps compare rows bit for bit).
     */
    String structure() {
        return String.format(java.util.Locale.ROOT, "factor %d non-zeros (%.3g flops)", ne.factorNonZeros(), ne.factorFlops());
    }

    /** Seconds of the ordering and of the symbolic factorisation, for the log. */
    String phaseSeconds() {
        return String.format(java.util.Locale.ROOT, "ordering %.3f s, symbolic %.3f s", ne.orderingSeconds, ne.symbolicSeconds);
    }

    /**
     * Runs to an outcome. At TIME_LIMIT x and y hold the last complete iterate (zero if the
     * starting point's factorisation ran out) and {@link #timeLimitIn} says where it ran out.
     */
    Outcome run(double tolerance, long deadlineNanos, boolean log) {
        try {
            return iterations(tolerance, deadlineNanos, log);
        } catch (DeadlineException e) {
            // Thrown by a numeric factorisation, which precedes every change of the iterate.
            timeLimitIn = e.getMessage() + (started ? " of iteration " + (iterations + 1) : " of the starting point");
            return Outcome.TIME_LIMIT;
        }
    }

    private Outcome iterations(double tolerance, long deadlineNanos, boolean log) {
        start();
        started = true;
        int stalled = 0;
        for (iterations = 0; ; iterations++) {
            double mu = measure();
            if (log || LOG.isDebugEnabled()) {
                String line = String.format("ipm %3d  obj %+.10e  pres %.2e  dres %.2e  gap %.2e  mu %.2e",
                        iterations, objective, primalResidual, dualResidual, relativeGap, mu);
                if (log) {
                    LOG.info(line);
                } else {
                    LOG.debug(line);
                }
            }
            if (primalResidual <= tolerance && dualResidual <= tolerance && relativeGap <= tolerance) {
                return Outcome.OPTIMAL;
            }
            if (DeadlineException.passed(deadlineNanos)) {
                timeLimitIn = "the time limit ran out after iteration " + iterations;
                return Outcome.TIME_LIMIT;
            }
            if (iterations >= IpmSettings.MAX_ITERATIONS) {
                return Outcome.ITERATION_LIMIT;
            }
            if (diverged()) {
                return Outcome.DIVERGED;
            }
            double step = iterate(mu);
            stalled = step < IpmSettings.STALL_STEP ? stalled + 1 : 0;
            if (stalled >= IpmSettings.STALL_ITERATIONS) {
                return Outcome.STALLED;
            }
        }
    }

    /**
     * The starting point: x and y of min c·x + ½x·(1+q)·x subject to A·x = b (one solve with the
     * barrier replaced by the identity), x then moved {@link IpmSettings#INITIAL_BOUND_DISTANCE}
     * inside its bounds (to the middle of a narrower box), and each bound dual set to the part of
     * the dual residual it can absorb plus {@link IpmSettings#INITIAL_DUAL}.
     */
    private void start() {
        for (int j = 0; j < n; j++) {
            h[j] = 1.0 + f.q[j];
            r1[j] = -f.c[j];
        }
        ne.factor(h);
        ne.solve(r1, f.b, x, y);
        double d = IpmSettings.INITIAL_BOUND_DISTANCE;
        for (int j = 0; j < n; j++) {
            double lo = f.lo[j];
            double hi = f.hi[j];
            if (hasL[j] && hasU[j]) {
                x[j] = hi - lo <= 2 * d ? 0.5 * (lo + hi) : Math.min(hi - d, Math.max(lo + d, x[j]));
            } else if (hasL[j]) {
                x[j] = Math.max(lo + d, x[j]);
            } else if (hasU[j]) {
                x[j] = Math.min(hi - d, x[j]);
            }
            sl[j] = hasL[j] ? x[j] - lo : 0.0;
            su[j] = hasU[j] ? hi - x[j] : 0.0;
        }
        aty(y, rd);
        for (int j = 0; j < n; j++) {
            double g = f.c[j] + f.q[j] * x[j] - rd[j];
            zl[j] = hasL[j] ? Math.max(g, 0.0) + IpmSettings.INITIAL_DUAL : 0.0;
            zu[j] = hasU[j] ? Math.max(-g, 0.0) + IpmSettings.INITIAL_DUAL : 0.0;
        }
    }

    /** Residuals and the stopping measures of the current iterate; returns μ. */
    private double measure() {
        for (int i = 0; i < m; i++) {
            rp[i] = f.b[i];
        }
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            double s = 0.0;
            for (int k = f.colStart[j]; k < f.colStart[j + 1]; k++) {
                rp[f.rowIndex[k]] -= f.value[k] * xj;
                s += f.value[k] * y[f.rowIndex[k]];
            }
            rd[j] = f.c[j] + f.q[j] * xj - s - zl[j] + zu[j];
        }
        double omega = f.objectiveScale;
        double pres = 0.0;
        for (int i = 0; i < m; i++) {
            pres = Math.max(pres, Math.abs(rp[i]) / f.rowScale[i]);
        }
        double dres = 0.0;
        double pobj = 0.0;
        double dobj = 0.0;
        double comp = 0.0;
        for (int j = 0; j < n; j++) {
            dres = Math.max(dres, Math.abs(rd[j]) / (f.colScale[j] * omega));
            double quad = 0.5 * f.q[j] * x[j] * x[j];
            pobj += f.c[j] * x[j] + quad;
            dobj -= quad;
            if (hasL[j]) {
                dobj += f.lo[j] * zl[j];
                comp += sl[j] * zl[j];
            }
            if (hasU[j]) {
                dobj -= f.hi[j] * zu[j];
                comp += su[j] * zu[j];
            }
        }
        for (int i = 0; i < m; i++) {
            dobj += f.b[i] * y[i];
        }
        primalResidual = pres / f.rhsNorm;
        dualResidual = dres / f.costNorm;
        objective = pobj / omega + f.objectiveOffset;
        relativeGap = Math.abs(pobj - dobj) / omega / (1.0 + Math.abs(objective));
        return complementarityPairs == 0 ? 0.0 : comp / complementarityPairs;
    }

    private boolean diverged() {
        double limit = IpmSettings.DIVERGENCE;
        for (int j = 0; j < n; j++) {
            // The net bound dual: both duals of a narrow box grow together, legitimately.
            if (!(Math.abs(x[j]) < limit && Math.abs(zl[j] - zu[j]) < limit)) {
                LOG.debug("diverged at column {}: x {} zl {} zu {} lo {} hi {} q {}", j, x[j], zl[j], zu[j], f.lo[j], f.hi[j], f.q[j]);
                return true;
            }
        }
        for (int i = 0; i < m; i++) {
            if (!(Math.abs(y[i]) < limit)) {
                LOG.debug("diverged at row {}: y {}", i, y[i]);
                return true;
            }
        }
        return false;
    }

    /** One predictor–corrector step; returns the smaller step length taken. */
    private double iterate(double mu) {
        for (int j = 0; j < n; j++) {
            double hj = f.q[j];
            if (hasL[j]) {
                hj += zl[j] / sl[j];
            }
            if (hasU[j]) {
                hj += zu[j] / su[j];
            }
            h[j] = hj;
        }
        ne.factor(h);
        // Predictor: σ = 0.
        for (int j = 0; j < n; j++) {
            rcl[j] = hasL[j] ? -sl[j] * zl[j] : 0.0;
            rcu[j] = hasU[j] ? -su[j] * zu[j] : 0.0;
        }
        direction();
        double alphaP = primalStep(1.0);
        double alphaD = dualStep(1.0);
        if (quadratic) {
            alphaP = alphaD = Math.min(alphaP, alphaD);
        }
        if (complementarityPairs > 0) {
            double muAff = 0.0;
            for (int j = 0; j < n; j++) {
                if (hasL[j]) {
                    muAff += (sl[j] + alphaP * dx[j]) * (zl[j] + alphaD * dzl[j]);
                }
                if (hasU[j]) {
                    muAff += (su[j] - alphaP * dx[j]) * (zu[j] + alphaD * dzu[j]);
                }
            }
            muAff /= complementarityPairs;
            double ratio = Math.min(1.0, Math.max(0.0, muAff / mu));
            double sigmaMu = ratio * ratio * ratio * mu;
            // Corrector: centring σμ and the second-order term of the affine step.
            System.arraycopy(dx, 0, dxAff, 0, n);
            System.arraycopy(dzl, 0, dzlAff, 0, n);
            System.arraycopy(dzu, 0, dzuAff, 0, n);
            for (int j = 0; j < n; j++) {
                rcl[j] = hasL[j] ? sigmaMu - sl[j] * zl[j] - dxAff[j] * dzlAff[j] : 0.0;
                rcu[j] = hasU[j] ? sigmaMu - su[j] * zu[j] + dxAff[j] * dzuAff[j] : 0.0;
            }
            direction();
            double eta = IpmSettings.STEP_TO_BOUNDARY;
            alphaP = Math.min(1.0, eta * primalStep(Double.POSITIVE_INFINITY));
            alphaD = Math.min(1.0, eta * dualStep(Double.POSITIVE_INFINITY));
            if (quadratic) {
                alphaP = alphaD = Math.min(alphaP, alphaD);
            }
        }
        for (int j = 0; j < n; j++) {
            double step = alphaP * dx[j];
            x[j] += step;
            if (hasL[j]) {
                sl[j] += step;
                zl[j] += alphaD * dzl[j];
            }
            if (hasU[j]) {
                su[j] -= step;
                zu[j] += alphaD * dzu[j];
            }
        }
        for (int i = 0; i < m; i++) {
            y[i] += alphaD * dy[i];
        }
        return Math.min(alphaP, alphaD);
    }

    /** The Newton direction for the complementarity right-hand sides rcl, rcu. */
    private void direction() {
        for (int j = 0; j < n; j++) {
            double r = -rd[j];
            if (hasL[j]) {
                r += rcl[j] / sl[j];
            }
            if (hasU[j]) {
                r -= rcu[j] / su[j];
            }
            r1[j] = r;
        }
        ne.solve(r1, rp, dx, dy);
        for (int j = 0; j < n; j++) {
            dzl[j] = hasL[j] ? (rcl[j] - zl[j] * dx[j]) / sl[j] : 0.0;
            dzu[j] = hasU[j] ? (rcu[j] + zu[j] * dx[j]) / su[j] : 0.0;
        }
    }

    /** Largest α ≤ cap keeping s_l + α·dx ≥ 0 and s_u − α·dx ≥ 0. */
    private double primalStep(double cap) {
        double alpha = cap;
        for (int j = 0; j < n; j++) {
            double d = dx[j];
            if (hasL[j] && d < 0.0) {
                alpha = Math.min(alpha, -sl[j] / d);
            }
            if (hasU[j] && d > 0.0) {
                alpha = Math.min(alpha, su[j] / d);
            }
        }
        return alpha;
    }

    /** Largest α ≤ cap keeping z_l + α·dz_l ≥ 0 and z_u + α·dz_u ≥ 0. */
    private double dualStep(double cap) {
        double alpha = cap;
        for (int j = 0; j < n; j++) {
            if (hasL[j] && dzl[j] < 0.0) {
                alpha = Math.min(alpha, -zl[j] / dzl[j]);
            }
            if (hasU[j] && dzu[j] < 0.0) {
                alpha = Math.min(alpha, -zu[j] / dzu[j]);
            }
        }
        return alpha;
    }

    /** out = Aᵀ·v. */
    private void aty(double[] v, double[] out) {
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int k = f.colStart[j]; k < f.colStart[j + 1]; k++) {
                s += f.value[k] * v[f.rowIndex[k]];
            }
            out[j] = s;
        }
    }
}
