package org.peerclear.clearing.network;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Arc;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.RadialFeeder;

/**
 * Exogenous network charges as trade coefficients (after Baroche, Pinson et al., "Exogenous
 * cost allocation in peer-to-peer electricity markets", TPWRS 2019): each policy adds a
 * non-negative charge per unit traded to both directions of every arc, on top of the arc's
 * existing gamma. Trades with the grid (at the substation) are charged as trades from the
 * substation bus; an agent without a bus (a manager) is charged as if at the substation.
 *
 * <ul>
 *   <li>{@link #uniform(double)}: the same charge on every trade;</li>
 *   <li>{@link #zonal(double, double)}: one charge inside a zone, another across zones, a zone
 *       being a lateral of the feeder (the subtree below a child of the substation's first bus);</li>
 *   <li>{@link #distance(double)}: a charge per unit of electrical distance
 *       ({@link ElectricalDistance}, pu resistance) between the two buses;</li>
 *   <li>{@link #distancePreference(double)}: the same distance term, but only on the buyer's side
 *       of each arc: buyers prefer near sellers (product differentiation).</li>
 * </ul>
 */
public final class NetworkCharges {
    /** How the charge of one directed arc is computed from the two agents' buses. */
    @FunctionalInterface
    interface Rule {
        double charge(int fromBus, int toBus, boolean fromBuys);
    }

    private final String name;
    private final java.util.function.Function<NetworkModel, Rule> rule;

    private NetworkCharges(String name, java.util.function.Function<NetworkModel, Rule> rule) {
        this.name = name;
        this.rule = rule;
    }

    public String name() {
        return name;
    }

    public static NetworkCharges uniform(double charge) {
        check("charge", charge);
        return new NetworkCharges("uniform", m -> (f, t, buys) -> charge);
    }

    public static NetworkCharges zonal(double insideZone, double acrossZones) {
        check("insideZone", insideZone);
        check("acrossZones", acrossZones);
        return new NetworkCharges("zonal", m -> {
            int[] zone = zones(m.feeder());
            return (f, t, buys) -> zone[f] == zone[t] ? insideZone : acrossZones;
        });
    }

    /**
     * A charge per zone: a trade inside zone Z pays {@code rates[Z]}, a trade between zones
     * Z1 and Z2 pays {@code rates[Z1] + rates[Z2]} (it uses both zones' networks).
     * {@code zoneOfBus} maps bus ids to zones; empty, the zones are the feeder's laterals
     * ({@link #zones}), each named by its first bus's id. A bus without a zone, or a zone
     * without a rate, is an error naming it when the policy meets the feeder.
     */
    public static NetworkCharges zonal(java.util.Map<String, Double> rates, java.util.Map<String, String> zoneOfBus) {
        rates.forEach((z, r) -> check("rates[" + z + "]", r));
        java.util.Map<String, Double> rateOf = java.util.Map.copyOf(rates);
        java.util.Map<String, String> given = java.util.Map.copyOf(zoneOfBus);
        return new NetworkCharges("zonal", m -> {
            Feeder feeder = m.feeder();
            int[] lateral = zones(feeder);
            double[] rate = new double[feeder.busCount()];
            String[] zone = new String[feeder.busCount()];
            for (int i = 0; i < rate.length; i++) {
                String bus = feeder.busIds().get(i);
                zone[i] = given.isEmpty() ? feeder.busIds().get(lateral[i]) : given.get(bus);
                Double r = zone[i] == null ? null : rateOf.get(zone[i]);
                rate[i] = r == null ? Double.NaN : r;
            }
            return (f, t, buys) -> zonalCharge(zone, rate, f, t, feeder, given.isEmpty());
        });
    }

    private static double zonalCharge(String[] zone, double[] rate, int f, int t, Feeder feeder, boolean laterals) {
        for (int b : new int[] {f, t}) {
            if (Double.isNaN(rate[b])) {
                String bus = feeder.busIds().get(b);
                throw new IllegalArgumentException(zone[b] == null
                        ? "Invalid value for parameter network.charges.zones: bus '" + bus + "' trades but has no zone"
                        : "Invalid value for parameter network.charges.rates: zone '" + zone[b] + "' (of bus '" + bus + "'"
                        + (laterals ? ", a lateral of the feeder named by its first bus" : "") + ") has no rate");
            }
        }
        return zone[f].equals(zone[t]) ? rate[f] : rate[f] + rate[t];
    }

    /** The policy a case's {@code network.charges} describes. */
    public static NetworkCharges of(org.peerclear.model.NetworkTariff.Charges c) {
        return switch (c.kind()) {
            case "uniform" -> uniform(c.rate());
            case "zonal" -> zonal(c.rates(), c.zones());
            default -> c.side().equals("buyer") ? distancePreference(c.rate()) : distance(c.rate());
        };
    }

    public static NetworkCharges distance(double chargePerPu) {
        check("chargePerPu", chargePerPu);
        return new NetworkCharges("distance", m -> {
            ElectricalDistance d = new ElectricalDistance(m);
            return (f, t, buys) -> chargePerPu * d.between(f, t);
        });
    }

    public static NetworkCharges distancePreference(double penaltyPerPu) {
        check("penaltyPerPu", penaltyPerPu);
        return new NetworkCharges("distance-preference", m -> {
            ElectricalDistance d = new ElectricalDistance(m);
            return (f, t, buys) -> buys ? penaltyPerPu * d.between(f, t) : 0.0;
        });
    }

    private static void check(String parameter, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("Invalid value for parameter " + parameter + ": " + v);
        }
    }

    /**
     * Zone of every bus: the substation's bus and its first neighbour form zone 0; every lateral
     * that leaves the main path below is its own zone, numbered by its first bus.
     */
    static int[] zones(Feeder feeder) {
        RadialFeeder rf = feeder.radial();
        int n = feeder.busCount();
        int[] zone = new int[n];
        int slack = feeder.slackIndex();
        // Children count per bus, to find where the feeder branches.
        int[] children = new int[n];
        for (int i = 0; i < n; i++) {
            if (i != slack) {
                children[rf.parentBus(i)]++;
            }
        }
        for (int i = 0; i < n; i++) {
            // Walk up until the parent is a branching point (or the substation): that bus names the zone.
            int u = i;
            while (u != slack && rf.parentBus(u) != slack && children[rf.parentBus(u)] < 2) {
                u = rf.parentBus(u);
            }
            zone[i] = u;
        }
        return zone;
    }

    /** The market with every arc's gamma raised by this policy's charge. */
    public Market apply(Market market) {
        NetworkModel model = NetworkModel.of(market, MarketIndex.of(market));
        Rule r = rule.apply(model);
        MarketIndex ix = model.index();
        int slack = model.feeder().slackIndex();
        List<Arc> overrides = new ArrayList<>();
        List<Arc> arcs = market.arcs();
        for (int k = 0; k < arcs.size(); k++) {
            Arc arc = arcs.get(k);
            int f = busOr(model, ix, arc.from(), slack);
            int t = busOr(model, ix, arc.to(), slack);
            boolean fromBuys = isBuyer(market, arc.from());
            overrides.add(new Arc(arc.from(), arc.to(), arc.gamma() + r.charge(f, t, fromBuys)));
        }
        return market.toBuilder().tradeGraph(market.tradeGraph().withOverrides(overrides)).build();
    }

    private static int busOr(NetworkModel m, MarketIndex ix, String agent, int slack) {
        int b = Grid.AGENT_ID.equals(agent) ? -1 : m.agentBus(ix.agentIndex(agent));
        return b < 0 ? slack : b;
    }

    /** An agent that can only withdraw (every asset has pMax ≤ 0) is a buyer. */
    private static boolean isBuyer(Market market, String id) {
        if (Grid.AGENT_ID.equals(id)) {
            return false;
        }
        return market.agent(id).maxInjection() <= 0 && !market.agent(id).assets().isEmpty();
    }
}
