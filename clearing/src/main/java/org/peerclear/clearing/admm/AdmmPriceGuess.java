package org.peerclear.clearing.admm;

import org.peerclear.clearing.ProgressListener;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.clearing.exact.PriceGuess;
import org.peerclear.index.MarketIndex;

import static org.peerclear.clearing.NumericalTolerances.ADMM_PRICE_GUESS_EPS;

/**
 * Approximate prices from a short consensus ADMM run (relative rule at
 * {@link org.peerclear.clearing.NumericalTolerances#ADMM_PRICE_GUESS_EPS}, no polish)
 * as the exact solver's start: on large markets they spare the ascent most of its rounds. Only a
 * starting point: the ascent makes them dual feasible and ends at the exact optimum whatever they are.
 */
public final class AdmmPriceGuess implements PriceGuess {
    /** The guess every exact clearing uses. */
    public static final AdmmPriceGuess INSTANCE = new AdmmPriceGuess();


    private AdmmPriceGuess() {
    }

    @Override
    public double[] prices(MarketIndex ix, long deadlineNanos) {
        AdmmOptions o = AdmmOptions.DEFAULT.withStopping(AdmmOptions.Stopping.RELATIVE).withEps(ADMM_PRICE_GUESS_EPS)
                .withAdaptiveRho(true).withPolish(false);
        ConsensusAdmm admm = new ConsensusAdmm(ix, o.withRho(AdmmOptions.rhoFromData(ix)));
        double left = deadlineNanos == 0 ? Double.POSITIVE_INFINITY : (deadlineNanos - System.nanoTime()) * 1e-9;
        admm.run(ProgressListener.NONE, FlowSolver.NAME, Math.max(left, 0.0));
        return admm.agentPrices();
    }
}
