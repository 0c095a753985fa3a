package org.peerclear.auction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money of an auction: each agent's bill at its fills' prices, and the auctioneer's surplus.
 * Every unit of currency a buyer pays is received by a seller or kept by the auctioneer, so
 * {@link #imbalance()} (payments made − payments received − surplus) is zero up to rounding.
 */
public final class AuctionSettlement {
    /**
     * One agent's bill.
     *
     * @param agent    the agent
     * @param bought   energy bought, power unit for the period
     * @param sold     energy sold
     * @param paid     money paid for what it bought, currency
     * @param received money received for what it sold, currency
     * @param net      {@code paid − received}: what it owes (negative: it is owed)
     */
    public record Bill(String agent, double bought, double sold, double paid, double received, double net) {
    }

    private final List<Bill> bills;
    private final double surplus;
    private final double paid;

    private AuctionSettlement(List<Bill> bills, double surplus, double paid) {
        this.bills = bills;
        this.surplus = surplus;
        this.paid = paid;
    }

    /**
     * Settles a result.
     *
     * @param r an auction result
     * @return the bills, in agent-id order
     */
    public static AuctionSettlement of(AuctionResult r) {
        Map<String, double[]> by = new TreeMap<>();
        double paid = 0;
        for (Fill f : r.fills()) {
            double[] b = by.computeIfAbsent(f.agent(), a -> new double[4]);
            if (f.side() == org.peerclear.order.Side.BUY) {
                b[0] += f.quantity();
                b[2] += f.payment();
                paid += f.payment();
            } else {
                b[1] += f.quantity();
                b[3] += f.payment();
            }
        }
        List<Bill> bills = new ArrayList<>();
        by.forEach((agent, b) -> bills.add(new Bill(agent, b[0], b[1], b[2], b[3], b[2] - b[3])));
        return new AuctionSettlement(List.copyOf(bills), r.surplus(), paid);
    }

    /** {@return every trading agent's bill, in agent-id order} */
    public List<Bill> bills() {
        return bills;
    }

    /** {@return what the auctioneer keeps, currency} */
    public double surplus() {
        return surplus;
    }

    /**
     * {@return the agents' net bills summed, minus the auctioneer's surplus, currency: zero when every unit
     * paid is received by a seller or kept by the auctioneer}
     */
    public double imbalance() {
        double net = 0;
        for (Bill b : bills) {
            net += b.net();
        }
        return net - surplus;
    }

    /** {@return |imbalance| relative to the payments made (the absolute one when nothing was paid)} */
    public double relativeImbalance() {
        return paid == 0 ? Math.abs(imbalance()) : Math.abs(imbalance()) / paid;
    }
}
