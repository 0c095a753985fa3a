package org.peerclear.solver.ortools;

import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Status;

/** OR-Tools result codes as a {@link Status}. */
final class OrToolsStatus {
    private OrToolsStatus() {
    }

    static Status of(MPSolver.ResultStatus rs, ProblemClass cls) {
        switch (rs) {
            case OPTIMAL:
                return Status.OPTIMAL;
            case FEASIBLE:
                // A MILP incumbent is usable; a continuous solve stopped early has not converged.
                return cls.isMixedInteger() ? Status.FEASIBLE : Status.NOT_CONVERGED;
            case INFEASIBLE:
                return Status.INFEASIBLE;
            case UNBOUNDED:
                return Status.UNBOUNDED;
            case NOT_SOLVED:
                return Status.NOT_CONVERGED;
            default:
                return Status.ERROR;
        }
    }

    static Status of(MPSolutionResponse response, ProblemClass cls) {
        MPSolverResponseStatus rs = response.getStatus();
        switch (rs) {
            case MPSOLVER_OPTIMAL:
                return Status.OPTIMAL;
            case MPSOLVER_FEASIBLE:
                return cls.isMixedInteger() ? Status.FEASIBLE : Status.NOT_CONVERGED;
            case MPSOLVER_INFEASIBLE:
                return Status.INFEASIBLE;
            case MPSOLVER_UNBOUNDED:
                return Status.UNBOUNDED;
            case MPSOLVER_NOT_SOLVED:
            case MPSOLVER_CANCELLED_BY_USER:
                return Status.NOT_CONVERGED;
            default:
                return Status.ERROR;
        }
    }
}
