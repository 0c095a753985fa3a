package org.peerclear.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.charges.NetworkCharges;
import org.peerclear.clearing.losses.LossAllocation;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.TradeResult;

/**
 * A P2P market on the embedded case33bw feeder: who pays for the losses under each allocation
 * method, and what each network-charge policy does to traded volumes and prices. Run:
 * {@code mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.peerclear.examples.NetworkExample}
 */
public final class NetworkExample {
    private NetworkExample() {
    }

    /** Sellers at buses 2, 18 and 30, buyers at 9, 15, 20 and 23, every pair may trade, fee 0.001. */
    static Market market() {
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

    public static void main(String[] args) {
        Market m = market();
        QpClearing qp = new QpClearing();
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        NetworkModel model = NetworkModel.of(m, MarketIndex.of(m));
        System.out.printf(Locale.ROOT, "%s: %s, AC losses %.3f kW%n", m.name(), r.status(), r.network().orElseThrow().lossesKw());
        List<LossAllocation> allocations = new ArrayList<>();
        for (LossAllocator a : LossAllocator.registered().all()) {
            allocations.add(a.allocate(r, model));
        }
        System.out.printf(Locale.ROOT, "| participant | %s | %s | %s |%n|---|---|---|---|%n", allocations.get(0).method(),
                allocations.get(1).method(), allocations.get(2).method());
        for (String who : List.of("s2", "s18", "s30", "b9", "b15", "b20", "b23", "grid")) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", who, allocations.get(0).share(who),
                    allocations.get(1).share(who), allocations.get(2).share(who));
        }
        System.out.printf(Locale.ROOT, "| feeder loads | %.3f | %.3f | %.3f |%n", feederLoads(allocations.get(0)),
                feederLoads(allocations.get(1)), feederLoads(allocations.get(2)));
        System.out.printf(Locale.ROOT, "| total | %.3f | %.3f | %.3f |%n%n", allocations.get(0).allocatedKw(),
                allocations.get(1).allocatedKw(), allocations.get(2).allocatedKw());

        System.out.println("| charges | P2P volume kW | to/from grid kW | mean bilateral price | welfare |");
        System.out.println("|---|---|---|---|---|");
        print("none", r);
        // 0.01 in each of case33bw's zones (the substation and the laterals, by first bus): 0.02 across two.
        Map<String, Double> perLateral = new TreeMap<>();
        for (String lateral : List.of("1", "2", "3", "4", "7", "19", "23", "26")) {
            perLateral.put(lateral, 0.01);
        }
        for (NetworkCharges c : List.of(NetworkCharges.uniform(0.01), NetworkCharges.zonal(perLateral, Map.of()),
                NetworkCharges.distance(0.5), NetworkCharges.distancePreference(0.5))) {
            print(c.name(), qp.clear(c.apply(m), ClearingOptions.DEFAULT));
        }
    }

    private static double feederLoads(LossAllocation a) {
        return a.byParticipant().entrySet().stream().filter(e -> e.getKey().startsWith("load@")).mapToDouble(e -> e.getValue()).sum();
    }

    private static void print(String name, ClearingResult r) {
        double p2p = 0;
        double grid = 0;
        double priceVolume = 0;
        for (TradeResult t : r.trades()) {
            if (t.quantity() <= 0) {
                continue;
            }
            boolean withGrid = t.from().equals(Grid.AGENT_ID) || t.to().equals(Grid.AGENT_ID);
            if (withGrid) {
                grid += t.quantity();
            } else {
                p2p += t.quantity();
                priceVolume += t.quantity() * t.price();
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.4f | %.3f |%n", name, p2p, grid, p2p == 0 ? Double.NaN : priceVolume / p2p,
                r.welfare());
    }
}
