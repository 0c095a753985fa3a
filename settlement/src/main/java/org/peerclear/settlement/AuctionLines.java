package org.peerclear.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Books the payments of an auction result's tree (one result, or one per period in
 * {@code periods[]}): each buy fill pays {@code quantity × price} to the auctioneer, which pays
 * each sell fill {@code quantity × price}; what is left, the auction's budget surplus, is the
 * auctioneer's net. The energy statement of a period: what is sold is what is bought (an auction
 * has no grid and no losses).
 */
final class AuctionLines {
    private AuctionLines() {
    }

    static Bills settle(JsonNode root) {
        List<JsonNode> periods = new ArrayList<>();
        if (root.path("periods").isArray()) {
            root.path("periods").forEach(periods::add);
        } else {
            periods.add(root);
        }
        Payments pay = new Payments();
        List<EnergyCheck> energy = new ArrayList<>();
        String status = periods.isEmpty() ? "" : periods.get(0).path("status").asText("");
        for (int t = 0; t < periods.size(); t++) {
            double bought = 0;
            double sold = 0;
            for (JsonNode f : periods.get(t).path("fills")) {
                double q = f.path("quantity").asDouble();
                if (q <= SettlementTolerances.QUANTITY_REPORTED) {
                    continue;
                }
                double amount = q * f.path("price").asDouble();
                if ("buy".equals(f.path("side").asText())) {
                    bought += q;
                    pay.pay(t, f.path("agent").asText(), Settle.AUCTIONEER, amount, "trade");
                } else {
                    sold += q;
                    pay.pay(t, Settle.AUCTIONEER, f.path("agent").asText(), amount, "trade");
                }
            }
            energy.add(new EnergyCheck(t, sold, bought, 0, 0, 0, Math.abs(sold - bought), sold + bought));
        }
        return pay.bills(status, periods.size(), energy);
    }
}
