package org.peerclear.solver.ortools;

import java.util.Set;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
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
 * An OR-Tools solver driven through the {@link MPSolver} object API (which, unlike the raw
 * proto request, takes the generic tolerances, MIP gap and thread count). The model is loaded
 * from the {@link ModelProtos} translation; each solve owns its native solver and frees it.
 *
 * <p>Verified on OR-Tools 9.15 with a problem of known duals: for a minimisation
 * {@code MPConstraint.dualValue()} already is {@code ∂(obj*)/∂rhs}, the convention of
 * {@link Problem}, so duals are passed through unchanged. They are only read for continuous
 * problems of back-ends that declare duals (SCIP and CBC return zeros).
 */
abstract class MpSolverBackend implements SolverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(MpSolverBackend.class);

    private final String name;
    private final String solverId;
    private final Set<ProblemClass> classes;
    private final boolean duals;

    MpSolverBackend(String name, String solverId, Set<ProblemClass> classes, boolean duals) {
        this.name = name;
        this.solverId = solverId;
        this.classes = classes;
        this.duals = duals;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<ProblemClass> problemClasses() {
        return classes;
    }

    @Override
    public boolean providesDuals() {
        return duals;
    }

    @Override
    public boolean isAvailable() {
        if (!OrToolsNatives.loaded()) {
            return false;
        }
        MPSolver s = MPSolver.createSolver(solverId);
        if (s == null) {
            return false;
        }
        s.delete();
        return true;
    }

    @Override
    public Solution solve(Problem problem, SolverParameters parameters) {
        ProblemClass cls = problem.problemClass();
        requireSupported(cls);
        long start = System.nanoTime();
        if (!OrToolsNatives.loaded()) {
            return Solution.withoutPoint(Status.ERROR, OrToolsNatives.failure(), name, 0, 0.0);
        }
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            return Solution.withoutPoint(Status.ERROR, solverId + " is not part of this OR-Tools build", name, 0, 0.0);
        }
        try {
            String error = solver.loadModelFromProto(ModelProtos.of(problem));
            if (!error.isEmpty()) {
                return Solution.withoutPoint(Status.ERROR, "OR-Tools rejected the model: " + error, name, 0, seconds(start));
            }
            MPSolverParameters params = configure(solver, parameters, cls);
            MPSolver.ResultStatus rs = solver.solve(params);
            if (rs == MPSolver.ResultStatus.INFEASIBLE && !cls.isMixedInteger()) {
                // Verified on GLOP 9.15: with its presolve on, an unbounded LP is reported
                // INFEASIBLE (presolve only knows "infeasible or unbounded"). Without presolve
                // the simplex tells the two apart.
                solver.setSolverSpecificParametersAsString(withoutPresolve());
                rs = solver.solve(params);
            }
            params.delete();
            Status status = OrToolsStatus.of(rs, cls);
            if (rs == MPSolver.ResultStatus.FEASIBLE && seconds(start) >= parameters.timeLimitSeconds()) {
                // A point, stopped by the time limit before optimality was proven.
                status = Status.TIME_LIMIT;
            }
            LOG.debug("{} on {}: {} in {} s", name, problem.name(), rs, seconds(start));
            if (!status.hasSolution()) {
                return Solution.withoutPoint(status, solverId + " status " + rs, name, solver.iterations(), seconds(start));
            }
            MPVariable[] vars = solver.variables();
            double[] x = new double[vars.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = vars[j].solutionValue();
            }
            double[] y = null;
            if (duals && !cls.isMixedInteger()) {
                MPConstraint[] rows = solver.constraints();
                y = ModelProtos.rowDuals(problem, k -> rows[k].dualValue());
            }
            return Solution.of(problem, status, solverId + " status " + rs, name, x, y,
                    cls.isMixedInteger() ? solver.nodes() : solver.iterations(), seconds(start));
        } catch (RuntimeException e) {
            LOG.warn("{} failed on {}", name, problem.name(), e);
            return Solution.withoutPoint(Status.ERROR, solverId + " failed: " + e, name, 0, seconds(start));
        } finally {
            solver.delete();
        }
    }

    /** Solver-specific parameters that switch presolve off (GLOP's text format by default). */
    String withoutPresolve() {
        return "use_preprocessing: false";
    }

    /** Whether the solver accepts MPSolver's primal and dual tolerances. */
    boolean takesTolerances() {
        return true;
    }

    private MPSolverParameters configure(MPSolver solver, SolverParameters p, ProblemClass cls) {
        if (Double.isFinite(p.timeLimitSeconds())) {
            solver.setTimeLimit((long) Math.ceil(p.timeLimitSeconds() * 1000.0));
        }
        if (p.threads() > 1 && !solver.setNumThreads(p.threads())) {
            LOG.debug("{} ignores the thread count {}", name, p.threads());
        }
        if (p.solverLog()) {
            solver.enableOutput();
        }
        MPSolverParameters params = new MPSolverParameters();
        if (takesTolerances()) {
            params.setDoubleParam(MPSolverParameters.DoubleParam.PRIMAL_TOLERANCE, p.feasibilityTolerance());
            params.setDoubleParam(MPSolverParameters.DoubleParam.DUAL_TOLERANCE, p.optimalityTolerance());
        }
        if (cls.isMixedInteger()) {
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, p.relativeMipGap());
        }
        return params;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
