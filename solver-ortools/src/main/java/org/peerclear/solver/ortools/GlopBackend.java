package org.peerclear.solver.ortools;

import java.util.EnumSet;

import org.peerclear.opt.ProblemClass;

/**
 * OR-Tools' GLOP (primal/dual simplex) through MPSolver: LP only, with duals. A QP is refused
 * with {@link org.peerclear.opt.UnsupportedProblemException}: MPSolver's object model has no
 * quadratic objective, so GLOP would otherwise solve the LP left after dropping it.
 */
public final class GlopBackend extends MpSolverBackend {
    /** For {@link java.util.ServiceLoader}; whether it can run is {@link #isAvailable()}. */
    public GlopBackend() {
        super("ortools-glop", "GLOP", EnumSet.of(ProblemClass.LP), true);
    }

    @Override
    public String description() {
        return "OR-Tools GLOP: LP, duals";
    }
}
