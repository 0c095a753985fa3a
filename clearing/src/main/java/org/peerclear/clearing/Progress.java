package org.peerclear.clearing;

/**
 * One progress report of a long-running method: its iteration, residuals and penalty
 * parameter (NaN where a method has none), the seconds since it started, and an estimate of the
 * iterations left to its stopping rule ({@code NaN} when it has none: the method does not
 * estimate, or its residuals are not decaying).
 */
public record Progress(String method, long iteration, double primalResidual, double dualResidual, double rho,
                       double seconds, double iterationsLeft) {

    /** A report without an estimate of what remains. */
    public Progress(String method, long iteration, double primalResidual, double dualResidual, double rho, double seconds) {
        this(method, iteration, primalResidual, dualResidual, rho, seconds, Double.NaN);
    }

    /** True when {@link #iterationsLeft()} is an estimate (else what remains is unknown). */
    public boolean hasEstimate() {
        return Double.isFinite(iterationsLeft);
    }

    /** The seconds left at the pace so far (seconds per iteration times the iterations left); NaN when unknown. */
    public double secondsLeft() {
        return iteration > 0 ? iterationsLeft * seconds / iteration : Double.NaN;
    }
}
