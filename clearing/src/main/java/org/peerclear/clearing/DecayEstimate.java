package org.peerclear.clearing;

/**
 * What an iterative method has left, extrapolated from how fast a distance to its goal shrank
 * between two reports: with {@code q} now (the goal is {@code q ≤ 1}) and {@code q0} k iterations
 * before, the rate is {@code (q/q0)^(1/k)} and what is left {@code ln q / −ln rate}. An estimate
 * for a progress line, not a promise: NaN (unknown) at the first report and whenever the
 * distance did not shrink. Called at reports only, so it costs nothing between them.
 */
public final class DecayEstimate {
    private double last = Double.NaN;
    private long lastAt;

    /**
     * Records a report and extrapolates from the previous one.
     *
     * @param it the iteration of this report; later than the previous report's
     * @param q  the distance to the goal now, e.g. the largest residual over its tolerance ({@code ≤ 1} is reached)
     * @return the iterations left, rounded up; 0 once {@code q ≤ 1}; NaN at the first report (or after
     *         {@link #reset()}) and whenever {@code q} did not shrink since the previous report
     */
    public double iterationsLeft(long it, double q) {
        double q0 = last;
        long k = it - lastAt;
        last = q;
        lastAt = it;
        if (q <= 1.0) {
            return 0.0;
        }
        if (!(q0 > q) || k <= 0 || !Double.isFinite(q)) {
            return Double.NaN;
        }
        return Math.ceil(Math.log(q) / -(Math.log(q / q0) / k));
    }

    /** Forgets the last report (a method that restarts). */
    public void reset() {
        last = Double.NaN;
        lastAt = 0;
    }
}
