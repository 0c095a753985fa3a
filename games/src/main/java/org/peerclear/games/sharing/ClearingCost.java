package org.peerclear.games.sharing;

import java.util.LinkedHashSet;
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
final class ClearingCost implements CoalitionCost {
    private final Market market;
    private final List<String> players;
    private final ClearingMethod method;

    ClearingCost(Market market, List<String> players, ClearingMethod method) {
        this.market = market;
        this.players = players;
        this.method = method;
    }

    @Override
    public int players() {
        return players.size();
    }

    /**
     * Clears one coalition's market.
     *
     * @param members the members' ids
     * @return its objective
     * @throws IllegalStateException if the clearing is not optimal, with its status and message
     */
    double clearCoalition(Set<String> members) {
        ClearingResult r = method.clear(CoalitionMarkets.of(market, members), ClearingOptions.DEFAULT);
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException("the market of coalition " + members + " of '" + market.name() + "' cleared "
                    + r.status() + ": " + r.message());
        }
        return r.objective();
    }

    @Override
    public State state() {
        return new State() {
            private final boolean[] member = new boolean[players.size()];

            @Override
            public void set(int player, boolean in) {
                member[player] = in;
            }

            @Override
            public double cost() {
                Set<String> ids = new LinkedHashSet<>();
                for (int p = 0; p < member.length; p++) {
                    if (member[p]) {
                        ids.add(players.get(p));
                    }
                }
                return clearCoalition(ids);
            }

            @Override
            public void clear() {
                java.util.Arrays.fill(member, false);
            }
        };
    }
}
