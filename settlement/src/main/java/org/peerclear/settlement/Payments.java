package org.peerclear.settlement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerclear.model.Grid;

/**
 * Collects payment lines and each party's paid and received. A line normally books one amount on
 * both sides; where the payer's and the payee's own records of it disagree, each side is booked
 * from its own, and the difference is what {@link Bills#imbalance()} shows.
 */
final class Payments {
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, double[]> totals = new LinkedHashMap<>();

    /** A payment both sides agree on; nothing is booked for a zero amount, a negative one is paid the other way. */
    void pay(int t, String payer, String payee, double amount, String reason) {
        if (amount > 0) {
            pay(t, payer, payee, amount, amount, reason);
        } else if (amount < 0) {
            pay(t, payee, payer, -amount, -amount, reason);
        }
    }

    /** A payment whose payer's record says {@code paid} and whose payee's says {@code received}; the line shows the latter. */
    void pay(int t, String payer, String payee, double paid, double received, String reason) {
        lines.add(new Line(t, payer, payee, received, reason));
        totals.computeIfAbsent(payer, k -> new double[2])[0] += paid;
        totals.computeIfAbsent(payee, k -> new double[2])[1] += received;
    }

    Bills bills(String status, int periods, List<EnergyCheck> energy) {
        List<Bill> bills = new ArrayList<>();
        double imbalance = 0;
        double gross = 0;
        for (Map.Entry<String, double[]> e : totals.entrySet()) {
            double[] pr = e.getValue();
            bills.add(new Bill(e.getKey(), kind(e.getKey()), pr[0], pr[1], pr[1] - pr[0]));
            imbalance += pr[1] - pr[0];
            gross += pr[0];
        }
        return new Bills(status, periods, bills, lines, imbalance, gross, energy);
    }

    /** The feeder's own loads ({@code load@BUS}, billed for their share of the losses) are consumers: kind {@code agent}. */
    private static String kind(String party) {
        return switch (party) {
            case Grid.AGENT_ID -> "grid";
            case Settle.PLATFORM -> "platform";
            case Settle.OPERATOR -> "operator";
            case Settle.AUCTIONEER -> "auctioneer";
            default -> "agent";
        };
    }
}
