package org.peerclear.opt;

import org.peerclear.options.OptionSpec;

/**
 * Typed, self-validating parameters shared by all back-ends. Immutable; the {@code with...}
 * methods return a copy. A back-end maps each to its own options and ignores none silently:
 * what it cannot honour it documents. The options a user sets by name ({@code solver.*}) are
 * validated by their specs here, so a value from Java, a case file or the command line meets one
 * rule and one message.
 */
public final class SolverParameters {
    /** {@code solver.threads}: threads of the back-end, an integer {@code >= 1}; default 1. */
    public static final OptionSpec<Integer> THREADS = OptionSpec.integer("solver.threads", 1, 1, Integer.MAX_VALUE, "",
            "threads of the solver back-end");
    /** {@code solver.optimalityTolerance}: dual feasibility and gap tolerance, in (0, 1); default 1e-9. */
    public static final OptionSpec<Double> OPTIMALITY_TOLERANCE = OptionSpec.number("solver.optimalityTolerance", 1e-9, 0, true,
            1, true, "", "the back-end's optimality (dual feasibility and gap) tolerance");
    /** {@code solver.feasibilityTolerance}: primal feasibility tolerance, in (0, 1); default 1e-9. */
    public static final OptionSpec<Double> FEASIBILITY_TOLERANCE = OptionSpec.number("solver.feasibilityTolerance", 1e-9, 0,
            true, 1, true, "", "the back-end's primal feasibility tolerance");
    /** {@code solver.relativeMipGap}: the relative gap at which a MILP back-end stops, in [0, 1); default 1e-9. */
    public static final OptionSpec<Double> RELATIVE_MIP_GAP = OptionSpec.number("solver.relativeMipGap", 1e-9, 0, false, 1, true,
            "", "the relative gap at which a MILP back-end stops");

    /** Defaults: no time limit, the specs' tolerances (1e-9) and threads (1), no solver log. */
    public static final SolverParameters DEFAULT = new SolverParameters(Double.POSITIVE_INFINITY,
            FEASIBILITY_TOLERANCE.defaultValue(), OPTIMALITY_TOLERANCE.defaultValue(), RELATIVE_MIP_GAP.defaultValue(),
            THREADS.defaultValue(), false);

    private final double timeLimitSeconds;
    private final double feasibilityTolerance;
    private final double optimalityTolerance;
    private final double relativeMipGap;
    private final int threads;
    private final boolean solverLog;

    private SolverParameters(double timeLimitSeconds, double feasibilityTolerance, double optimalityTolerance,
                             double relativeMipGap, int threads, boolean solverLog) {
        // The back-end's time limit is set by the clearing methods (what is left of the clear's), not by name.
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("Invalid value for parameter timeLimitSeconds: " + timeLimitSeconds);
        }
        FEASIBILITY_TOLERANCE.validate(feasibilityTolerance);
        OPTIMALITY_TOLERANCE.validate(optimalityTolerance);
        RELATIVE_MIP_GAP.validate(relativeMipGap);
        THREADS.validate(threads);
        this.timeLimitSeconds = timeLimitSeconds;
        this.feasibilityTolerance = feasibilityTolerance;
        this.optimalityTolerance = optimalityTolerance;
        this.relativeMipGap = relativeMipGap;
        this.threads = threads;
        this.solverLog = solverLog;
    }

    /** {@return the wall-clock limit of one solve, seconds; {@code +∞} for none} */
    public double timeLimitSeconds() {
        return timeLimitSeconds;
    }

    /** {@return the primal feasibility tolerance, in (0, 1)} */
    public double feasibilityTolerance() {
        return feasibilityTolerance;
    }

    /** {@return the optimality (dual feasibility and gap) tolerance, in (0, 1)} */
    public double optimalityTolerance() {
        return optimalityTolerance;
    }

    /** {@return the relative gap at which a MILP back-end stops, in [0, 1)} */
    public double relativeMipGap() {
        return relativeMipGap;
    }

    /** {@return the number of threads the back-end may use, {@code >= 1}} */
    public int threads() {
        return threads;
    }

    /** {@return {@code true} to let the back-end print its own log} */
    public boolean solverLog() {
        return solverLog;
    }

    /**
     * These parameters with another time limit.
     *
     * @param v seconds, {@code > 0}; {@code +∞} for none
     * @return a copy
     * @throws IllegalArgumentException if {@code v} is out of range
     */
    public SolverParameters withTimeLimitSeconds(double v) {
        return new SolverParameters(v, feasibilityTolerance, optimalityTolerance, relativeMipGap, threads, solverLog);
    }

    /**
     * These parameters with another primal feasibility tolerance.
     *
     * @param v in (0, 1)
     * @return a copy
     * @throws IllegalArgumentException if {@code v} is out of range
     */
    public SolverParameters withFeasibilityTolerance(double v) {
        return new SolverParameters(timeLimitSeconds, v, optimalityTolerance, relativeMipGap, threads, solverLog);
    }

    /**
     * These parameters with another optimality tolerance.
     *
     * @param v in (0, 1)
     * @return a copy
     * @throws IllegalArgumentException if {@code v} is out of range
     */
    public SolverParameters withOptimalityTolerance(double v) {
        return new SolverParameters(timeLimitSeconds, feasibilityTolerance, v, relativeMipGap, threads, solverLog);
    }

    /**
     * These parameters with another relative MIP gap.
     *
     * @param v in [0, 1)
     * @return a copy
     * @throws IllegalArgumentException if {@code v} is out of range
     */
    public SolverParameters withRelativeMipGap(double v) {
        return new SolverParameters(timeLimitSeconds, feasibilityTolerance, optimalityTolerance, v, threads, solverLog);
    }

    /**
     * These parameters with another thread count.
     *
     * @param v {@code >= 1}
     * @return a copy
     * @throws IllegalArgumentException if {@code v} is out of range
     */
    public SolverParameters withThreads(int v) {
        return new SolverParameters(timeLimitSeconds, feasibilityTolerance, optimalityTolerance, relativeMipGap, v, solverLog);
    }

    /**
     * These parameters with the back-end's own log on or off.
     *
     * @param v {@code true} to print it
     * @return a copy
     * @throws IllegalArgumentException if {@code v} is out of range
     */
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
