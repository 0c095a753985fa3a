package org.peerclear.opt;

import java.util.Set;
import org.peerclear.spi.Named;

/**
 * A solver back-end: the single extension point through which optimisation engines plug in.
 * Implementations are found with {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/org.peerclear.opt.SolverBackend}); the built-in ojAlgo back-end is
 * registered exactly like external ones. Implementations must be stateless and thread-safe,
 * with a public no-argument constructor.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #solve} throws {@link UnsupportedProblemException} for a problem class it does
 *       not list in {@link #problemClasses()}: nothing is dropped or relaxed silently.</li>
 *   <li>Numerical outcomes (infeasible, unbounded, limits, failures) are a {@link Status} in
 *       the returned {@link Solution}, never an exception.</li>
 *   <li>Duals follow the sign convention of {@link Problem}; a back-end that cannot provide
 *       them returns none rather than zeros.</li>
 * </ul>
 */
public interface SolverBackend extends Named {
    /** Unique lower-case name used on the command line, e.g. {@code ojalgo}, {@code ortools-glop}. */
    @Override
    String name();

    /** The problem classes this back-end solves. */
    Set<ProblemClass> problemClasses();

    /** True if continuous solves return row duals. */
    boolean providesDuals();

    /** A one-line description for listings. */
    default String description() {
        return name();
    }

    /** True when the back-end can run on this machine (e.g. its native library loads). */
    default boolean isAvailable() {
        return true;
    }

    default boolean supports(ProblemClass problemClass) {
        return problemClasses().contains(problemClass);
    }

    Solution solve(Problem problem, SolverParameters parameters);
}
