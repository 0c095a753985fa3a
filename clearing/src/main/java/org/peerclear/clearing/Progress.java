package org.peerclear.clearing;

/**
 * One progress report of a long-running method: its iteration, residuals and penalty
 * parameter (NaN where a method has none), and the seconds since it started.
 */
public record Progress(String method, long iteration, double primalResidual, double dualResidual, double rho,
                       double seconds) {
}
