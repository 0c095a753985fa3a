package org.peerclear.games.sharing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonTrades;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;

/**
 * The market of a coalition: the case with only the coalition's players trading, built with the
 * public model so that any clearing method can clear it. This is the definition every coalition
 * evaluator of {@link CommunityGame} reproduces.
 *
 * <h2>Who is in a coalition's market</h2>
 * <ul>
 *   <li>The players are the agents with assets; the coalition's players keep their assets.</li>
 *   <li>Agents without assets (community managers, pure traders) are not players: they stay in
 *       every coalition's market. They have no cost of their own, and they are the structure
 *       trades flow through: a community's members trade only with its manager, so without the
 *       manager a member could not trade at all, not even with the grid.</li>
 *   <li>A community manager with assets is a player; outside the coalition it stays as its
 *       community's trading point with its assets removed, for the same reason.</li>
 *   <li>Any other player outside the coalition leaves the market, with its pairs, arc overrides and
 *       community membership; a community left without members becomes its manager alone, which
 *       keeps the manager's other pairs and its grid link.</li>
 *   <li>The grid, units, network and fees are the case's: the coalition trades with the grid at its
 *       prices.</li>
 * </ul>
 * So the coalition of a single player is that player trading with the grid as the case lets it
 * (directly, or through its manager), and the grand coalition's market is the case itself. A case
 * over a horizon is restricted the same way (its ramp limits follow their assets).
 */
public final class CoalitionMarkets {
    private CoalitionMarkets() {
    }

    /**
     * The players of a market: its agents with assets, in declaration order.
     *
     * @param market the case
     * @return the players' ids
     */
    public static List<String> players(Market market) {
        List<String> ids = new ArrayList<>();
        for (Agent a : market.agents()) {
            if (!a.assets().isEmpty()) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    /**
     * The market of a coalition (see class comment).
     *
     * @param market  the case
     * @param members the coalition's players' ids, each a player of the case
     * @return the coalition's market, validated
     * @throws IllegalArgumentException if a member is not a player of the case
     */
    public static Market of(Market market, Set<String> members) {
        Set<String> managers = managersOf(market.communities(), members, players(market), market.name());
        Set<String> kept = new HashSet<>();
        Market.Builder b = Market.builder(market.name()).units(market.units()).grid(market.grid().orElse(null))
                .network(market.network().orElse(null));
        for (Agent a : market.agents()) {
            boolean player = !a.assets().isEmpty();
            if (!player || members.contains(a.id())) {
                b.agent(a);
                kept.add(a.id());
            } else if (managers.contains(a.id())) {
                b.agent(new Agent(a.id(), a.bus(), a.productClass(), List.of()));
                kept.add(a.id());
            }
        }
        kept.add(Grid.AGENT_ID);
        TradeGraph g = market.tradeGraph();
        List<Arc> overrides = new ArrayList<>();
        for (Arc o : g.overrides()) {
            if (kept.contains(o.from()) && kept.contains(o.to())) {
                overrides.add(o);
            }
        }
        b.tradeGraph(switch (g.kind()) {
            case COMPLETE -> TradeGraph.complete(g.fee(), overrides);
            case NONE -> TradeGraph.none(g.fee(), overrides);
            case PAIRS -> TradeGraph.pairs(g.pairs().stream().filter(p -> kept.contains(p.get(0)) && kept.contains(p.get(1)))
                    .toList(), g.fee(), overrides);
        });
        restrictCommunities(market.communities(), kept).forEach(b::community);
        return b.build();
    }

    /**
     * The players of a market over a horizon: its agents with assets, in declaration order.
     *
     * @param market the case
     * @return the players' ids
     */
    public static List<String> players(HorizonMarket market) {
        List<String> ids = new ArrayList<>();
        for (HorizonAgent a : market.agents()) {
            if (!a.assets().isEmpty()) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    /**
     * The market of a coalition of a case over a horizon (see class comment).
     *
     * @param market  the case
     * @param members the coalition's players' ids, each a player of the case
     * @return the coalition's market, validated
     * @throws IllegalArgumentException if a member is not a player of the case
     */
    public static HorizonMarket of(HorizonMarket market, Set<String> members) {
        Set<String> managers = managersOf(market.communities(), members, players(market), market.name());
        Set<String> kept = new HashSet<>();
        Set<String> keptAssets = new HashSet<>();
        HorizonMarket.Builder b = HorizonMarket.builder(market.name(), market.periods()).units(market.units())
                .grid(market.grid().orElse(null)).network(market.network().orElse(null));
        for (HorizonAgent a : market.agents()) {
            boolean player = !a.assets().isEmpty();
            if (!player || members.contains(a.id())) {
                b.agent(a);
                kept.add(a.id());
                a.assets().stream().map(HorizonAsset::id).forEach(keptAssets::add);
            } else if (managers.contains(a.id())) {
                b.agent(new HorizonAgent(a.id(), a.bus(), a.productClass(), List.of()));
                kept.add(a.id());
            }
        }
        kept.add(Grid.AGENT_ID);
        HorizonTrades t = market.trades();
        b.trades(new HorizonTrades(t.kind(), t.pairs().stream().filter(p -> kept.contains(p.get(0)) && kept.contains(p.get(1)))
                .toList(), t.fee(), t.overrides().stream().filter(o -> kept.contains(o.from()) && kept.contains(o.to())).toList()));
        restrictCommunities(market.communities(), kept).forEach(b::community);
        market.rampMax().forEach((asset, limit) -> {
            if (keptAssets.contains(asset)) {
                b.rampMax(asset, limit);
            }
        });
        return b.build();
    }

    /** The communities' managers; refuses a member that is not a player. */
    private static Set<String> managersOf(List<Community> communities, Set<String> members, List<String> players,
                                          String market) {
        Set<String> known = new HashSet<>(players);
        for (String m : members) {
            if (!known.contains(m)) {
                throw new IllegalArgumentException("'" + m + "' is not a player of market '" + market
                        + "' (the players are the agents with assets)");
            }
        }
        Set<String> managers = new HashSet<>();
        for (Community c : communities) {
            managers.add(c.manager());
        }
        return managers;
    }

    /** The communities with only their kept members; a community left with none is dropped. */
    private static List<Community> restrictCommunities(List<Community> communities, Set<String> kept) {
        List<Community> out = new ArrayList<>();
        for (Community c : communities) {
            List<String> left = c.members().stream().filter(kept::contains).toList();
            if (!left.isEmpty()) {
                out.add(new Community(c.id(), c.manager(), left));
            }
        }
        return out;
    }
}
