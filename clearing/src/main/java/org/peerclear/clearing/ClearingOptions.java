package org.peerclear.clearing;

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
    public static final ClearingOptions DEFAULT = new ClearingOptions(null, SolverParameters.DEFAULT, null);

    private final String solver;
    private final SolverParameters solverParameters;
    private final SolverRegistry registry;

    private ClearingOptions(String solver, SolverParameters solverParameters, SolverRegistry registry) {
        if (solver != null && solver.isBlank()) {
            throw new IllegalArgumentException("Invalid value for parameter solver: '" + solver + "'");
        }
        this.solver = solver;
        this.solverParameters = Objects.requireNonNull(solverParameters, "solverParameters");
        this.registry = registry;
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
        return new ClearingOptions(name, solverParameters, registry);
    }

    public ClearingOptions withSolverParameters(SolverParameters p) {
        return new ClearingOptions(solver, p, registry);
    }

    public ClearingOptions withRegistry(SolverRegistry r) {
        return new ClearingOptions(solver, solverParameters, r);
    }

    @Override
    public String toString() {
        return "ClearingOptions{solver=" + (solver == null ? "default" : solver) + ", " + solverParameters + "}";
    }
}
