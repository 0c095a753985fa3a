package org.peerclear.solver.ipm;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.Status;
import org.peerclear.opt.UnsupportedProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pure-Java primal–dual interior-point method for LPs and for QPs with a diagonal Q, the
 * shape of PeerClear's markets (½·a·p² per asset, linear fees, balance, reciprocity, storage
 * and feeder rows).
 *
 * <h2>Method</h2>
 * <ul>
 *   <li>{@link StandardForm}: fixed variables substituted, vacuous and empty rows dropped, one
 *       slack per inequality row (so the duals are the rows' own), Ruiz equilibration and cost
 *       scaling. Free variables, one- and two-sided bounds are kept as they are: only finite
 *       sides get a barrier.</li>
 *   <li>{@link InteriorPoint}: Mehrotra predictor–corrector, infeasible start, stopping on
 *       relative primal and dual residuals and gap, all in the original units, at most
 *       {@link SolverParameters#optimalityTolerance()}.</li>
 *   <li>{@link NormalEquations}: the Newton system reduced to A·(H+ρI)⁻¹·Aᵀ + δI, factored by
 *       this module's sparse LDLᵀ ({@link SparseLdl}) after an approximate minimum-degree ordering
 *       ({@link ApproximateMinimumDegree}), with primal–dual regularisation undone by iterative refinement.</li>
 * </ul>
 *
 * <h2>Statuses</h2>
 * OPTIMAL only when the stopping rule holds. A run that diverges, stalls or reaches the iteration
 * cap is classified by two auxiliary LPs solved by the same method: the elastic problem
 * (every row may be violated at unit cost) — a least violation above
 * {@link IpmSettings#INFEASIBILITY_MARGIN}·max(1, ‖rhs‖∞) is INFEASIBLE, its duals being a
 * Farkas certificate —; if the problem is feasible, the ray problem (min c·d over directions with
 * A·d within the rows' recession cone, d in the bounds' recession cone, d = 0 where q &gt; 0 and
 * |d| ≤ 1) — a value below −{@link IpmSettings#RAY_MARGIN}·max(1, ‖c‖∞) is UNBOUNDED. Otherwise
 * NOT_CONVERGED. At the time limit the current iterate is returned as TIME_LIMIT, with its
 * residuals in the message and the phase that ran out (the ordering, the symbolic factorisation
 * and each numeric factorisation watch the deadline too; before the first iterate the point is
 * zero moved into the bounds). A factor beyond {@link IpmSettings#FACTOR_NONZERO_BUDGET}
 * non-zeros, or too slow for the time left, is declined after the symbolic factorisation: ERROR,
 * "interior point declined: factor of N non-zeros exceeds the budget …" (the status of a method
 * that cannot run for an internal reason; the default horizon clearing then tries the next
 * preferred back-end).
 *
 * <h2>Measured</h2>
 * The whole 100 households × 24 h horizon on a complete trade graph (497k variables, 128k rows,
 * {@code HouseholdDayGenerator} seed 1): 20 iterations, factor of 551k non-zeros, objective
 * −557.5224855 certified (KKT primal 1e-14, complementarity 3e-10, relative gap 2e-10), 2.7 s
 * median in {@code HorizonClearBenchmark -p solver=ipm} where PDLP takes about 99 s.
 *
 * <h2>Parameters</h2>
 * Honoured: the time limit, the optimality tolerance (all three measures), the solver log (one
 * INFO line per iteration). Not honoured: the feasibility tolerance (the primal residual is held
 * to the optimality tolerance instead, which is stricter by default), threads (single-threaded),
 * MIP gap (no integers).
 */
public final class IpmBackend implements SolverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(IpmBackend.class);
    /** The name it is registered and chosen by. */
    public static final String NAME = "ipm";
    private static final Set<ProblemClass> CLASSES = EnumSet.of(ProblemClass.LP, ProblemClass.QP);

    private final long factorBudget;

    /** The back-end with the factor budget of {@link IpmSettings#FACTOR_NONZERO_BUDGET} (the service constructor). */
    public IpmBackend() {
        this(IpmSettings.FACTOR_NONZERO_BUDGET);
    }

    /** With another factor budget: the tests' hook to a budget refusal on a small problem. */
    IpmBackend(long factorBudget) {
        this.factorBudget = factorBudget;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ProblemClass> problemClasses() {
        return CLASSES;
    }

    @Override
    public boolean providesDuals() {
        return true;
    }

    @Override
    public String description() {
        return "Interior point (Mehrotra, sparse LDLᵀ, pure Java): LP and diagonal QP, duals";
    }

    @Override
    public Solution solve(Problem problem, SolverParameters parameters) {
        ProblemClass cls = problem.problemClass();
        requireSupported(cls);
        if (!problem.isQuadraticDiagonal()) {
            throw new UnsupportedProblemException(NAME, cls, "the interior-point method accepts only a diagonal Q");
        }
        long start = System.nanoTime();
        double limit = parameters.timeLimitSeconds();
        long deadline = Double.isFinite(limit) && limit < 1e9 ? start + (long) (limit * 1e9) : DeadlineException.NONE;
        try {
            return solve(problem, parameters, start, deadline);
        } catch (FactorBudgetException e) {
            return Solution.withoutPoint(Status.ERROR, "interior point declined: " + e.getMessage(), NAME, 0, seconds(start));
        } catch (RuntimeException e) {
            LOG.warn("Interior point failed on {}", problem.name(), e);
            return Solution.withoutPoint(Status.ERROR, "interior point failed: " + e, NAME, 0, seconds(start));
        }
    }

    private Solution solve(Problem problem, SolverParameters parameters, long start, long deadline) {
        StandardForm form = new StandardForm(problem);
        if (form.infeasibility != null) {
            return Solution.withoutPoint(Status.INFEASIBLE, "presolve: " + form.infeasibility, NAME, 0, seconds(start));
        }
        long formed = System.nanoTime();
        InteriorPoint ipm;
        try {
            ipm = new InteriorPoint(form, deadline, factorBudget);
        } catch (DeadlineException e) {
            return Solution.of(problem, Status.TIME_LIMIT, "time limit: " + e.getMessage() + ", before the first iterate;"
                    + " the point is 0 moved into the bounds, not a solution", NAME, form.originalX(form.nearestToZero()),
                    form.originalY(new double[form.m]), 0, seconds(start));
        }
        long ordered = System.nanoTime();
        InteriorPoint.Outcome outcome = ipm.run(parameters.optimalityTolerance(), deadline, parameters.solverLog());
        LOG.debug("ipm on {}: standard form {} s, ordering and symbolic factorisation {} s ({}), iterations {} s ({})", problem.name(),
                (formed - start) / 1e9, (ordered - formed) / 1e9, ipm.phaseSeconds(), (System.nanoTime() - ordered) / 1e9,
                ipm.solveCounts());
        String measures = String.format(Locale.ROOT,
                "%d iterations, relative primal residual %.2e, dual residual %.2e, gap %.2e; %d rows, %d columns; %s",
                ipm.iterations, ipm.primalResidual, ipm.dualResidual, ipm.relativeGap, form.m, form.n, ipm.structure());
        LOG.debug("ipm on {}: {} ({})", problem.name(), outcome, measures);
        switch (outcome) {
            case OPTIMAL:
                return Solution.of(problem, Status.OPTIMAL, "interior point: " + measures, NAME,
                        form.originalX(ipm.x), form.originalY(ipm.y), ipm.iterations, seconds(start));
            case TIME_LIMIT:
                return Solution.of(problem, Status.TIME_LIMIT, "time limit: " + ipm.timeLimitIn + "; " + measures, NAME,
                        form.originalX(ipm.x), form.originalY(ipm.y), ipm.iterations, seconds(start));
            default:
                return classify(problem, form, parameters, outcome, measures, ipm.iterations, start, deadline);
        }
    }

    /** INFEASIBLE, UNBOUNDED or NOT_CONVERGED for a run that ended without an optimum. */
    private Solution classify(Problem problem, StandardForm form, SolverParameters parameters, InteriorPoint.Outcome outcome,
                              String measures, int iterations, long start, long deadline) {
        String why = outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + measures + ")";
        InteriorPoint elastic = auxiliary(elastic(problem), parameters, deadline);
        if (elastic == null) {
            return Solution.withoutPoint(Status.NOT_CONVERGED, why + "; the elastic problem did not converge either",
                    NAME, iterations, seconds(start));
        }
        double violation = elastic.objective;
        if (violation > IpmSettings.INFEASIBILITY_MARGIN * form.rhsNorm) {
            return Solution.withoutPoint(Status.INFEASIBLE, String.format(Locale.ROOT,
                    "the rows cannot all hold: their least total violation is %.6g (elastic problem solved to optimality"
                            + " after the main run %s)", violation, why), NAME, iterations + elastic.iterations, seconds(start));
        }
        InteriorPoint ray = auxiliary(ray(problem), parameters, deadline);
        if (ray != null && ray.objective < -IpmSettings.RAY_MARGIN * form.costNorm) {
            return Solution.withoutPoint(Status.UNBOUNDED, String.format(Locale.ROOT,
                    "feasible, and a direction of recession d (|d| ≤ 1) lowers the objective by %.6g per unit"
                            + " (ray problem solved to optimality after the main run %s)", -ray.objective, why),
                    NAME, iterations + elastic.iterations + ray.iterations, seconds(start));
        }
        Status status = outcome == InteriorPoint.Outcome.ITERATION_LIMIT ? Status.NOT_CONVERGED : Status.NUMERICAL_ERROR;
        return Solution.withoutPoint(status, why + "; feasible (least violation " + violation + ") and no improving ray found",
                NAME, iterations, seconds(start));
    }

    /** Solves an auxiliary LP; null unless it reached its optimum. */
    private static InteriorPoint auxiliary(Problem p, SolverParameters parameters, long deadline) {
        StandardForm form = new StandardForm(p);
        if (form.infeasibility != null) {
            return null;
        }
        try {
            InteriorPoint ipm = new InteriorPoint(form, deadline, IpmSettings.FACTOR_NONZERO_BUDGET);
            InteriorPoint.Outcome o = ipm.run(parameters.optimalityTolerance(), deadline, parameters.solverLog());
            return o == InteriorPoint.Outcome.OPTIMAL ? ipm : null;
        } catch (DeadlineException | FactorBudgetException e) {
            return null;
        }
    }

    /** min Σ violation s.t. a_i·x ± v_i (sense) rhs_i, v ≥ 0, the bounds of x unchanged (bounded below by 0, always feasible). */
    static Problem elastic(Problem p) {
        ProblemBuilder b = new ProblemBuilder(p.name() + "-elastic");
        for (int j = 0; j < p.numVariables(); j++) {
            b.addVariable(p.variableName(j), p.lower(j), p.upper(j));
        }
        for (int i = 0; i < p.numRows(); i++) {
            if (Double.isInfinite(p.rhs(i))) {
                continue; // vacuous (an impossible one was reported by the presolve of the main run)
            }
            int len = p.rowEnd(i) - p.rowStart(i);
            int[] cols = new int[len + 2];
            double[] vals = new double[len + 2];
            int k = 0;
            for (int e = p.rowStart(i); e < p.rowEnd(i); e++) {
                cols[k] = p.column(e);
                vals[k++] = p.coefficient(e);
            }
            if (p.sense(i) != Sense.GREATER_EQUAL) {
                cols[k] = b.addVariable("under_" + i, 0, Double.POSITIVE_INFINITY);
                vals[k++] = -1.0;
                b.addLinear(cols[k - 1], 1.0);
            }
            if (p.sense(i) != Sense.LESS_EQUAL) {
                cols[k] = b.addVariable("over_" + i, 0, Double.POSITIVE_INFINITY);
                vals[k++] = 1.0;
                b.addLinear(cols[k - 1], 1.0);
            }
            b.addRow(p.rowName(i), cols, vals, k, p.sense(i), p.rhs(i));
        }
        return b.build();
    }

    /**
     * min c·d over recession directions: d_j ≥ 0 (≤ 0) where x_j has a finite lower (upper)
     * bound, d_j = 0 where q_j &gt; 0 or both bounds are finite, |d| ≤ 1, each row's a·d within
     * its recession cone (≤ 0, ≥ 0 or = 0).
     */
    static Problem ray(Problem p) {
        double[] q = new double[p.numVariables()];
        for (int k = 0; k < p.numQuadraticEntries(); k++) {
            q[p.quadraticRow(k)] += p.quadraticValue(k);
        }
        ProblemBuilder b = new ProblemBuilder(p.name() + "-ray");
        for (int j = 0; j < p.numVariables(); j++) {
            boolean fixed = q[j] > 0.0;
            double lo = fixed || p.lower(j) > Double.NEGATIVE_INFINITY ? 0.0 : -1.0;
            double hi = fixed || p.upper(j) < Double.POSITIVE_INFINITY ? 0.0 : 1.0;
            b.addVariable(p.variableName(j), lo, hi);
            b.addLinear(j, p.linear(j));
        }
        for (int i = 0; i < p.numRows(); i++) {
            if (Double.isInfinite(p.rhs(i))) {
                continue;
            }
            int len = p.rowEnd(i) - p.rowStart(i);
            int[] cols = new int[len];
            double[] vals = new double[len];
            for (int e = 0; e < len; e++) {
                cols[e] = p.column(p.rowStart(i) + e);
                vals[e] = p.coefficient(p.rowStart(i) + e);
            }
            b.addRow(p.rowName(i), cols, vals, p.sense(i), 0.0);
        }
        return b.build();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
