package org.peerclear.clearing;

import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;
import org.peerclear.spi.Named;

/**
 * A way to clear a market (a centralised LP/QP, a MILP, consensus ADMM, an auction...): the
 * extension point for new market formulations. Found with {@link java.util.ServiceLoader}
 * (file {@code META-INF/services/org.peerclear.clearing.ClearingMethod}); the built-in methods
 * are registered the same way. Implementations are stateless, with a public no-argument
 * constructor, and never change the {@link Market}.
 *
 * <p>Numerical outcomes (infeasible, not converged, solver failure) are the result's status;
 * misuse (a market this method cannot clear, an invalid option) is an exception that says why.
 */
public interface ClearingMethod extends Named {
    /** Unique lower-case name used on the command line ({@code --method}). */
    @Override
    String name();

    /**
     * {@return a one-line description for listings (e.g. the command line's list of methods): what the method
     * solves and how; the name by default}
     */
    default String description() {
        return name();
    }

    /**
     * Clears a market.
     *
     * @param market  the market, not changed
     * @param options the shared options (solver, time limit, progress listener) and this method's own, if any
     * @return the result, its status certified ({@link Certification}); an infeasible market, a solver failure or
     *         a method that did not converge is a status, not an exception
     * @throws IllegalArgumentException when this method cannot clear this market (e.g. a feature it does not
     *         support) or an option is invalid, saying which
     */
    ClearingResult clear(Market market, ClearingOptions options);
}
