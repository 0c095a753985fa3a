package org.peerclear.opt;

/**
 * Misuse: a back-end was asked to solve a problem it cannot (a QP given to an LP-only
 * solver, a MILP given to a continuous one). Back-ends throw this rather than silently
 * dropping a quadratic term or relaxing integrality.
 */
public final class UnsupportedProblemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * For a problem of a class the back-end does not list.
     *
     * @param backend      the back-end's name
     * @param problemClass the problem's class
     * @param supported    the classes the back-end lists
     */
    public UnsupportedProblemException(String backend, ProblemClass problemClass, java.util.Set<ProblemClass> supported) {
        super("Solver back-end '" + backend + "' cannot solve a " + problemClass + " problem (it solves " + supported + ")");
    }

    /**
     * For a problem of a declared class that the back-end still cannot take, with the reason.
     *
     * @param backend      the back-end's name
     * @param problemClass the problem's class
     * @param reason       why, e.g. a size over the back-end's budget
     */
    public UnsupportedProblemException(String backend, ProblemClass problemClass, String reason) {
        super("Solver back-end '" + backend + "' cannot solve this " + problemClass + " problem: " + reason);
    }
}
