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

    /**
     * A pool: one market operator with whom every agent trades, and only with it.
     *
     * @param name     the market's name; the operator's community is {@code <name>-pool}
     * @param agents   the agents, none named {@code operator}
     * @param operator the id of the operator, added as an agent without assets
     * @param fee      the gamma of every arc, currency per unit of power traded for one period; {@code >= 0}
     * @param grid     the grid tariff, trading with the operator only; null for an islanded market
     * @return the market
     * @throws org.peerclear.model.InvalidMarketException if the market breaks a rule of the market-case format
     */
    public static Market pool(String name, List<Agent> agents, String operator, double fee, Grid grid) {
        List<String> members = agents.stream().map(Agent::id).toList();
        return Market.builder(name).agents(agents).agent(new Agent(operator, List.of()))
                .community(new Community(name + "-pool", operator, members))
                .tradeGraph(TradeGraph.complete(fee, List.of())).grid(grid).build();
    }

    /**
     * Full P2P: every pair of agents may trade.
     *
     * @param name   the market's name
     * @param agents the agents
     * @param fee    the gamma of every arc, currency per unit of power traded for one period; {@code >= 0}
     * @param grid   the grid tariff, trading with every agent; null for an islanded market
     * @return the market
     * @throws org.peerclear.model.InvalidMarketException if the market breaks a rule of the market-case format
     */
    public static Market fullP2P(String name, List<Agent> agents, double fee, Grid grid) {
        return Market.builder(name).agents(agents).tradeGraph(TradeGraph.complete(fee, List.of())).grid(grid).build();
    }

    /**
     * P2P on a given graph: only the given pairs may trade.
     *
     * @param name   the market's name
     * @param agents the agents
     * @param pairs  unordered pairs of agent ids, each a list of two
     * @param fee    the gamma of every arc, currency per unit of power traded for one period; {@code >= 0}
     * @param grid   the grid tariff, trading with every agent; null for an islanded market
     * @return the market
     * @throws org.peerclear.model.InvalidMarketException if the market breaks a rule of the market-case format
     */
    public static Market p2p(String name, List<Agent> agents, List<List<String>> pairs, double fee, Grid grid) {
        return Market.builder(name).agents(agents).tradeGraph(TradeGraph.pairs(pairs, fee, List.of())).grid(grid).build();
    }

    /**
     * Communities (manager id → member ids; managers are added as agents without assets) whose
     * managers trade with each other and with every agent outside any community: a
     * community-based market when every agent is in a community, a composite one otherwise.
     *
     * @param name        the market's name; community {@code m} is named {@code community-m}
     * @param agents      the agents, none named as a manager
     * @param communities manager id → its members' ids; the managers are added in their ids' order
     * @param fee         the gamma of every arc, currency per unit of power traded for one period; {@code >= 0}
     * @param grid        the grid tariff, trading with the managers and the agents outside any community; null
     *                    for an islanded market
     * @return the market
     * @throws org.peerclear.model.InvalidMarketException if the market breaks a rule of the market-case format
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
