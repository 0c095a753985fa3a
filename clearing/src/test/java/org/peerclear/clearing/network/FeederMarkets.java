package org.peerclear.clearing.network;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;

/** Markets on the embedded case33bw feeder, for network-aware clearing tests (centralised and ADMM). */
public final class FeederMarkets {
    private FeederMarkets() {
    }

    /**
     * The classic over-voltage case: a PV prosumer at every load bus of case33bw (buses 2..33),
     * each with {@code pvKw} of cheap PV, selling to each other and to the grid (export at 0.04,
     * import at 0.30 currency per kW). Radial feeder (Baran &amp; Wu):
     * <pre>
     *   1 ─ 2 ─ 3 ─ 4 ─ 5 ─ 6 ─ 7 ─ ... ─ 18        (main feeder; the far end rises most)
     *       │   │           └─ 26 ─ ... ─ 33
     *       19..22  23..25
     * </pre>
     */
    public static Market highPv(double pvKw, List<NetworkSpec.BranchRating> ratings) {
        return highPv(pvKw, ratings, false);
    }

    /** As {@link #highPv(double, List)}; with {@code peerToPeer}, each prosumer also trades with the one at the next bus (gamma 0.001). */
    public static Market highPv(double pvKw, List<NetworkSpec.BranchRating> ratings, boolean peerToPeer) {
        Market.Builder b = Market.builder("case33bw-high-pv");
        List<List<String>> pairs = new ArrayList<>();
        for (int bus = 2; bus <= 33; bus++) {
            String id = "pv" + bus;
            double cost = 0.01 + 0.0002 * bus;
            b.agent(new Agent(id, String.valueOf(bus), "green", List.of(new Asset(id + ".pv", 0, pvKw, 1e-5, cost))));
            if (peerToPeer && bus < 33) {
                pairs.add(List.of(id, "pv" + (bus + 1)));
            }
        }
        return b.tradeGraph(TradeGraph.pairs(pairs, peerToPeer ? 0.001 : 0.0, List.of()))
                .grid(new Grid("1", 0.30, 0.04))
                .network(new NetworkSpec("case33bw", null, 0.90, 1.05, ratings))
                .build();
    }

    /**
     * Under-voltage at peak load: case33bw's far ends sit at 0.913 pu (AC), below {@code vMin}
     * = 0.92; expensive generators at buses 18 and 33 (0.5 per kW, above the grid's 0.30) run
     * only as far as the voltage limit needs them. LinDistFlow ignores losses, so it puts the
     * voltage slightly too high: the AC result falls short of vMin by about its error.
     */
    public static Market underVoltage() {
        return Market.builder("case33bw-under-voltage")
                .agent(new Agent("g18", "18", null, List.of(new Asset("g18.gen", 0, 500, 1e-5, 0.5))))
                .agent(new Agent("g33", "33", null, List.of(new Asset("g33.gen", 0, 500, 1e-5, 0.5))))
                .tradeGraph(TradeGraph.complete(0.0, List.of()))
                .grid(new Grid("1", 0.30, 0.02))
                .network(new NetworkSpec("case33bw", null, 0.92, 1.05, List.of()))
                .build();
    }

    /**
     * Sellers near the substation and far down the main feeder, buyers spread over it, every pair
     * may trade, the grid behind bus 1:
     * <pre>
     *   1(grid) ─ 2(s2) ─ 3 ─ ... ─ 9(b9) ─ ... ─ 15(b15) ─ ... ─ 18(s18)
     *               └ 19 ─ 20(b20)        23(b23)    30(s30)
     * </pre>
     */
    public static Market peerToPeer() {
        List<Agent> agents = new ArrayList<>();
        for (String s : List.of("2", "18", "30")) {
            agents.add(new Agent("s" + s, s, null, List.of(new Asset("s" + s + ".gen", 0, 150, 0.0004, 0.05))));
        }
        for (String b : List.of("9", "15", "20", "23")) {
            agents.add(new Agent("b" + b, b, null, List.of(new Asset("b" + b + ".load", -120, 0, 0.0005, 0.25))));
        }
        return Market.builder("p2p-case33bw").agents(agents).tradeGraph(TradeGraph.complete(0.001, List.of()))
                .grid(new Grid("1", 0.30, 0.02)).network(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())).build();
    }
}
