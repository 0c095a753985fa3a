package org.peerclear.clearing.exact;

import org.peerclear.index.MarketIndex;

/**
 * Where {@link FlowSolver}'s ascent starts on a large sparse market when no start is given:
 * prices near the optimum spare it most of its rounds. The caller supplies it so that the exact
 * solver depends on no clearing method (the one in use is ADMM's, {@code admm.AdmmPriceGuess}).
 */
@FunctionalInterface
public interface PriceGuess {
    /** No guess: the ascent starts cold. */
    PriceGuess NONE = (ix, deadlineNanos) -> null;

    /** Approximate agent prices, or null for a cold start; {@code deadlineNanos} 0 for none. */
    double[] prices(MarketIndex ix, long deadlineNanos);
}
