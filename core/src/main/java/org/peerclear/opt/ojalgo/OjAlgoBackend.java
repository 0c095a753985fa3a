package org.peerclear.opt.ojalgo;

import java.util.EnumSet;
import java.util.Set;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;
import org.peerclear.opt.NumericalTolerances;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.Status;
import org.peerclear.opt.UnsupportedProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default back-end: ojAlgo 57.1.0 (pure Java) through its {@code ExpressionsBasedModel},
 * which dispatches LPs to its simplex solvers, QPs to its convex solvers and MILPs to its
 * branch-and-bound over those.
 *
 * <h2>Solver paths</h2>
 * LPs and MILPs go to ojAlgo's simplex and branch-and-bound through {@code ExpressionsBasedModel}.
 * QPs do not go to ojAlgo's default active-set method: it assembles a dense KKT matrix at every
 * iteration (measured: 35 s of 43 s for a 40-peer market of 440 variables, almost all of it in
 * filling dense stores). They go to ojAlgo's sparse ADMM (an OSQP re-implementation), whose
 * approximate point gives the active set, and {@link KktLp#polish} then solves the KKT
 * conditions of that active set exactly as one sparse LP. If the polish does not close (wrong
 * active-set guess, ADMM without an answer), problems of at most {@value #ACTIVE_SET_LIMIT}
 * variables fall back to the active-set method; larger ones are returned with a message saying
 * how far from exact they are.
 *
 * <h2>Duals (LP and QP)</h2>
 * ojAlgo's own multipliers are not used. Verified on 57.1.0: they are sign-flipped ({@code −y}
 * for a minimisation); on the convex path also multiplied by the objective adjustment factor
 * (0.01 for coefficients near 100); rows with a single variable become bounds and lose their
 * multiplier; on larger QPs the multipliers are not matched to rows at all. Least squares on
 * stationarity (the previous fix) breaks sign or complementarity on degenerate LPs, common in
 * markets. The duals are therefore the primal solution of a small LP over the active set
 * ({@link KktLp}), which is valid whenever x is optimal and exact up to the simplex's rounding.
 * When that LP leaves a stationarity residual above
 * {@value org.peerclear.opt.NumericalTolerances#KKT_RESIDUAL}, the duals are still returned, and the
 * solution's message says they are approximate and by how much. MILP solutions carry no duals.
 *
 * <h2>Parameters</h2>
 * Honoured: the time limit (ojAlgo's abort time, for every solve including the certificate
 * LPs), the relative MIP gap and the thread count (ojAlgo's branch-and-bound gap tolerance, as
 * significant digits, and parallelism). Not honoured: the feasibility and optimality tolerances
 * (ojAlgo expresses them as precision contexts shared by its presolver, simplex and convex
 * solvers; the defaults are kept, and the certificate LPs measure the result instead) and the
 * solver log.
 *
 * <h2>No integer problems</h2>
 * MILP and MIQP are not offered. ojAlgo 57.1.0's branch-and-bound returned state OPTIMAL on a
 * 13-binary market MILP of PeerClear's tests (three producers, two consumers, a minimum trade size
 * of 1 as big-M rows; {@code MilpClearingTest.randomMarket(12)}) at objective −0.9612, where
 * SCIP, CBC and exhaustive enumeration of the binaries all give −1.1092; default options and the
 * mapped gap/threads gave the same. A wrong "optimal" is worse than a refusal, so integer
 * problems go to a back-end that declares them (ortools-scip, ortools-cbc).
 */
public final class OjAlgoBackend implements SolverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(OjAlgoBackend.class);
    private static final Set<ProblemClass> CLASSES = EnumSet.of(ProblemClass.LP, ProblemClass.QP);
    /** The back-end's name on the command line and in results. */
    public static final String NAME = "ojalgo";
    /**
     * Largest QP handed to ojAlgo's active-set method when the ADMM + polish path does not
     * close: that method assembles a dense KKT matrix at every iteration (about 35 s for 440
     * variables).
     */
    static final int ACTIVE_SET_LIMIT = 300;

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
        return "ojAlgo 57 (pure Java): LP, QP with duals (no integer problems: see class comment)";
    }

    @Override
    public Solution solve(Problem problem, SolverParameters parameters) {
        ProblemClass cls = problem.problemClass();
        requireSupported(cls);
        long start = System.nanoTime();
        try {
            Optimisation.Options options = options(parameters);
            if (cls == ProblemClass.QP) {
                return solveQp(problem, parameters, options, start);
            }
            OjAlgoModel model = new OjAlgoModel(problem, options);
            Optimisation.Result result = model.model().minimise();
            double seconds = seconds(start);
            Status status = status(result.getState(), cls, seconds >= parameters.timeLimitSeconds());
            LOG.debug("ojAlgo {} on {}: state {} in {} s", cls, problem.name(), result.getState(), seconds);
            if (!status.hasSolution()) {
                return Solution.withoutPoint(status, "ojAlgo state " + result.getState(), NAME, 0, seconds);
            }
            double[] x = values(result, problem.numVariables());
            if (cls.isMixedInteger()) {
                return Solution.of(problem, status, "ojAlgo state " + result.getState(), NAME, x, null, 0, seconds(start));
            }
            KktLp.Result duals = KktLp.duals(problem, x, lpOptions(parameters));
            return Solution.of(problem, status, message("simplex " + result.getState(), duals), NAME, x, duals.y, 0,
                    seconds(start));
        } catch (RuntimeException e) {
            LOG.warn("ojAlgo failed on {}", problem.name(), e);
            return Solution.withoutPoint(Status.ERROR, "ojAlgo failed: " + e, NAME, 0, seconds(start));
        }
    }

    /**
     * A QP: ADMM (sparse, fast, approximate), then the KKT polish LP on its active set (exact);
     * when the polish does not close (a wrong active-set guess, ADMM without an answer), the
     * active-set method on problems small enough for its dense algebra, then the dual LP.
     */
    private Solution solveQp(Problem problem, SolverParameters parameters, Optimisation.Options options, long start) {
        ProblemClass cls = ProblemClass.QP;
        Optimisation.Options admm = options(parameters);
        admm.convex().algorithm(ConvexSolver.Algorithm.ADMM);
        Optimisation.Result result = new OjAlgoModel(problem, admm).model().minimise();
        Status status = status(result.getState(), cls, seconds(start) >= parameters.timeLimitSeconds());
        LOG.debug("ojAlgo ADMM on {}: state {} in {} s", problem.name(), result.getState(), seconds(start));
        KktLp.Result polished = null;
        if (status.hasSolution()) {
            polished = KktLp.polish(problem, values(result, problem.numVariables()), lpOptions(parameters));
            if (polished.exact()) {
                // The polished pair is measured as it will be returned (after clamping x into
                // its bounds); only if rounding broke it are the duals re-derived at that point.
                KktLp.Result best = polished;
                if (!OptimalityCertificate.of(problem, polished.x, polished.y).holds(NumericalTolerances.OJALGO_CERTIFICATE)) {
                    best = KktLp.duals(problem, polished.x, lpOptions(parameters));
                }
                return Solution.of(problem, Status.OPTIMAL, message("ADMM + KKT polish", best), NAME, polished.x, best.y, 0,
                        seconds(start));
            }
            LOG.debug("KKT polish on {} left residual {} ({})", problem.name(), polished.residual, polished.lpState);
        }
        if (problem.numVariables() <= ACTIVE_SET_LIMIT && !(seconds(start) >= parameters.timeLimitSeconds())) {
            Optimisation.Result exact = new OjAlgoModel(problem, options).model().minimise();
            Status s = status(exact.getState(), cls, seconds(start) >= parameters.timeLimitSeconds());
            if (!s.hasSolution()) {
                return Solution.withoutPoint(s, "ojAlgo active set state " + exact.getState(), NAME, 0, seconds(start));
            }
            double[] x = values(exact, problem.numVariables());
            KktLp.Result duals = KktLp.duals(problem, x, lpOptions(parameters));
            return Solution.of(problem, s, message("active set " + exact.getState(), duals), NAME, x, duals.y, 0, seconds(start));
        }
        if (!status.hasSolution()) {
            return Solution.withoutPoint(status, "ojAlgo ADMM state " + result.getState(), NAME, 0, seconds(start));
        }
        return Solution.of(problem, status, message("ADMM " + result.getState() + ", polish failed", polished), NAME,
                polished.x, polished.y, 0, seconds(start));
    }

    /** The message of a solve: never silent about duals that do not close stationarity. */
    private static String message(String path, KktLp.Result duals) {
        if (duals.exact()) {
            return "ojAlgo " + path;
        }
        return String.format(java.util.Locale.ROOT, "ojAlgo %s; duals are approximate: stationarity residual %.3e (dual LP %s)",
                path, duals.residual, duals.lpState);
    }

    private static double[] values(Optimisation.Result result, int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = result.doubleValue(j);
        }
        return x;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static Optimisation.Options options(SolverParameters parameters) {
        Optimisation.Options options = new Optimisation.Options();
        if (Double.isFinite(parameters.timeLimitSeconds())) {
            long ms = (long) Math.ceil(parameters.timeLimitSeconds() * 1000.0);
            options.time_abort = ms;
            options.time_suffice = ms;
        }
        // MIP gap and thread count go to the branch-and-bound strategy; ojAlgo reads the gap as a
        // number of significant digits, so 1e-9 becomes 9 digits (a gap of 0 the maximum, 15).
        if (options.integer() instanceof IntegerStrategy.ConfigurableStrategy) {
            double gap = parameters.relativeMipGap();
            int digits = gap > 0 ? (int) Math.min(15, Math.max(1, Math.round(-Math.log10(gap)))) : 15;
            int threads = parameters.threads();
            options.integer(((IntegerStrategy.ConfigurableStrategy) options.integer())
                    .withGapTolerance(NumberContext.of(digits)).withParallelism(() -> threads));
        }
        return options;
    }

    /** Options of the certificate LPs: the same time limit, sparse simplex. */
    static Optimisation.Options lpOptions(SolverParameters parameters) {
        Optimisation.Options options = options(parameters);
        // Measured on a 4,200-variable market: the dense tableau is 5× slower than the revised
        // (sparse) simplex.
        options.sparse = Boolean.TRUE;
        return options;
    }

    static Status status(Optimisation.State state, ProblemClass cls, boolean timedOut) {
        switch (state) {
            case OPTIMAL:
            case DISTINCT:
                return Status.OPTIMAL;
            case FEASIBLE:
            case APPROXIMATE:
                // A point short of proven optimality: stopped by the time limit, or ojAlgo's own
                // "feasible" (the clearing's certificate decides what it is).
                return timedOut ? Status.TIME_LIMIT : Status.FEASIBLE;
            case INFEASIBLE:
                return Status.INFEASIBLE;
            case UNBOUNDED:
                return Status.UNBOUNDED;
            case UNEXPLORED:
            case VALID:
                // No point to return (TIME_LIMIT carries one): stopped before finding any.
                return timedOut ? Status.NOT_CONVERGED : Status.ERROR;
            default:
                return Status.ERROR;
        }
    }
}
