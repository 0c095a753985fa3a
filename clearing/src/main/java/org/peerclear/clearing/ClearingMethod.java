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

    default String description() {
        return name();
    }

    ClearingResult clear(Market market, ClearingOptions options);
}
