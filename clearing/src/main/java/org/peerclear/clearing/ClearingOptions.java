package org.peerclear.clearing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.options.OptionSpec;

/**
 * Options shared by the clearing methods. Immutable; {@code with...} returns a copy. The
 * solver registry is explicit (no hidden global state): by default it is read from the class
 * path when a method first needs a solver.
 *
 * <p>The time limit ({@link #DEFAULT_TIME_LIMIT_SECONDS} by default, {@code +∞} for none) bounds
 * a whole clear: ADMM stops at it with its best point ({@code TIME_LIMIT}); the centralised
 * methods pass what is left of it to their back-end as {@link SolverParameters#timeLimitSeconds()}
 * (the smaller of the two when the solver parameters carry their own).
 */
public final class ClearingOptions {
    /** The default time limit of a clear: 10 minutes, long enough for the largest benchmark markets. */
    public static final double DEFAULT_TIME_LIMIT_SECONDS = 600.0;

    // Named solver.* with the back-end's options, where a user looks for it, though it bounds the whole clear.
    public static final OptionSpec<Double> TIME_LIMIT = OptionSpec.number("solver.timeLimit", DEFAULT_TIME_LIMIT_SECONDS, 0,
            true, Double.POSITIVE_INFINITY, false, "s",
            "time limit of the whole clear; at it the run stops with status TIME_LIMIT and its best point (Infinity: none)");

    public static final ClearingOptions DEFAULT = new ClearingOptions(null, SolverParameters.DEFAULT, null,
            ProgressListener.NONE, Map.of(), DEFAULT_TIME_LIMIT_SECONDS);

    private final String solver;
    private final SolverParameters solverParameters;
    private final SolverRegistry registry;
    private final ProgressListener listener;
    private final Map<Class<?>, Object> methodOptions;
    private final double timeLimitSeconds;

    private ClearingOptions(String solver, SolverParameters solverParameters, SolverRegistry registry,
                            ProgressListener listener, Map<Class<?>, Object> methodOptions, double timeLimitSeconds) {
        if (solver != null && solver.isBlank()) {
            throw new IllegalArgumentException("Invalid value for parameter solver: '" + solver + "'");
        }
        this.timeLimitSeconds = TIME_LIMIT.validate(timeLimitSeconds);
        this.solver = solver;
        this.solverParameters = Objects.requireNonNull(solverParameters, "solverParameters");
        this.registry = registry;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.methodOptions = Map.copyOf(methodOptions);
    }

    /** The back-end name, empty for the registry's default for the problem class. */
    public Optional<String> solver() {
        return Optional.ofNullable(solver);
    }

    public SolverParameters solverParameters() {
        return solverParameters;
    }

    /** The registry given, or the one on the class path. */
    public SolverRegistry registry() {
        return registry != null ? registry : SolverRegistry.load();
    }

    public ClearingOptions withSolver(String name) {
        return new ClearingOptions(name, solverParameters, registry, listener, methodOptions, timeLimitSeconds);
    }

    public ClearingOptions withSolverParameters(SolverParameters p) {
        return new ClearingOptions(solver, p, registry, listener, methodOptions, timeLimitSeconds);
    }

    public ClearingOptions withRegistry(SolverRegistry r) {
        return new ClearingOptions(solver, solverParameters, r, listener, methodOptions, timeLimitSeconds);
    }

    public ProgressListener listener() {
        return listener;
    }

    public ClearingOptions withListener(ProgressListener l) {
        return new ClearingOptions(solver, solverParameters, registry, l, methodOptions, timeLimitSeconds);
    }

    /**
     * Options of one method, keyed by their type (e.g. the ADMM method's own options class);
     * empty when none were given, in which case the method uses its defaults.
     */
    public <T> Optional<T> methodOptions(Class<T> type) {
        return Optional.ofNullable(type.cast(methodOptions.get(type)));
    }

    /** A copy with {@code options} set for its type (replacing any of the same type). */
    public ClearingOptions withMethodOptions(Object options) {
        Map<Class<?>, Object> m = new HashMap<>(methodOptions);
        m.put(options.getClass(), options);
        return new ClearingOptions(solver, solverParameters, registry, listener, m, timeLimitSeconds);
    }

    /** The time limit of a clear in seconds ({@code +∞}: none). */
    public double timeLimitSeconds() {
        return timeLimitSeconds;
    }

    public ClearingOptions withTimeLimitSeconds(double seconds) {
        return new ClearingOptions(solver, solverParameters, registry, listener, methodOptions, seconds);
    }

    /**
     * The solver parameters for a solve that starts now, in a clear that started at
     * {@code startNanos}: the time limit is what is left of this clear's, or the parameters'
     * own when smaller.
     */
    public SolverParameters solverParametersAt(long startNanos) {
        double left = timeLimitSeconds - (System.nanoTime() - startNanos) * 1e-9;
        double limit = Math.min(solverParameters.timeLimitSeconds(), Math.max(left, 1e-3));
        return limit == solverParameters.timeLimitSeconds() ? solverParameters : solverParameters.withTimeLimitSeconds(limit);
    }

    /**
     * {@return the {@link System#nanoTime()} at which a clear that started at {@code startNanos}
     * runs out of time} (capped so that an unlimited clear cannot overflow).
     */
    public long deadlineNanos(long startNanos) {
        return startNanos + (long) Math.min(timeLimitSeconds * 1e9, Long.MAX_VALUE / 4.0);
    }

    /** True once a clear that started at {@code startNanos} has used up the time limit. */
    public boolean timeUp(long startNanos) {
        return (System.nanoTime() - startNanos) * 1e-9 >= timeLimitSeconds;
    }

    @Override
    public String toString() {
        return "ClearingOptions{solver=" + (solver == null ? "default" : solver) + ", timeLimitSeconds=" + timeLimitSeconds
                + ", " + solverParameters
                + (methodOptions.isEmpty() ? "" : ", " + methodOptions.values()) + "}";
    }
}
