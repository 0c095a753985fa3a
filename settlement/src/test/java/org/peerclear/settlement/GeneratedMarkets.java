package org.peerclear.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.NetworkTariff;
import org.peerclear.model.Units;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * Random inputs for the settlement's property test, each from a seed: one-period markets (with
 * fees; with a grid; on the {@code case33bw} feeder with a grid, network charges of every built-in
 * kind and allocated losses), horizons on the feeder as case text, and auction books per period.
 */
final class GeneratedMarkets {
    static final String FEEDER = "case33bw";

    private GeneratedMarkets() {
    }

    /** The feeder's buses off the substation, where the generated agents are placed. */
    static List<String> loadBuses() {
        Feeder f = Feeders.embedded(FEEDER);
        List<String> buses = new ArrayList<>(f.busIds());
        buses.remove(f.slackIndex());
        return buses;
    }

    /** A bipartite market from the core generator (fees on every arc), without a grid (kind 0) or with one (kind 1). */
    static Market plain(long seed, boolean grid) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Market m = BipartiteMarketGenerator.generate(6 + rnd.nextInt(10), 2, seed, null, null);
        if (!grid) {
            return m;
        }
        double export = 0.02 + 0.1 * rnd.nextDouble();
        return m.toBuilder().grid(new Grid(null, export + 0.1 + 0.4 * rnd.nextDouble(), export)).build();
    }

    /** A bipartite market on the feeder with a grid at the substation, a network charge and allocated losses. */
    static Market onFeeder(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Market g = BipartiteMarketGenerator.generate(6 + rnd.nextInt(10), 2, seed, loadBuses(), FEEDER);
        double export = 0.02 + 0.1 * rnd.nextDouble();
        String[] allocations = {"pro-rata", "marginal", "path"};
        NetworkTariff.Losses losses = new NetworkTariff.Losses(allocations[rnd.nextInt(3)],
                rnd.nextBoolean() ? Double.NaN : 0.1 + 0.3 * rnd.nextDouble());
        return g.toBuilder().grid(new Grid("1", export + 0.1 + 0.4 * rnd.nextDouble(), export))
                .network(new NetworkSpec(FEEDER, null, rnd.nextBoolean() ? 0.85 : 0.9, 1.1, List.of()))
                .networkTariff(new NetworkTariff(charges(rnd), losses, false, false)).build();
    }

    private static NetworkTariff.Charges charges(SplittableRandom rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> new NetworkTariff.Charges("uniform", 0.05 * rnd.nextDouble(), Map.of(), Map.of(), "both");
            case 1 -> {
                Map<String, String> zones = new TreeMap<>();
                for (String bus : Feeders.embedded(FEEDER).busIds()) {
                    zones.put(bus, Integer.parseInt(bus) <= 18 ? "trunk" : "laterals");
                }
                yield new NetworkTariff.Charges("zonal", Double.NaN,
                        Map.of("trunk", 0.03 * rnd.nextDouble(), "laterals", 0.03 * rnd.nextDouble()), zones, "both");
            }
            default -> new NetworkTariff.Charges("distance", rnd.nextDouble(), Map.of(), Map.of(),
                    rnd.nextBoolean() ? "both" : "buyer");
        };
    }

    /**
     * A version-2 case on the feeder over 2 to 4 periods of a random length: producers and
     * consumers at random buses whose bounds change per period, a grid at the substation, a fee.
     */
    static String feederHorizon(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int periods = 2 + rnd.nextInt(3);
        double[] hours = {0.25, 0.5, 1.0};
        List<String> buses = loadBuses();
        StringBuilder agents = new StringBuilder();
        int n = 3 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            boolean producer = i % 2 == 0;
            String bus = buses.get(rnd.nextInt(buses.size()));
            StringBuilder bound = new StringBuilder("[");
            for (int t = 0; t < periods; t++) {
                bound.append(t > 0 ? "," : "").append(String.format(Locale.ROOT, "%.3f", (producer ? 1 : -1) * (1 + 5 * rnd.nextDouble())));
            }
            bound.append(']');
            String asset = producer
                    ? String.format(Locale.ROOT, "\"pMin\":0,\"pMax\":%s,\"a\":%.3f,\"b\":%.3f", bound, 0.01 + 0.03 * rnd.nextDouble(),
                            0.05 * rnd.nextDouble())
                    : String.format(Locale.ROOT, "\"pMin\":%s,\"pMax\":0,\"a\":%.3f,\"b\":%.3f", bound, 0.01 + 0.04 * rnd.nextDouble(),
                            0.25 + 0.15 * rnd.nextDouble());
            agents.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"id\":\"a%d\",\"bus\":\"%s\",\"assets\":[{\"id\":\"a%d.x\",%s}]}", i, bus, i, asset));
        }
        return String.format(Locale.ROOT, "{\"format\":\"peerclear-market\",\"version\":2,\"name\":\"feeder-%d\",\"periods\":%d,"
                + "\"units\":{\"power\":\"kW\",\"currency\":\"EUR\",\"periodHours\":%s},\"agents\":[%s],"
                + "\"trades\":{\"graph\":\"complete\",\"fee\":%.4f},\"grid\":{\"bus\":\"1\",\"importPrice\":0.3,\"exportPrice\":0.05},"
                + "\"network\":{\"case\":\"%s\",\"vMin\":0.85,\"vMax\":1.1}}",
                seed, periods, hours[rnd.nextInt(3)], agents, 0.01 * rnd.nextDouble(), FEEDER);
    }

    /** An auction of random books per period (1 to 4), by one of the built-in mechanisms chosen by the seed. */
    static List<AuctionResult> auctions(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] mechanisms = {"uniform", "huang", "cda"};
        AuctionMechanism mechanism = AuctionMechanism.registered().get(mechanisms[(int) (seed % 3)]);
        List<AuctionResult> periods = new ArrayList<>();
        for (int t = 0, count = 1 + rnd.nextInt(4); t < count; t++) {
            List<Order> orders = new ArrayList<>();
            for (int i = 0, size = 6 + rnd.nextInt(20); i < size; i++) {
                Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                orders.add(new Order("o" + i, "a" + rnd.nextInt(8), side, 0.5 + 3 * rnd.nextDouble(), 0.05 + 0.3 * rnd.nextDouble(),
                        i, null, null));
            }
            periods.add(mechanism.run(OrderFile.of("t" + t, Units.DEFAULT, orders), AuctionOptions.DEFAULT));
        }
        return periods;
    }
}
