package org.peerclear.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.HorizonClearing;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.result.NetworkOutcome;

/**
 * A day on case33bw: a household at each of its 32 load buses, rooftop PV on every other one,
 * a battery in every fourth, an electric-vehicle fleet at every sixth from bus 3 (home from 17:00
 * to the end of the day, to be charged by 120 kWh by then); hourly periods, time-of-use grid prices. Cleared with and without
 * P2P trading (a complete trade graph, or each household with the grid only) and with and
 * without the batteries, it prints the community's welfare (the households' utility of what
 * they consume less what they pay), its self-consumption (the share of PV not exported), the
 * peak import and the AC voltage range over the day. Run:
 * {@code mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.peerclear.examples.StorageDayExample}
 */
public final class StorageDayExample {
    private static final int HOURS = 24;
    /** The EVs come home at 17:00. */
    private static final int ARRIVAL = 17;

    private StorageDayExample() {
    }

    public static void main(String[] args) {
        System.out.println("scenario              welfare [EUR]  self-consumption  peak import [kW]  voltage range [pu]");
        for (boolean trading : new boolean[] {false, true}) {
            for (boolean batteries : new boolean[] {false, true}) {
                Horizon h = day(trading, batteries);
                HorizonResult r = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
                System.out.println(row((trading ? "P2P" : "grid only") + (batteries ? ", batteries" : ""), h, r));
            }
        }
    }

    static Horizon day(boolean trading, boolean batteries) {
        List<MarketIndex> periods = new ArrayList<>();
        List<NetworkModel> networks = new ArrayList<>();
        for (int t = 0; t < HOURS; t++) {
            double sun = Math.max(0, Math.sin(Math.PI * (t - 6) / 12.0));
            double evening = t >= 17 && t < 22 ? 1.6 : t < 6 ? 0.6 : 1.0;
            Market.Builder b = Market.builder("case33bw-day");
            for (int bus = 2; bus <= 33; bus++) {
                String id = "h" + bus;
                List<Asset> assets = new ArrayList<>();
                assets.add(new Asset(id + ".load", -30 * evening, -5 * evening, 0.004, 0.40));
                if (bus % 2 == 0) {
                    assets.add(new Asset(id + ".pv", 0, 120 * sun, 1e-4, 0.0));
                }
                if (bus % 4 == 0) {
                    double reach = batteries ? 50 : 0;
                    assets.add(new Asset(id + ".bat", -reach, reach, 0, 0));
                }
                if (bus % 6 == 3) {
                    assets.add(new Asset(id + ".ev", t >= ARRIVAL ? -40 : 0, 0, 0, 0));
                }
                b.agent(new Agent(id, String.valueOf(bus), null, assets));
            }
            Market m = b.tradeGraph(trading ? TradeGraph.complete(0.002, List.of()) : TradeGraph.none(0.0, List.of()))
                    .grid(new Grid("1", t >= 17 && t < 22 ? 0.35 : 0.22, 0.05))
                    .network(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())).build();
            MarketIndex ix = MarketIndex.of(m);
            periods.add(ix);
            networks.add(NetworkModel.of(m, ix));
        }
        List<StorageLink> storages = new ArrayList<>();
        MarketIndex ix = periods.get(0);
        for (int s = 0; s < ix.numAssets() && batteries; s++) {
            if (ix.assetId(s).endsWith(".bat")) {
                storages.add(new StorageLink(s, 20, 200, 100, 100, 50, 50, 0.95, 0.95, 0.01, 0, HOURS));
            }
        }
        for (int s = 0; s < ix.numAssets(); s++) {
            if (ix.assetId(s).endsWith(".ev")) {
                storages.add(new StorageLink(s, 0, 200, 40, 160, 40, 0, 0.92, 0.92, 0, ARRIVAL, HOURS));
            }
        }
        return new Horizon(periods, 1.0, storages, List.of(), List.of(), networks);
    }

    static String row(String name, Horizon h, HorizonResult r) {
        if (!r.hasSolution()) {
            return String.format(Locale.ROOT, "%-24s %s: %s", name, r.status(), r.message());
        }
        MarketIndex ix = h.periods().get(0);
        double pv = 0;
        double exported = 0;
        double peak = 0;
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < h.length(); t++) {
            double imported = 0;
            for (int s = 0; s < ix.numAssets(); s++) {
                double p = r.assetPower()[t][s];
                if (ix.assetId(s).endsWith(".pv")) {
                    pv += p;
                }
                if (ix.isGridLeg(ix.assetOwner()[s])) {
                    imported += Math.max(p, 0);
                    exported += Math.max(-p, 0);
                }
            }
            peak = Math.max(peak, imported);
            for (NetworkOutcome.Bus bus : r.network().get(t).buses()) {
                vMin = Math.min(vMin, bus.vm());
                vMax = Math.max(vMax, bus.vm());
            }
        }
        double self = pv > 0 ? 1 - exported / pv : 1;
        return String.format(Locale.ROOT, "%-24s %10.2f  %15.1f%%  %16.0f  %.4f-%.4f  (%s, %.1f s)", name, r.welfare(), 100 * self,
                peak, vMin, vMax, r.status(), r.seconds());
    }
}
