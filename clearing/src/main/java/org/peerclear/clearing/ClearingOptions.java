package org.peerclear.clearing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.options.OptionSpec;

/**
 * Options shared by the clearing methods. Immutable; {@code with...} returns a copy, validated
 * where the value has a rule. The solver registry is explicit (no hidden global state): by
 * default it is read from the class path each time a method asks for it ({@link #registry()}).
 *
 * <p>The time limit ({@code solver.timeLimit}, {@link #TIME_LIMIT}: {@link #DEFAULT_TIME_LIMIT_SECONDS}
 * by default, {@code +∞} for none) bounds a whole clear: ADMM stops at it with its best point
 * ({@code TIME_LIMIT}); the centralised methods pass what is left of it to their back-end as
 * {@link SolverParameters#timeLimitSeconds()} (the smaller of the two when the solver parameters
 * carry their own).
 */
public final class ClearingOptions {
    /** The default time limit of a clear: 10 minutes, long enough for the largest benchmark markets. */
    public static final double DEFAULT_TIME_LIMIT_SECONDS = 600.0;

    /**
     * {@code solver.timeLimit}: the time limit of a whole clear, in seconds, a number {@code > 0} or {@code Infinity}
     * for none; default 600 ({@link #DEFAULT_TIME_LIMIT_SECONDS}). Named {@code solver.*}, with the back-end's
     * options, where a user looks for it, though it bounds the whole clear. From Java:
     * {@link #withTimeLimitSeconds(double)}.
     */
    public static final OptionSpec<Double> TIME_LIMIT = OptionSpec.number("solver.timeLimit", DEFAULT_TIME_LIMIT_SECONDS, 0,
            true, Double.POSITIVE_INFINITY, false, "s",
            "time limit of the whole clear; at it the run stops with status TIME_LIMIT and its best point (Infinity: none)");

    /**
     * Defaults: no solver named (each method chooses), {@link SolverParameters#DEFAULT}, the registry on the class
     * path, no progress reports ({@link ProgressListener#NONE}), no method options (each method uses its own
     * defaults) and the default time limit of {@code solver.timeLimit}, 600 s.
     */
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

    /**
     * {@return the back-end's name; empty when none is named, and each method then chooses (usually the registry's
     * default for the problem class; the centralised methods first try PeerClear's own exact solver, {@code flow})}
     */
    public Optional<String> solver() {
        return Optional.ofNullable(solver);
    }

    /**
     * {@return the back-end's parameters; their own time limit bounds each solve, this clear's
     * {@link #timeLimitSeconds()} the whole clear (see {@link #solverParametersAt(long)})}
     */
    public SolverParameters solverParameters() {
        return solverParameters;
    }

    /** {@return the registry given, or else the one on the class path, read anew at each call} */
    public SolverRegistry registry() {
        return registry != null ? registry : SolverRegistry.load();
    }

    /**
     * A copy naming the back-end to solve with. The name is looked up when a method needs a solver: an unknown one
     * fails then, naming the close matches.
     *
     * @param name a back-end's name in {@link #registry()}; null to let each method choose
     * @return the validated copy
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public ClearingOptions withSolver(String name) {
        return new ClearingOptions(name, solverParameters, registry, listener, methodOptions, timeLimitSeconds);
    }

    /**
     * A copy with other back-end parameters ({@code solver.threads}, {@code solver.optimalityTolerance},
     * {@code solver.feasibilityTolerance}, {@code solver.relativeMipGap}, which they validate).
     *
     * @param p the parameters; not null
     * @return the copy
     * @throws NullPointerException if {@code p} is null
     */
    public ClearingOptions withSolverParameters(SolverParameters p) {
        return new ClearingOptions(solver, p, registry, listener, methodOptions, timeLimitSeconds);
    }

    /**
     * A copy that finds back-ends in the given registry (tests, plug-in folders, embedding applications).
     *
     * @param r the registry; null for the one on the class path
     * @return the copy
     */
    public ClearingOptions withRegistry(SolverRegistry r) {
        return new ClearingOptions(solver, solverParameters, r, listener, methodOptions, timeLimitSeconds);
    }

    /** {@return the receiver of the iterative methods' progress reports; {@link ProgressListener#NONE} by default} */
    public ProgressListener listener() {
        return listener;
    }

    /**
     * A copy that reports progress to {@code l}, called on the method's thread.
     *
     * @param l the listener; {@link ProgressListener#NONE} for none, not null
     * @return the copy
     * @throws NullPointerException if {@code l} is null
     */
    public ClearingOptions withListener(ProgressListener l) {
        return new ClearingOptions(solver, solverParameters, registry, l, methodOptions, timeLimitSeconds);
    }

    /**
     * Options of one method, keyed by their type (e.g. the ADMM method's own options class);
     * empty when none were given, in which case the method uses its defaults.
     *
     * @param <T>  the options' type
     * @param type the options' class, exactly as given to {@link #withMethodOptions(Object)}
     * @return the options of that type; empty when none were given
     */
    public <T> Optional<T> methodOptions(Class<T> type) {
        return Optional.ofNullable(type.cast(methodOptions.get(type)));
    }

    /**
     * A copy with {@code options} set for its type (replacing any of the same type), e.g. an
     * {@link org.peerclear.clearing.admm.AdmmOptions} or a {@link org.peerclear.clearing.network.NetworkOptions}.
     *
     * @param options a method's options, keyed by their class; not null
     * @return the copy
     * @throws NullPointerException if {@code options} is null
     */
    public ClearingOptions withMethodOptions(Object options) {
        Map<Class<?>, Object> m = new HashMap<>(methodOptions);
        m.put(options.getClass(), options);
        return new ClearingOptions(solver, solverParameters, registry, listener, m, timeLimitSeconds);
    }

    /**
     * {@return the time limit of a whole clear ({@code solver.timeLimit}), in seconds: {@code > 0}, {@code +∞} for
     * none}
     */
    public double timeLimitSeconds() {
        return timeLimitSeconds;
    }

    /**
     * A copy with another time limit of a whole clear ({@code solver.timeLimit}).
     *
     * @param seconds {@code > 0}; {@code +∞} for none
     * @return the validated copy
     * @throws IllegalArgumentException if {@code seconds} is NaN or not {@code > 0}, with {@code solver.timeLimit}'s
     *         message
     */
    public ClearingOptions withTimeLimitSeconds(double seconds) {
        return new ClearingOptions(solver, solverParameters, registry, listener, methodOptions, seconds);
    }

    /**
     * The solver parameters for a solve that starts now, in a clear that started at
     * {@code startNanos}: the time limit is what is left of this clear's (at least 1 ms), or the parameters'
     * own when smaller.
     *
     * @param startNanos the {@link System#nanoTime()} at which the clear started
     * @return {@link #solverParameters()}, with a smaller time limit when needed
     */
    public SolverParameters solverParametersAt(long startNanos) {
        double left = timeLimitSeconds - (System.nanoTime() - startNanos) * 1e-9;
        double limit = Math.min(solverParameters.timeLimitSeconds(), Math.max(left, 1e-3));
        return limit == solverParameters.timeLimitSeconds() ? solverParameters : solverParameters.withTimeLimitSeconds(limit);
    }

    /**
     * {@return the {@link System#nanoTime()} at which a clear that started at {@code startNanos}
     * runs out of time} (capped so that an unlimited clear cannot overflow).
     *
     * @param startNanos the {@link System#nanoTime()} at which the clear started
     */
    public long deadlineNanos(long startNanos) {
        return startNanos + (long) Math.min(timeLimitSeconds * 1e9, Long.MAX_VALUE / 4.0);
    }

    /**
     * Whether a clear has used up its time limit.
     *
     * @param startNanos the {@link System#nanoTime()} at which the clear started
     * @return {@code true} once the time since {@code startNanos} reaches {@link #timeLimitSeconds()}
     */
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
