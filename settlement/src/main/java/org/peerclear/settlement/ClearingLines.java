package org.peerclear.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.Agent;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkTariff;

/**
 * Books the payments of a clearing result's tree (one period or a horizon) with its case, period
 * by period: trades, fees, network charges, the network price component and the allocated losses;
 * and one energy statement per period. The rules are {@link Settle}'s.
 */
final class ClearingLines {
    private ClearingLines() {
    }

    static Bills settle(JsonNode root, MarketCaseReader.Case c) {
        String status = root.path("status").asText("");
        if (!root.has("agents") || root.path("agents").isEmpty()) {
            throw new IllegalArgumentException("Cannot settle a result without a solution: status " + status);
        }
        int periods = root.path("periods").isInt() ? root.path("periods").asInt() : 1;
        String method = root.path("method").asText("");
        Market first = c.isHorizon() ? c.horizon().period(0) : c.market();
        Optional<FeederTerms> feeder = FeederTerms.of(first);
        Payments pay = new Payments();
        List<EnergyCheck> energy = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            Market m = c.isHorizon() ? c.horizon().period(t) : c.market();
            TradeRecords records = TradeRecords.of(root, t);
            trades(records, ArcCharges.of(m, method), t, pay);
            networkPrice(root, m, t, pay);
            losses(root, m, feeder, t, pay);
            energy.add(EnergyStatement.of(root, t, records.byAgent(), records.net(), feeder));
        }
        return pay.bills(status, periods, energy);
    }

    /**
     * Every record's owner pays its arc's fee to the platform and its network charge to the
     * operator on {@code |t|}; for each selling record {@code t_ij > 0} the buyer {@code j} pays the
     * seller {@code i}, the seller credited from its own record ({@code t_ij·λ_ij}) and the buyer
     * debited from its own ({@code −t_ji·λ_ji}), so that two sides that disagree show.
     */
    private static void trades(TradeRecords records, ArcCharges charges, int t, Payments pay) {
        for (TradeRecords.Arc a : records.all()) {
            double q = Math.abs(a.quantity());
            pay.pay(t, a.from(), Settle.PLATFORM, charges.fee(a.from(), a.to()) * q, "fee");
            pay.pay(t, a.from(), Settle.OPERATOR, charges.network(a.from(), a.to()) * q, "network");
            if (a.quantity() <= 0) {
                continue;
            }
            TradeRecords.Arc back = records.reverse(a);
            double sellerPrice = Double.isFinite(a.price()) ? a.price() : back.price();
            double buyerPrice = Double.isFinite(back.price()) ? back.price() : sellerPrice;
            if (!Double.isFinite(sellerPrice)) {
                throw new IllegalArgumentException("Cannot settle without bilateral prices: the trade " + a.from() + " -> " + a.to()
                        + " has none");
            }
            String reason = Grid.AGENT_ID.equals(a.from()) || Grid.AGENT_ID.equals(a.to()) ? "grid" : "trade";
            pay.pay(t, a.to(), a.from(), -back.quantity() * buyerPrice, a.quantity() * sellerPrice, reason);
        }
    }

    /**
     * The network price component: the bus price {@code π_b} is the value of one unit of
     * injection at bus {@code b} (an asset's marginal cost is its agent's price plus
     * {@code π_b}), so the operator pays an agent injecting {@code p} at {@code b} the amount
     * {@code π_b·p} and is paid {@code −π_b·p} when that is positive (the direction the agents'
     * optimality conditions price in); the operator's net, {@code −Σ π_b·p}, is the congestion
     * and voltage rent. It is not sign-definite: a binding lower voltage limit makes it a
     * voltage-support cost to the operator.
     */
    private static void networkPrice(JsonNode root, Market m, int t, Payments pay) {
        Map<String, Double> busPrice = new HashMap<>();
        for (JsonNode b : root.path("buses")) {
            double pi = ResultTree.at(b.path("price"), t);
            if (Double.isFinite(pi)) {
                busPrice.put(b.path("id").asText(), pi);
            }
        }
        if (busPrice.isEmpty()) {
            return;
        }
        Map<String, String> busOf = new HashMap<>();
        for (Agent a : m.agents()) {
            if (a.bus() != null) {
                busOf.put(a.id(), a.bus());
            }
        }
        for (JsonNode a : root.path("agents")) {
            String id = a.path("id").asText();
            Double pi = busPrice.get(busOf.get(id));
            double p = ResultTree.at(a.path("p"), t);
            if (pi != null && Double.isFinite(p)) {
                pay.pay(t, Settle.OPERATOR, id, pi * p, "network");
            }
        }
    }

    /**
     * Allocated losses, priced as the case says ({@code network.losses.price}: the grid's import
     * price of the period, or a number): each participant of the result's
     * {@code lossAllocation.shares} (kW, per period where the result gives an array) pays its
     * share, in the market's power unit, times that price to the grid, which supplies the lost
     * energy; a negative share (a participant that reduces the losses) is paid by the grid.
     */
    private static void losses(JsonNode root, Market m, Optional<FeederTerms> feeder, int t, Payments pay) {
        NetworkTariff.Losses rule = m.networkTariff().losses();
        JsonNode shares = root.path("lossAllocation").path("shares");
        if (rule == null || feeder.isEmpty() || !shares.isObject()) {
            return;
        }
        double price = rule.atGridPrice() ? m.grid().orElseThrow(() -> new IllegalArgumentException(
                "network.losses.price: \"grid\" needs a grid")).importPrice() : rule.price();
        for (Iterator<Map.Entry<String, JsonNode>> it = shares.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            double kw = ResultTree.at(e.getValue(), t);
            if (Double.isFinite(kw)) {
                pay.pay(t, e.getKey(), Grid.AGENT_ID, kw / feeder.get().kwPerUnit() * price, "losses");
            }
        }
    }
}
