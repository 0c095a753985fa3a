package org.peerclear.clearing;

/**
 * One progress report of a long-running method: its iteration, residuals and penalty
 * parameter (NaN where a method has none), the seconds since it started, and an estimate of the
 * iterations left to its stopping rule ({@code NaN} when it has none: the method does not
 * estimate, or its residuals are not decaying).
 *
 * @param method         the reporting method's name, e.g. {@code admm}
 * @param iteration      the iterations run so far
 * @param primalResidual the primal residual of the method's stopping rule, in its own scale; NaN if none
 * @param dualResidual   the dual residual of the method's stopping rule, in its own scale; NaN if none
 * @param rho            the penalty parameter now; NaN if the method has none
 * @param seconds        wall-clock seconds since the method started
 * @param iterationsLeft the estimated iterations left to the stopping rule; NaN when unknown
 */
public record Progress(String method, long iteration, double primalResidual, double dualResidual, double rho,
                       double seconds, double iterationsLeft) {

    /**
     * A report without an estimate of what remains.
     *
     * @param method         the reporting method's name, e.g. {@code admm}
     * @param iteration      the iterations run so far
     * @param primalResidual the primal residual of the method's stopping rule, in its own scale; NaN if none
     * @param dualResidual   the dual residual of the method's stopping rule, in its own scale; NaN if none
     * @param rho            the penalty parameter now; NaN if the method has none
     * @param seconds        wall-clock seconds since the method started
     */
    public Progress(String method, long iteration, double primalResidual, double dualResidual, double rho, double seconds) {
        this(method, iteration, primalResidual, dualResidual, rho, seconds, Double.NaN);
    }

    /** {@return {@code true} when {@link #iterationsLeft()} is an estimate (else what remains is unknown)} */
    public boolean hasEstimate() {
        return Double.isFinite(iterationsLeft);
    }

    /**
     * {@return the seconds left at the pace so far (seconds per iteration times the iterations left); NaN when
     * unknown}
     */
    public double secondsLeft() {
        return iteration > 0 ? iterationsLeft * seconds / iteration : Double.NaN;
    }
}
