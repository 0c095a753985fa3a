package org.peerclear.solver.ortools;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
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
 * OR-Tools' PDLP (primal–dual hybrid gradient, a first-order method) for LPs and for QPs with
 * a diagonal Q, through an {@link MPModelRequest}: the MPSolver object API cannot carry a
 * quadratic objective, the model proto can. PDLP itself rejects off-diagonal Q entries
 * ("Only diagonal objective matrices are supported"), so such a QP is refused up front with
 * {@link UnsupportedProblemException}.
 *
 * <p>Accuracy: PDLP stops on relative KKT residuals; both its absolute and relative optimality
 * tolerances are set to {@link SolverParameters#optimalityTolerance()} (1e-9 by default) so that
 * its duals are usable as prices, not the 1e-6 of its defaults. Duals come out in the
 * convention of {@link Problem} (verified on problems with known duals) and are passed through.
 *
 * <p>Parameters: time limit (request), threads ({@code num_threads}), optimality tolerance
 * (eps_optimal_absolute/relative), solver log. Not honoured: the feasibility tolerance (PDLP
 * has one combined optimality criterion) and the MIP gap (no integers).
 */
public final class PdlpBackend implements SolverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(PdlpBackend.class);
    /** The name it is registered and chosen by. */
    public static final String NAME = "ortools-pdlp";
    private static final Set<ProblemClass> CLASSES = EnumSet.of(ProblemClass.LP, ProblemClass.QP);

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
        return "OR-Tools PDLP (first-order): LP and diagonal QP, duals";
    }

    @Override
    public boolean isAvailable() {
        return OrToolsNatives.loaded() && MPSolver.supportsProblemType(MPSolver.OptimizationProblemType.PDLP_LINEAR_PROGRAMMING);
    }

    @Override
    public Solution solve(Problem problem, SolverParameters parameters) {
        ProblemClass cls = problem.problemClass();
        requireSupported(cls);
        if (!problem.isQuadraticDiagonal()) {
            throw new UnsupportedProblemException(NAME, cls, "PDLP accepts only a diagonal Q");
        }
        long start = System.nanoTime();
        if (!OrToolsNatives.loaded()) {
            return Solution.withoutPoint(Status.ERROR, OrToolsNatives.failure(), NAME, 0, 0.0);
        }
        try {
            MPSolutionResponse r = MPSolver.solveWithProto(request(problem, parameters));
            double seconds = (System.nanoTime() - start) / 1e9;
            Status status = OrToolsStatus.of(r, cls);
            if (status == Status.NOT_CONVERGED && seconds < parameters.timeLimitSeconds() && isFeasible(problem, parameters)) {
                // Verified: PDLP answers NOT_SOLVED, not UNBOUNDED, on an unbounded LP. Without a
                // time limit to blame, a feasible problem without an optimum is unbounded.
                status = Status.UNBOUNDED;
            }
            if (status == Status.NOT_CONVERGED && seconds >= parameters.timeLimitSeconds()
                    && r.getVariableValueCount() == problem.numVariables() && r.getDualValueCount() == protoRows(problem)) {
                // Stopped by the time limit with an iterate: the best point found.
                status = Status.TIME_LIMIT;
            }
            String message = "PDLP " + r.getStatus() + (r.getStatusStr().isEmpty() ? "" : ": " + r.getStatusStr());
            LOG.debug("PDLP on {}: {}", problem.name(), message);
            if (!status.hasSolution()) {
                return Solution.withoutPoint(status, message, NAME, 0, seconds);
            }
            double[] x = new double[problem.numVariables()];
            for (int j = 0; j < x.length; j++) {
                x[j] = r.getVariableValue(j);
            }
            double[] y = ModelProtos.rowDuals(problem, r::getDualValue);
            return Solution.of(problem, status, message, NAME, x, y, 0, seconds);
        } catch (RuntimeException e) {
            LOG.warn("PDLP failed on {}", problem.name(), e);
            return Solution.withoutPoint(Status.ERROR, "PDLP failed: " + e, NAME, 0, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The number of rows the proto has (vacuous rows are left out). */
    private static int protoRows(Problem problem) {
        int n = 0;
        for (int i = 0; i < problem.numRows(); i++) {
            n += ModelProtos.isVacuous(problem, i) ? 0 : 1;
        }
        return n;
    }

    private static boolean isFeasible(Problem problem, SolverParameters parameters) {
        MPModelRequest feasibility = request(problem, parameters).toBuilder()
                .setModel(ModelProtos.withoutObjective(ModelProtos.of(problem))).build();
        return MPSolver.solveWithProto(feasibility).getStatus() == com.google.ortools.linearsolver.MPSolverResponseStatus.MPSOLVER_OPTIMAL;
    }

    static MPModelRequest request(Problem problem, SolverParameters parameters) {
        MPModelRequest.Builder b = MPModelRequest.newBuilder()
                .setModel(ModelProtos.of(problem))
                .setSolverType(MPModelRequest.SolverType.PDLP_LINEAR_PROGRAMMING)
                .setEnableInternalSolverOutput(parameters.solverLog())
                .setSolverSpecificParameters(solverParameters(parameters));
        if (Double.isFinite(parameters.timeLimitSeconds())) {
            b.setSolverTimeLimitSeconds(parameters.timeLimitSeconds());
        }
        return b.build();
    }

    /** PDLP's PrimalDualHybridGradientParams in protobuf text format. */
    static String solverParameters(SolverParameters p) {
        double eps = p.optimalityTolerance();
        return String.format(Locale.ROOT, "num_threads: %d termination_criteria { simple_optimality_criteria {"
                + " eps_optimal_absolute: %s eps_optimal_relative: %s } }", p.threads(), eps, eps);
    }
}
