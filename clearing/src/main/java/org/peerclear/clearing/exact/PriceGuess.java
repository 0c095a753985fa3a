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

    /**
     * Approximate agent prices for the market.
     *
     * @param ix            the market's index
     * @param deadlineNanos the {@link System#nanoTime()} by which the guess must be done, since it spends the
     *                      clear's time; 0 for none
     * @return a price per agent, currency per unit of power for one period, NaN where unknown; or null for a cold start
     */
    double[] prices(MarketIndex ix, long deadlineNanos);
}
