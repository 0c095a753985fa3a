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

    /** {@return the problem classes this back-end solves, each listed explicitly (a QP solver lists LP too if it solves LPs)} */
    Set<ProblemClass> problemClasses();

    /** {@return {@code true} if continuous solves return row duals in the {@link Problem} convention} */
    boolean providesDuals();

    /** {@return a one-line description for listings; the name by default} */
    default String description() {
        return name();
    }

    /** {@return {@code true} when the back-end can run on this machine (e.g. its native library loads)} */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Whether {@link #solve} accepts a problem of this class.
     *
     * @param problemClass a problem class
     * @return {@code true} if it is among {@link #problemClasses()}
     */
    default boolean supports(ProblemClass problemClass) {
        return problemClasses().contains(problemClass);
    }

    /**
     * Refuses a problem class this back-end does not declare, as the contract requires of
     * {@link #solve} (one refusal, the same message, for every back-end).
     *
     * @param problemClass the class of the problem about to be solved
     * @throws UnsupportedProblemException if {@link #supports} is false for it
     */
    default void requireSupported(ProblemClass problemClass) {
        if (!supports(problemClass)) {
            throw new UnsupportedProblemException(name(), problemClass, problemClasses());
        }
    }

    /**
     * Solves a problem. Thread-safe: one back-end instance may solve several problems at once.
     *
     * @param problem    the problem, of a class this back-end lists
     * @param parameters limits and tolerances; what the back-end cannot honour it documents
     * @return the outcome; infeasible, unbounded, limits and numerical failures are its status
     * @throws UnsupportedProblemException if the problem's class is not among {@link #problemClasses()}
     */
    Solution solve(Problem problem, SolverParameters parameters);
}
