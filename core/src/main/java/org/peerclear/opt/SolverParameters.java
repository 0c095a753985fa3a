package org.peerclear.opt;

/**
 * Typed, self-validating parameters shared by all back-ends. Immutable; the {@code with...}
 * methods return a copy. A back-end maps each to its own options and ignores none silently:
 * what it cannot honour it documents.
 */
public final class SolverParameters {
    /** Defaults: no time limit, tolerances 1e-9, MIP gap 1e-9, one thread, no solver log. */
    public static final SolverParameters DEFAULT = new SolverParameters(Double.POSITIVE_INFINITY, 1e-9, 1e-9, 1e-9, 1, false);

    private final double timeLimitSeconds;
    private final double feasibilityTolerance;
    private final double optimalityTolerance;
    private final double relativeMipGap;
    private final int threads;
    private final boolean solverLog;

    private SolverParameters(double timeLimitSeconds, double feasibilityTolerance, double optimalityTolerance,
                             double relativeMipGap, int threads, boolean solverLog) {
        check("timeLimitSeconds", timeLimitSeconds, !(timeLimitSeconds > 0));
        check("feasibilityTolerance", feasibilityTolerance, !(feasibilityTolerance > 0 && feasibilityTolerance < 1));
        check("optimalityTolerance", optimalityTolerance, !(optimalityTolerance > 0 && optimalityTolerance < 1));
        check("relativeMipGap", relativeMipGap, !(relativeMipGap >= 0 && relativeMipGap < 1));
        check("threads", threads, threads < 1);
        this.timeLimitSeconds = timeLimitSeconds;
        this.feasibilityTolerance = feasibilityTolerance;
        this.optimalityTolerance = optimalityTolerance;
        this.relativeMipGap = relativeMipGap;
        this.threads = threads;
        this.solverLog = solverLog;
    }

    // An int overload so that an invalid thread count reads "threads: 0", not "threads: 0.0".
    private static void check(String name, int value, boolean invalid) {
        if (invalid) {
            throw new IllegalArgumentException("Invalid value for parameter " + name + ": " + value);
        }
    }

    private static void check(String name, double value, boolean invalid) {
        if (invalid) {
            throw new IllegalArgumentException("Invalid value for parameter " + name + ": " + value);
        }
    }

    public double timeLimitSeconds() {
        return timeLimitSeconds;
    }

    public double feasibilityTolerance() {
        return feasibilityTolerance;
    }

    public double optimalityTolerance() {
        return optimalityTolerance;
    }

    public double relativeMipGap() {
        return relativeMipGap;
    }

    public int threads() {
        return threads;
    }

    public boolean solverLog() {
        return solverLog;
    }

    public SolverParameters withTimeLimitSeconds(double v) {
        return new SolverParameters(v, feasibilityTolerance, optimalityTolerance, relativeMipGap, threads, solverLog);
    }

    public SolverParameters withFeasibilityTolerance(double v) {
        return new SolverParameters(timeLimitSeconds, v, optimalityTolerance, relativeMipGap, threads, solverLog);
    }

    public SolverParameters withOptimalityTolerance(double v) {
        return new SolverParameters(timeLimitSeconds, feasibilityTolerance, v, relativeMipGap, threads, solverLog);
    }

    public SolverParameters withRelativeMipGap(double v) {
        return new SolverParameters(timeLimitSeconds, feasibilityTolerance, optimalityTolerance, v, threads, solverLog);
    }

    public SolverParameters withThreads(int v) {
        return new SolverParameters(timeLimitSeconds, feasibilityTolerance, optimalityTolerance, relativeMipGap, v, solverLog);
    }

    public SolverParameters withSolverLog(boolean v) {
        return new SolverParameters(timeLimitSeconds, feasibilityTolerance, optimalityTolerance, relativeMipGap, threads, v);
    }

    @Override
    public String toString() {
        return "SolverParameters{timeLimitSeconds=" + timeLimitSeconds + ", feasibilityTolerance=" + feasibilityTolerance
                + ", optimalityTolerance=" + optimalityTolerance + ", relativeMipGap=" + relativeMipGap
                + ", threads=" + threads + ", solverLog=" + solverLog + "}";
    }
}
