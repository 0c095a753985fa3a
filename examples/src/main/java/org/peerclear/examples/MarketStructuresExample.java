package org.peerclear.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.structure.MarketStructures;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.settlement.Bills;
import org.peerclear.settlement.Settle;

/**
 * The same five households cleared as a pool, a full P2P market, a community market and a
 * composite market, with a small fee on every trade. Run:
 * {@code mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.peerclear.examples.MarketStructuresExample}
 */
public final class MarketStructuresExample {
    private MarketStructuresExample() {
    }

    static List<Agent> households() {
        return List.of(
                new Agent("pv1", List.of(new Asset("pv1.pv", 0, 5, 0.02, 0.02), new Asset("pv1.load", -2, -1, 0.05, 0.30))),
                new Agent("pv2", List.of(new Asset("pv2.pv", 0, 3, 0.02, 0.03), new Asset("pv2.load", -2, -0.5, 0.05, 0.30))),
                new Agent("ev", List.of(new Asset("ev.charger", -7, 0, 0.04, 0.25))),
                new Agent("flat", List.of(new Asset("flat.load", -3, -1, 0.06, 0.35))),
                new Agent("chp", List.of(new Asset("chp.gen", 0, 4, 0.03, 0.12))));
    }

    public static void main(String[] args) {
        List<Agent> h = households();
        Grid grid = new Grid(null, 0.30, 0.05);
        double fee = 0.01;
        List<Market> markets = List.of(
                MarketStructures.pool("pool", h, "operator", fee, grid),
                MarketStructures.fullP2P("full-p2p", h, fee, grid),
                MarketStructures.communities("community", h, Map.of("mA", List.of("pv1", "ev", "chp"), "mB", List.of("pv2", "flat")), fee, grid),
                MarketStructures.communities("composite", h, Map.of("mA", List.of("pv1", "ev")), fee, grid));
        QpClearing qp = new QpClearing();
        for (Market m : markets) {
            ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
            Bills s = Settle.of(r, m);
            System.out.printf(Locale.ROOT, "%-10s %s welfare %.4f EUR, fees %.4f EUR, %d trades, %s%n", m.name(), r.status(),
                    r.welfare(), s.bill(Settle.PLATFORM).received(), r.trades().size() / 2,
                    r.verify().passes() ? "verified" : "NOT VERIFIED");
            StringBuilder prices = new StringBuilder("           prices:");
            for (AgentResult a : r.agents()) {
                // The grid has no price when it does not trade (see ClearingResult.grid()).
                prices.append(String.format(Locale.ROOT, " %s %s", a.id(), Double.isNaN(a.price()) ? "-" : String.format(Locale.ROOT, "%.4f", a.price())));
            }
            System.out.println(prices);
        }
    }
}
