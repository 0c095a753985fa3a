package org.peerclear.games.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.structure.MarketStructures;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.result.AssetResult;
import org.peerclear.result.ClearingResult;

/**
 * The two dispatches a community's pricing rules are applied to, each period cleared on its own:
 * <ul>
 *   <li>{@link #standalone}: each member's best response to the grid's prices with its own
 *       assets alone (the members on a market without trades between them, each with the grid):
 *       what members do when the community only bills, ex post, positions they chose for the grid.
 *       It is the dispatch of the grid-only baseline, so a rule's saving on it is pure billing;</li>
 *   <li>{@link #optimised}: the welfare-optimal dispatch of the community (its members trading
 *       with a manager, the manager with the grid, no fees), with each member's price {@code mu}:
 *       what members do when they respond to the optimisation's prices.</li>
 * </ul>
 * The literature's rules are billing rules on given net positions, so both are offered: on the
 * standalone dispatch the rules differ only in who gets the saving of netting; on the optimised
 * one the community's total is the optimum and the rules only move money between members.
 *
 * <p>Scope: periods are independent, so a horizon whose assets couple periods (storage, EVs,
 * shiftable loads, ramp limits) is refused: its dispatch needs the horizon clearing.
 */
public final class CommunityDispatches {
    /** The source label of {@link #standalone}. */
    public static final String STANDALONE = "standalone";
    /** The source label of {@link #optimised}. */
    public static final String OPTIMISED = "optimised";

    private CommunityDispatches() {
    }

    /**
     * Each member's best response to the grid, every period, by the {@code qp} clearing.
     *
     * @param day     the horizon, its periods independent; it must have a grid
     * @param members the members' ids, declared agents
     * @return the dispatch, without member prices
     * @throws IllegalArgumentException if the horizon couples periods, has no grid, or an id is no agent
     * @throws IllegalStateException if a period's clearing has no solution
     */
    public static CommunityDispatch standalone(HorizonMarket day, List<String> members) {
        return standalone(periods(day), members, ClearingMethods.load().get("qp"), ClearingOptions.DEFAULT);
    }

    /**
     * Each member's best response to the grid, every period, by a given clearing method.
     *
     * @param periods the period markets, each with a grid, the members among their agents
     * @param members the members' ids
     * @param method  the clearing method
     * @param options its options
     * @return the dispatch, without member prices
     * @throws IllegalArgumentException if a period has no grid or an id is no agent
     * @throws IllegalStateException if a period's clearing has no solution
     */
    public static CommunityDispatch standalone(List<Market> periods, List<String> members, ClearingMethod method,
                                               ClearingOptions options) {
        return dispatch(periods, members, method, options, false);
    }

    /**
     * The community's welfare-optimal dispatch with its member prices, every period, by the {@code qp} clearing.
     *
     * @param day     the horizon, its periods independent; it must have a grid
     * @param members the members' ids, declared agents
     * @return the dispatch, with member prices
     * @throws IllegalArgumentException if the horizon couples periods, has no grid, or an id is no agent
     * @throws IllegalStateException if a period's clearing has no solution
     */
    public static CommunityDispatch optimised(HorizonMarket day, List<String> members) {
        return optimised(periods(day), members, ClearingMethods.load().get("qp"), ClearingOptions.DEFAULT);
    }

    /**
     * The community's welfare-optimal dispatch with its member prices, by a given clearing method.
     *
     * @param periods the period markets, each with a grid, the members among their agents
     * @param members the members' ids
     * @param method  the clearing method
     * @param options its options
     * @return the dispatch, with member prices
     * @throws IllegalArgumentException if a period has no grid or an id is no agent
     * @throws IllegalStateException if a period's clearing has no solution
     */
    public static CommunityDispatch optimised(List<Market> periods, List<String> members, ClearingMethod method,
                                              ClearingOptions options) {
        return dispatch(periods, members, method, options, true);
    }

    /**
     * The community market of one period: the members trading with a manager (an agent without
     * assets), the manager with the grid, no fees, in the period's units.
     *
     * @param period  a period's market, with a grid
     * @param members the members' ids
     * @return the community market; its manager is {@link #managerId(List)}
     * @throws IllegalArgumentException if the market has no grid or an id is no agent
     */
    public static Market communityMarket(Market period, List<String> members) {
        Grid grid = gridOf(period);
        return MarketStructures.communities(period.name() + "-community", agents(period, members),
                Map.of(managerId(members), members), 0.0, grid).toBuilder().units(period.units()).build();
    }

    /**
     * The market of one period in which each member trades with the grid only.
     *
     * @param period  a period's market, with a grid
     * @param members the members' ids
     * @return the market, in the period's units
     * @throws IllegalArgumentException if the market has no grid or an id is no agent
     */
    public static Market standaloneMarket(Market period, List<String> members) {
        return Market.builder(period.name() + "-standalone").units(period.units()).agents(agents(period, members))
                .tradeGraph(TradeGraph.none(0.0, List.of())).grid(gridOf(period)).build();
    }

    /**
     * The id of the community's manager: {@code manager}, or with a suffix when a member has that id.
     *
     * @param members the members' ids
     * @return an id no member has
     */
    public static String managerId(List<String> members) {
        String id = "manager";
        for (int k = 2; members.contains(id); k++) {
            id = "manager-" + k;
        }
        return id;
    }

    private static List<Market> periods(HorizonMarket day) {
        if (!day.energyStores().isEmpty() || !day.shiftables().isEmpty() || !day.rampMax().isEmpty()) {
            throw new IllegalArgumentException("horizon '" + day.name() + "' has storage, EVs, shiftable loads or ramp limits:"
                    + " they couple its periods, which are cleared here one by one (clear it with the horizon clearing)");
        }
        List<Market> out = new ArrayList<>(day.periods());
        for (int t = 0; t < day.periods(); t++) {
            out.add(day.period(t));
        }
        return out;
    }

    private static Grid gridOf(Market m) {
        return m.grid().orElseThrow(() -> new IllegalArgumentException("market '" + m.name()
                + "' has no grid: community pricing rules price the community's trade with a grid"));
    }

    private static List<Agent> agents(Market m, List<String> members) {
        return members.stream().map(m::agent).toList();
    }

    private static CommunityDispatch dispatch(List<Market> periods, List<String> members, ClearingMethod method,
                                              ClearingOptions options, boolean community) {
        Objects.requireNonNull(method, "method");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("need at least one period");
        }
        int n = members.size();
        int count = periods.size();
        double[] importPrice = new double[count];
        double[] exportPrice = new double[count];
        double[][] net = new double[n][count];
        double[][] cost = new double[n][count];
        double[][] price = new double[n][count];
        for (int t = 0; t < count; t++) {
            Market period = periods.get(t);
            Grid grid = gridOf(period);
            importPrice[t] = grid.importPrice();
            exportPrice[t] = grid.exportPrice();
            Market market = community ? communityMarket(period, members) : standaloneMarket(period, members);
            ClearingResult r = method.clear(market, options);
            if (!r.hasSolution()) {
                throw new IllegalStateException("period " + t + " (" + (community ? OPTIMISED : STANDALONE) + "): "
                        + r.status() + ": " + r.message());
            }
            Map<String, Double> power = new HashMap<>();
            for (AssetResult a : r.assets()) {
                power.put(a.id(), a.p());
            }
            for (int i = 0; i < n; i++) {
                Agent agent = market.agent(members.get(i));
                double c = 0;
                for (Asset s : agent.assets()) {
                    c += s.cost(power.get(s.id()));
                }
                // The clearing's own per-period cost: the same money as a bill at its prices (power × price).
                cost[i][t] = c;
                net[i][t] = r.agent(agent.id()).p();
                price[i][t] = r.agent(agent.id()).price();
            }
        }
        String source = community ? OPTIMISED : STANDALONE;
        return community ? CommunityDispatch.withPrices(source, members, importPrice, exportPrice, net, cost, price)
                : CommunityDispatch.of(source, members, importPrice, exportPrice, net, cost);
    }
}
