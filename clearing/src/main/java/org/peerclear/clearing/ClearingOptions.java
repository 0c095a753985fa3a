package org.peerclear.clearing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;

/**
 * Options shared by the clearing methods. Immutable; {@code with...} returns a copy. The
 * solver registry is explicit (no hidden global state): by default it is read from the class
 * path when a method first needs a solver.
 */
public final class ClearingOptions {
    public static final ClearingOptions DEFAULT = new ClearingOptions(null, SolverParameters.DEFAULT, null,
            ProgressListener.NONE, Map.of());

    private final String solver;
    private final SolverParameters solverParameters;
    private final SolverRegistry registry;
    private final ProgressListener listener;
    private final Map<Class<?>, Object> methodOptions;

    private ClearingOptions(String solver, SolverParameters solverParameters, SolverRegistry registry,
                            ProgressListener listener, Map<Class<?>, Object> methodOptions) {
        if (solver != null && solver.isBlank()) {
            throw new IllegalArgumentException("Invalid value for parameter solver: '" + solver + "'");
        }
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
        return new ClearingOptions(name, solverParameters, registry, listener, methodOptions);
    }

    public ClearingOptions withSolverParameters(SolverParameters p) {
        return new ClearingOptions(solver, p, registry, listener, methodOptions);
    }

    public ClearingOptions withRegistry(SolverRegistry r) {
        return new ClearingOptions(solver, solverParameters, r, listener, methodOptions);
    }

    public ProgressListener listener() {
        return listener;
    }

    public ClearingOptions withListener(ProgressListener l) {
        return new ClearingOptions(solver, solverParameters, registry, l, methodOptions);
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
        return new ClearingOptions(solver, solverParameters, registry, listener, m);
    }

    @Override
    public String toString() {
        return "ClearingOptions{solver=" + (solver == null ? "default" : solver) + ", " + solverParameters
                + (methodOptions.isEmpty() ? "" : ", " + methodOptions.values()) + "}";
    }
}
