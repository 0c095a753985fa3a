package org.peerclear.solver.ortools;

import java.util.EnumSet;

import org.peerclear.opt.ProblemClass;

/**
 * OR-Tools' SCIP through MPSolver: MILP only; no duals (MPSolver returns none for integer problems).
 */
public final class ScipBackend extends MpSolverBackend {
    /** For {@link java.util.ServiceLoader}; whether it can run is {@link #isAvailable()}. */
    public ScipBackend() {
        super("ortools-scip", "SCIP", EnumSet.of(ProblemClass.MILP), false);
    }

    @Override
    public String description() {
        return "OR-Tools SCIP: MILP";
    }
}
