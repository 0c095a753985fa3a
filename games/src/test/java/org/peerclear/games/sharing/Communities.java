package org.peerclear.games.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;

/** Seeded community markets for the tests. */
final class Communities {
    private Communities() {
    }

    /**
     * Households at noon: core's household day (every other one with rooftop PV, flexible loads, a
     * complete graph at fee 0.002, the grid at 0.22 / 0.05), its period at 12:00 (of two periods).
     */
    static Market householdsAtNoon(int households, long seed) {
        return HouseholdDayGenerator.generate(households, 2, 0, 0, BipartiteMarketGenerator.ALL_PARTNERS, seed).period(1);
    }

    /** The same agents as the members of one community whose asset-less manager trades with the grid. */
    static Market asCommunity(Market m, double memberFee) {
        Market.Builder b = Market.builder(m.name() + "-community").units(m.units()).grid(m.grid().orElse(null))
                .tradeGraph(TradeGraph.complete(memberFee, List.of()));
        List<String> ids = new ArrayList<>();
        for (Agent a : m.agents()) {
            b.agent(a);
            ids.add(a.id());
        }
        b.agent(new Agent("manager", List.of()));
        return b.community(new Community("c", "manager", ids)).build();
    }

    /**
     * A varied community: linear and quadratic assets, fixed loads, must-run generation, per-member
     * fees (arc overrides) and, when {@code managerAssets}, a manager with assets of its own (a
     * player); the grid behind the manager with a finite import limit.
     */
    static Market variedCommunity(int members, long seed, boolean managerAssets) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Market.Builder b = Market.builder("varied-" + members + "-" + seed);
        List<String> ids = new ArrayList<>();
        List<Arc> overrides = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String id = "m" + i;
            ids.add(id);
            b.agent(new Agent(id, randomAssets(id, rnd, true)));
            overrides.add(new Arc(id, "manager", 0.01 * rnd.nextDouble()));
        }
        b.agent(new Agent("manager", managerAssets ? List.of(new Asset("manager.gen", 0, 4, 0.05, 0.12)) : List.of()));
        overrides.add(new Arc("manager", Grid.AGENT_ID, 0.004));
        return b.tradeGraph(TradeGraph.complete(0.001, overrides)).grid(new Grid(null, 0.25, 0.04, 60, Double.POSITIVE_INFINITY))
                .community(new Community("c", "manager", ids)).build();
    }

    /**
     * Varied assets on a complete graph, every player with its own grid leg (overridden fees on some
     * legs); without a grid, no fixed load or must-run unit, so that each player can clear alone.
     */
    static Market variedComplete(int players, long seed, boolean withGrid) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Market.Builder b = Market.builder("varied-complete-" + players + "-" + seed);
        List<Arc> overrides = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            String id = "p" + i;
            b.agent(new Agent(id, randomAssets(id, rnd, withGrid)));
            if (withGrid && i % 3 == 0) {
                overrides.add(new Arc(id, Grid.AGENT_ID, 0.01 * rnd.nextDouble()));
            }
        }
        b.tradeGraph(TradeGraph.complete(0.003, overrides));
        if (withGrid) {
            b.grid(new Grid(null, 0.3, 0.06));
        }
        return b.build();
    }

    private static List<Asset> randomAssets(String id, SplittableRandom rnd, boolean fixedParts) {
        List<Asset> assets = new ArrayList<>();
        // A load: flexible (quadratic utility), flexible and linear, or partly fixed.
        switch (rnd.nextInt(fixedParts ? 3 : 2)) {
            case 0 -> assets.add(new Asset(id + ".load", -1 - 2 * rnd.nextDouble(), 0, 0.02 + 0.05 * rnd.nextDouble(),
                    0.3 + 0.2 * rnd.nextDouble()));
            case 1 -> assets.add(new Asset(id + ".load", -1 - 2 * rnd.nextDouble(), 0, 0, 0.2 + 0.2 * rnd.nextDouble()));
            default -> {
                assets.add(new Asset(id + ".base", -0.3, -0.3, 0, 0));
                assets.add(new Asset(id + ".load", -1.5, 0, 0.04, 0.35));
            }
        }
        // Generation on two of three: PV at no cost (linear), a small quadratic unit, or a must-run one.
        switch (rnd.nextInt(4)) {
            case 0 -> assets.add(new Asset(id + ".pv", 0, 1 + 3 * rnd.nextDouble(), 0, 0));
            case 1 -> assets.add(new Asset(id + ".gen", 0, 2, 0.03 + 0.05 * rnd.nextDouble(), 0.05 + 0.1 * rnd.nextDouble()));
            case 2 -> assets.add(new Asset(id + ".chp", fixedParts ? 0.5 : 0, 1.5, 0.02, 0.1 + 0.1 * rnd.nextDouble()));
            default -> {
            }
        }
        return assets;
    }
}
