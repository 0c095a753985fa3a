package org.peerclear.solver.ortools;

import java.util.EnumSet;

import org.peerclear.opt.ProblemClass;

/**
 * OR-Tools' CBC through MPSolver: MILP only; no duals (MPSolver returns none for integer problems).
 */
public final class CbcBackend extends MpSolverBackend {
    /** For {@link java.util.ServiceLoader}; whether it can run is {@link #isAvailable()}. */
    public CbcBackend() {
        super("ortools-cbc", "CBC", EnumSet.of(ProblemClass.MILP), false);
    }

    @Override
    public String description() {
        return "OR-Tools CBC: MILP";
    }

    /** OR-Tools' CBC interface has no primal or dual tolerance: setting one only logs a warning. */
    @Override
    boolean takesTolerances() {
        return false;
    }
}
