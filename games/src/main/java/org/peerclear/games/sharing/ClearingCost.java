package org.peerclear.games.sharing;

import java.util.List;
import java.util.Set;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;

/**
 * A coalition's cost as the objective of a clearing of its market ({@link CoalitionMarkets}) by
 * method {@code qp}, certified like any clearing: the definition itself, for any one-period case
 * (with a network too), at the price of building and clearing a market per coalition.
 */
final class ClearingCost extends PerCoalitionCost {
    private final Market market;
    private final ClearingMethod method;

    ClearingCost(Market market, List<String> players, ClearingMethod method) {
        super(players);
        this.market = market;
        this.method = method;
    }

    /** Clears one coalition's market; its objective, or an IllegalStateException with the status when not optimal. */
    @Override
    double costOf(Set<String> members) {
        ClearingResult r = method.clear(CoalitionMarkets.of(market, members), ClearingOptions.DEFAULT);
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException("the market of coalition " + members + " of '" + market.name() + "' cleared "
                    + r.status() + ": " + r.message());
        }
        return r.objective();
    }
}
