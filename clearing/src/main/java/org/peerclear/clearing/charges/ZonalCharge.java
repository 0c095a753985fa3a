package org.peerclear.clearing.charges;

import java.util.Map;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.NetworkTariff;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.RadialFeeder;

/**
 * {@code zonal}: a trade inside zone Z pays {@code rates[Z]}; a trade between zones Z1 and Z2
 * pays {@code rates[Z1] + rates[Z2]}, as it uses both zones' networks. {@code zones} maps bus ids
 * to zones; without it the zones are the feeder's laterals ({@link #laterals}), each named by its
 * first bus's id.
 */
public final class ZonalCharge implements NetworkChargePolicy {
    @Override
    public String name() {
        return "zonal";
    }

    @Override
    public String description() {
        return "a rate per zone, both zones' across zones (reads rates, zones; default zones: the laterals)";
    }

    @Override
    public Rule rule(Feeder feeder, ElectricalDistance distance, NetworkTariff.Charges parameters) {
        Map<String, String> given = parameters.zones();
        int[] lateral = laterals(feeder);
        int n = feeder.busCount();
        double[] rate = new double[n];
        String[] zone = new String[n];
        for (int i = 0; i < n; i++) {
            zone[i] = given.isEmpty() ? feeder.busIds().get(lateral[i]) : given.get(feeder.busIds().get(i));
            Double r = zone[i] == null ? null : parameters.rates().get(zone[i]);
            rate[i] = r == null ? Double.NaN : r;
        }
        return (from, to, fromBuys) -> {
            // A bus with no zone or no rate is an error only if someone trades there.
            check(feeder, zone, rate, from, given.isEmpty());
            check(feeder, zone, rate, to, given.isEmpty());
            return zone[from].equals(zone[to]) ? rate[from] : rate[from] + rate[to];
        };
    }

    private static void check(Feeder feeder, String[] zone, double[] rate, int b, boolean laterals) {
        if (!Double.isNaN(rate[b])) {
            return;
        }
        String bus = feeder.busIds().get(b);
        if (zone[b] == null) {
            throw new InvalidMarketException("network.charges.zones", "bus '" + bus + "' trades but has no zone");
        }
        throw new InvalidMarketException("network.charges.rates", "zone '" + zone[b] + "' (of bus '" + bus + "'"
                + (laterals ? ", a lateral of the feeder named by its first bus" : "") + ") has no rate");
    }

    /**
     * The zone of every bus: the substation's bus is one (the grid trades there), and each lateral
     * is one, from the bus where it leaves a branching point (or the substation) down to its end.
     *
     * @param feeder a radial feeder
     * @return for each bus index, the index of the first bus of its lateral
     */
    static int[] laterals(Feeder feeder) {
        RadialFeeder rf = feeder.radial();
        int n = feeder.busCount();
        int[] zone = new int[n];
        int slack = feeder.slackIndex();
        int[] children = new int[n];
        for (int i = 0; i < n; i++) {
            if (i != slack) {
                children[rf.parentBus(i)]++;
            }
        }
        for (int i = 0; i < n; i++) {
            // Walk up until the parent is a branching point (or the substation): that bus names the lateral.
            int u = i;
            while (u != slack && rf.parentBus(u) != slack && children[rf.parentBus(u)] < 2) {
                u = rf.parentBus(u);
            }
            zone[i] = u;
        }
        return zone;
    }
}
