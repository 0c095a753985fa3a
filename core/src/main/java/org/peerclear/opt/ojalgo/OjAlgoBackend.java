package org.peerclear.opt.ojalgo;

import java.util.EnumSet;
import java.util.Set;

import org.ojalgo.optimisation.Optimisation;
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
 * <h2>Duals (LP and QP)</h2>
 * ojAlgo's own multipliers are used as the starting point and brought to the convention of
 * {@link Problem} (sign flip; QP multipliers divided by the objective adjustment factor), see
 * {@link OjAlgoMultipliers}. ojAlgo loses the multiplier of every single-variable row (its
 * presolver turns them into bounds) and, on some convex paths, does not match multipliers to
 * rows at all. The duals are therefore always completed and polished from the primal point by
 * a least-squares fit of stationarity on the active set ({@link StationarityDuals}); when
 * ojAlgo's values already fit, they are returned unchanged. The rows judged active are those
 * within {@value StationarityDuals#ACTIVE_TOLERANCE} (relative) of their right-hand side.
 * MILP solutions carry no duals.
 *
 * <h2>Parameters</h2>
 * Honoured: the time limit (ojAlgo's abort time). Not honoured: the feasibility and
 * optimality tolerances and the relative MIP gap (ojAlgo expresses its tolerances as decimal
 * precision contexts with its own defaults, which are kept), the number of threads (ojAlgo
 * chooses its own branch-and-bound parallelism) and the solver log.
 *
 * <p>MIQP is not offered: ojAlgo's branch-and-bound over its convex solver was not verified
 * to give reliable answers here.
 */
public final class OjAlgoBackend implements SolverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(OjAlgoBackend.class);
    private static final Set<ProblemClass> CLASSES = EnumSet.of(ProblemClass.LP, ProblemClass.QP, ProblemClass.MILP);
    public static final String NAME = "ojalgo";

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
        return "ojAlgo 57 (pure Java): LP, QP, MILP; duals for LP and QP";
    }

    @Override
    public Solution solve(Problem problem, SolverParameters parameters) {
        ProblemClass cls = problem.problemClass();
        if (!supports(cls)) {
            throw new UnsupportedProblemException(NAME, cls, CLASSES);
        }
        long start = System.nanoTime();
        try {
            Optimisation.Options options = new Optimisation.Options();
            if (Double.isFinite(parameters.timeLimitSeconds())) {
                long ms = (long) Math.ceil(parameters.timeLimitSeconds() * 1000.0);
                options.time_abort = ms;
                options.time_suffice = ms;
            }
            OjAlgoModel model = new OjAlgoModel(problem, options);
            Optimisation.Result result = model.model().minimise();
            double seconds = (System.nanoTime() - start) / 1e9;
            Status status = status(result.getState(), cls, seconds >= parameters.timeLimitSeconds());
            LOG.debug("ojAlgo {} on {}: state {} in {} s", cls, problem.name(), result.getState(), seconds);
            if (!status.hasSolution()) {
                return Solution.withoutPoint(status, "ojAlgo state " + result.getState(), NAME, 0, seconds);
            }
            double[] x = new double[problem.numVariables()];
            for (int j = 0; j < x.length; j++) {
                x[j] = result.doubleValue(j);
            }
            double[] duals = null;
            if (!cls.isMixedInteger()) {
                double[] fromOjAlgo = OjAlgoMultipliers.rowDuals(model, result, problem.numRows(), cls.isQuadratic());
                duals = StationarityDuals.recover(problem, x, fromOjAlgo);
            }
            return Solution.of(problem, status, "ojAlgo state " + result.getState(), NAME, x, duals, 0,
                    (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            LOG.warn("ojAlgo failed on {}", problem.name(), e);
            return Solution.withoutPoint(Status.ERROR, "ojAlgo failed: " + e, NAME, 0, (System.nanoTime() - start) / 1e9);
        }
    }

    static Status status(Optimisation.State state, ProblemClass cls, boolean timedOut) {
        switch (state) {
            case OPTIMAL:
            case DISTINCT:
                return Status.OPTIMAL;
            case FEASIBLE:
            case APPROXIMATE:
                // A continuous solve that stops short of optimality without a time limit has not
                // converged; a MILP incumbent is a usable feasible point.
                return cls.isMixedInteger() ? Status.FEASIBLE : (timedOut ? Status.NOT_CONVERGED : Status.FEASIBLE);
            case INFEASIBLE:
                return Status.INFEASIBLE;
            case UNBOUNDED:
                return Status.UNBOUNDED;
            case UNEXPLORED:
            case VALID:
                return timedOut ? Status.NOT_CONVERGED : Status.ERROR;
            default:
                return Status.ERROR;
        }
    }
}
