package org.peerclear.opt;

/**
 * The outcome of a numerical method. Every solver back-end, every clearing method and every
 * result carries exactly one. Infeasible or unbounded is a status, never an exception:
 * exceptions are kept for misuse (invalid input, unknown option).
 */
public enum Status {
    /** Proven optimal within the method's tolerances. */
    OPTIMAL,
    /** A feasible point, not proven optimal (e.g. MILP stopped at a gap or a time limit). */
    FEASIBLE,
    /** Proven infeasible. */
    INFEASIBLE,
    /** Proven unbounded (or dual infeasible). */
    UNBOUNDED,
    /** An iterative method stopped at its iteration or time limit before its stopping rule held. */
    NOT_CONVERGED,
    /** The method failed for a numerical or internal reason; the message says which. */
    ERROR;

    /** True when the result carries a usable primal point. */
    public boolean hasSolution() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
