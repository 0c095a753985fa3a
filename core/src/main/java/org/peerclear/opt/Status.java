package org.peerclear.opt;

/**
 * The outcome of a numerical method, with the meanings of the market-case result contract
 * ({@code market-case.md}, "Statuses"). Every solver back-end, every clearing method and every
 * result carries exactly one. Infeasible or unbounded is a status, never an exception:
 * exceptions are kept for misuse (invalid input, unknown option).
 *
 * <p>For a back-end's {@link Solution} a status is the back-end's own claim; a clearing result's
 * status has been checked against the result's optimality certificate (see
 * {@code org.peerclear.clearing.Certification}).
 */
public enum Status {
    /** The optimality certificate holds within the documented tolerances. */
    OPTIMAL,
    /**
     * Feasible within tolerance, optimality not certified (the message gives the residuals);
     * also a MILP incumbent with a gap.
     */
    FEASIBLE,
    /** Stopped at the time limit; the best point found is returned (it need not be feasible: see the message). */
    TIME_LIMIT,
    /** Proven infeasible; the message gives the reason. */
    INFEASIBLE,
    /** Proven unbounded (or dual infeasible); the message gives the reason. */
    UNBOUNDED,
    /** An iterative method stopped at its iteration limit before its stopping rule held (or with a point that fails the certificate). */
    NOT_CONVERGED,
    /** The method ended with a point that is not feasible within tolerance; the message gives the residuals. */
    NUMERICAL_ERROR,
    /** The method failed for an internal reason; the message says which. */
    ERROR;

    /** {@return {@code true} when the result carries a usable primal point: OPTIMAL, FEASIBLE and TIME_LIMIT} */
    public boolean hasSolution() {
        return this == OPTIMAL || this == FEASIBLE || this == TIME_LIMIT;
    }
}
