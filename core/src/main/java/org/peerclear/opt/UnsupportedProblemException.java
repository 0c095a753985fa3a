package org.peerclear.opt;

/**
 * Misuse: a back-end was asked to solve a problem it cannot (a QP given to an LP-only
 * solver, a MILP given to a continuous one). Back-ends throw this rather than silently
 * dropping a quadratic term or relaxing integrality.
 */
public final class UnsupportedProblemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedProblemException(String backend, ProblemClass problemClass, java.util.Set<ProblemClass> supported) {
        super("Solver back-end '" + backend + "' cannot solve a " + problemClass + " problem (it solves " + supported + ")");
    }

    /** For a problem of a declared class that the back-end still cannot take, with the reason. */
    public UnsupportedProblemException(String backend, ProblemClass problemClass, String reason) {
        super("Solver back-end '" + backend + "' cannot solve this " + problemClass + " problem: " + reason);
    }
}
