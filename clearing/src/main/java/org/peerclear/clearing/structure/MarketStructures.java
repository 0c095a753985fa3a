package org.peerclear.clearing.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peerclear.model.Agent;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;

/**
 * The market structures of the P2P literature, all as trade graphs of one unified market
 * (Sorin, Bobo &amp; Pinson 2019):
 * <pre>
 *   pool            full P2P          community              composite
 *    a  b  c         a ─── b          a   b                   a   b      x
 *     \ | /          │ ╲ ╱ │           \ /                     \ /       │
 *      (mo)          │ ╱ ╲ │           (m1) ─── (m2)           (m1) ──── y
 *                    c ─── d                   / \
 *                                             c   d
 * </pre>
 * A grid agent, when given, trades with every agent outside a community (in a pool, with the
 * operator only).
 */
public final class MarketStructures {
    private MarketStructures() {
    }

    /** One market operator {@code operator} with whom every agent trades. */
    public static Market pool(String name, List<Agent> agents, String operator, double fee, Grid grid) {
        List<String> members = agents.stream().map(Agent::id).toList();
        return Market.builder(name).agents(agents).agent(new Agent(operator, List.of()))
                .community(new Community(name + "-pool", operator, members))
                .tradeGraph(TradeGraph.complete(fee, List.of())).grid(grid).build();
    }

    /** Every pair of agents may trade. */
    public static Market fullP2P(String name, List<Agent> agents, double fee, Grid grid) {
        return Market.builder(name).agents(agents).tradeGraph(TradeGraph.complete(fee, List.of())).grid(grid).build();
    }

    /** Only the given pairs may trade. */
    public static Market p2p(String name, List<Agent> agents, List<List<String>> pairs, double fee, Grid grid) {
        return Market.builder(name).agents(agents).tradeGraph(TradeGraph.pairs(pairs, fee, List.of())).grid(grid).build();
    }

    /**
     * Communities (manager id → member ids; managers are added as agents without assets) whose
     * managers trade with each other and with every agent outside any community: a
     * community-based market when every agent is in a community, a composite one otherwise.
     */
    public static Market communities(String name, List<Agent> agents, Map<String, List<String>> communities, double fee,
                                     Grid grid) {
        Market.Builder b = Market.builder(name).agents(agents);
        List<String> managers = new ArrayList<>(communities.keySet());
        managers.sort(null);
        for (String m : managers) {
            b.agent(new Agent(m, List.of()));
            b.community(new Community("community-" + m, m, communities.get(m)));
        }
        return b.tradeGraph(TradeGraph.complete(fee, List.of())).grid(grid).build();
    }
}
