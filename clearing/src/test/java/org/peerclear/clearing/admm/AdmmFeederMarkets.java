package org.peerclear.clearing.admm;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;

/**
 * Markets on the embedded case33bw feeder for the network-aware ADMM: the same high-PV market
 * as the centralised network tests' {@code FeederMarkets.highPv} (package-private there), with
 * optional peer-to-peer pairs between neighbouring prosumers.
 */
final class AdmmFeederMarkets {
    private AdmmFeederMarkets() {
    }

    /**
     * A PV prosumer at every load bus of case33bw (2..33), {@code pvKw} of PV at a cost rising
     * with the bus number, selling to the grid (export 0.04, import 0.30 per kW); with
     * {@code peerToPeer}, each also trades with the prosumer at the next bus (gamma 0.001).
     */
    static Market highPv(double pvKw, List<NetworkSpec.BranchRating> ratings, boolean peerToPeer) {
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
}
