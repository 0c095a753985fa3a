package org.peerclear.powerflow;

/**
 * Numerical outcome of an iterative power flow. Misuse (bad input) is reported by exceptions, never
 * by this status.
 */
public enum PowerFlowStatus {
    /** The final mismatch is below the requested tolerance. */
    CONVERGED,
    /** The iteration limit was reached with a finite mismatch above the tolerance. */
    NOT_CONVERGED,
    /**
     * The iteration blew up: non-finite voltages, a collapsing voltage (below 0.01 pu), or a singular
     * Jacobian (no power flow solution for these injections, typically voltage collapse).
     */
    DIVERGED
}
