package org.peerclear.games.sharing;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Community;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.CostAccounting;

/**
 * A coalition's cost by the exact engine ({@link FlowSolver}, what method {@code qp} runs without a
 * network) on the case's index restricted to the coalition: the agents and assets stay, a player
 * outside the coalition has its assets held at 0 and loses its pairs (its grid leg's too), unless
 * it is a community manager, which keeps its pairs as the community's trading point (the rules of
 * {@link CoalitionMarkets}, without building a market). Each coalition starts from the previous
 * one's prices: in the Gray-code order of the exact methods the previous coalition differs by one
 * player, so most prices are already right. A clearing that does not end optimal is redone by
 * method {@code qp} on the coalition's market.
 */
final class FlowCost implements CoalitionCost {
    private final MarketIndex full;
    private final int[] playerAgent;
    /** Per agent: may it lose its pairs (a player that manages no community)? */
    private final boolean[] removable;
    /** Per player: its grid leg, or −1. */
    private final int[] legOf;
    private final List<String> players;
    private final ClearingCost fallback;

    FlowCost(Market market, MarketIndex full, int[] playerAgent, List<String> players, ClearingCost fallback) {
        this.full = full;
        this.playerAgent = playerAgent;
        this.players = players;
        this.fallback = fallback;
        Set<String> managers = new HashSet<>();
        for (Community c : market.communities()) {
            managers.add(c.manager());
        }
        removable = new boolean[full.numAgents()];
        legOf = new int[playerAgent.length];
        for (int p = 0; p < playerAgent.length; p++) {
            int agent = playerAgent[p];
            removable[agent] = !managers.contains(full.agentId(agent));
            legOf[p] = removable[agent] ? full.gridLegOf(agent) : -1;
        }
    }

    @Override
    public int players() {
        return playerAgent.length;
    }

    @Override
    public State state() {
        return new Restricted();
    }

    /** The coalition as bounds and pairs on the full index, and the last prices. */
    private final class Restricted implements State {
        private final boolean[] member = new boolean[playerAgent.length];
        /** Per agent: is it in the coalition's market (its pairs kept)? */
        private final boolean[] present = new boolean[full.numAgents()];
        private final double[] lo = full.pMin().clone();
        private final double[] hi = full.pMax().clone();
        private final int[] pairs = new int[full.numPairs()];
        private double[] start;

        Restricted() {
            clear();
        }

        @Override
        public void set(int player, boolean in) {
            member[player] = in;
            int agent = playerAgent[player];
            bounds(agent, in);
            if (removable[agent]) {
                present[agent] = in;
                if (legOf[player] >= 0) {
                    present[legOf[player]] = in;
                    bounds(legOf[player], in);
                }
            }
        }

        private void bounds(int agent, boolean in) {
            for (int s = full.assetStart()[agent]; s < full.assetStart()[agent + 1]; s++) {
                lo[s] = in ? full.pMin()[s] : 0.0;
                hi[s] = in ? full.pMax()[s] : 0.0;
            }
        }

        @Override
        public double cost() {
            int m = 0;
            for (int j = 0; j < full.numPairs(); j++) {
                if (present[full.from()[2 * j]] && present[full.to()[2 * j]]) {
                    pairs[m++] = j;
                }
            }
            MarketIndex ix = full.withBounds(lo, hi).withPairs(Arrays.copyOf(pairs, m));
            FlowSolver.Outcome o = FlowSolver.solve(ix, start, 0L, null);
            if (o.status() == Status.OPTIMAL) {
                start = o.agentPrices();
                return CostAccounting.objective(ix, o.assetPower(), o.trades());
            }
            Set<String> ids = PerCoalitionCost.ids(member, players);
            if (o.status() == Status.INFEASIBLE) {
                throw new IllegalStateException("the market of coalition " + ids + " is infeasible: " + o.message());
            }
            return fallback.costOf(ids);
        }

        @Override
        public void clear() {
            Arrays.fill(member, false);
            Arrays.fill(present, true);
            for (int p = 0; p < playerAgent.length; p++) {
                set(p, false);
            }
            start = null;
        }
    }
}
