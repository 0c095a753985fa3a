package org.peerclear.games.sharing;

import java.util.List;
import java.util.Set;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.HorizonClearing;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.model.HorizonMarket;
import org.peerclear.opt.Status;

/**
 * A coalition's cost over a horizon whose periods are coupled (storage, EVs, shiftable loads,
 * ramps): the objective of the central horizon clearing ({@link HorizonClearing}, the registry's
 * default back-ends) of the coalition's market ({@link CoalitionMarkets#of(HorizonMarket, Set)}),
 * one problem over every period per coalition.
 */
final class HorizonCost extends PerCoalitionCost {
    private final HorizonMarket market;

    HorizonCost(HorizonMarket market, List<String> players) {
        super(players);
        this.market = market;
    }

    /**
     * Clears one coalition's market over the horizon.
     *
     * @param members the members' ids
     * @return the clearing, optimal
     * @throws IllegalStateException if it is not optimal, with its status and message
     */
    HorizonResult clearCoalition(Set<String> members) {
        HorizonResult r = new HorizonClearing().clear(Horizons.of(CoalitionMarkets.of(market, members)), ClearingOptions.DEFAULT);
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException("the market of coalition " + members + " of '" + market.name() + "' cleared "
                    + r.status() + " over its horizon: " + r.message());
        }
        return r;
    }

    @Override
    double costOf(Set<String> members) {
        return clearCoalition(members).objective();
    }
}
