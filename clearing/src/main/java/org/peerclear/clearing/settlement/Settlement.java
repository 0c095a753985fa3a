package org.peerclear.clearing.settlement;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.NumericalTolerances;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.internal.ResultOnIndex;

/**
 * Settles a cleared market: every agent is paid the bilateral price for what it sells and pays
 * it for what it buys, and pays {@code gamma·|t|} on each of its arcs to the fee collector (the
 * market operator or network owner). Energy is power × the period length in hours; money is in
 * the market's currency. One price per pair is used, the mean of the two directions' prices
 * (equal after an exact clearing), so that what a seller receives is exactly what its buyer
 * pays: {@link #imbalance()} — the sum of all agents' net bills minus the fees collected — is
 * then zero up to rounding. The grid gets one bill, over all its legs.
 */
public final class Settlement {
    private final List<AgentBill> bills;
    private final double feesCollected;
    private final double imbalance;
    private final double priceSpread;

    private Settlement(List<AgentBill> bills, double feesCollected, double imbalance, double priceSpread) {
        this.bills = List.copyOf(bills);
        this.feesCollected = feesCollected;
        this.imbalance = imbalance;
        this.priceSpread = priceSpread;
    }

    /**
     * Settles a result: the bilateral payments at its trade prices and the fees.
     *
     * @param r a result with a solution
     * @return the settlement
     * @throws IllegalStateException if the result has no solution
     */
    public static Settlement of(ClearingResult r) {
        if (!r.hasSolution()) {
            throw new IllegalStateException("Cannot settle a result without a solution: status " + r.status());
        }
        // The bills run over each agent's arcs: an index of our own, the result laid onto it by id.
        MarketIndex ix = MarketIndex.of(r.market());
        ResultOnIndex point = ResultOnIndex.of(r, ix);
        double[] t = point.trade();
        double[] lambda = point.tradePrice();
        double spread = 0;
        for (int k = 0; k < t.length; k += 2) {
            if (Double.isNaN(lambda[k]) || Double.isNaN(lambda[k + 1])) {
                throw new IllegalStateException("Cannot settle without bilateral prices (arc "
                        + ix.agentId(ix.from()[k]) + "->" + ix.agentId(ix.to()[k]) + " has none)");
            }
            spread = Math.max(spread, Math.abs(lambda[k] - lambda[k + 1]));
        }
        double hours = r.market().units().periodHours();
        List<AgentBill> bills = new ArrayList<>(ix.firstGridLeg() + 1);
        for (int n = 0; n < ix.firstGridLeg(); n++) {
            bills.add(bill(ix, hours, t, lambda, n, n + 1));
        }
        if (ix.numGridLegs() > 0) {
            bills.add(bill(ix, hours, t, lambda, ix.firstGridLeg(), ix.numAgents()));
        }
        double collected = 0;
        double sumNet = 0;
        for (AgentBill b : bills) {
            collected += b.fees();
            sumNet += b.net();
        }
        return new Settlement(bills, collected, sumNet - collected, spread);
    }

    /** One bill for the index agents {@code first..end-1} (one declared agent, or all the grid's legs). */
    private static AgentBill bill(MarketIndex ix, double hours, double[] t, double[] lambda, int first, int end) {
        double[] gamma = ix.gamma();
        List<PartnerSettlement> partners = new ArrayList<>();
        double sold = 0;
        double bought = 0;
        double received = 0;
        double paid = 0;
        double fees = 0;
        for (int q = ix.arcStart()[first]; q < ix.arcStart()[end]; q++) {
            int k = ix.arcsOf()[q];
            if (Math.abs(t[k]) <= NumericalTolerances.TRADE_REPORTED) {
                continue;
            }
            double price = 0.5 * (lambda[k] + lambda[k ^ 1]);
            double energy = t[k] * hours;
            double s = Math.max(energy, 0);
            double b = Math.max(-energy, 0);
            double f = gamma[k] * Math.abs(energy);
            partners.add(new PartnerSettlement(ix.agentId(ix.to()[k]), s, b, price * s, price * b, f));
            sold += s;
            bought += b;
            received += price * s;
            paid += price * b;
            fees += f;
        }
        return new AgentBill(ix.agentId(first), partners, sold, bought, received, paid, fees, paid + fees - received);
    }

    /** {@return every agent's bill, in the market's agent order} */
    public List<AgentBill> bills() {
        return bills;
    }

    /**
     * One agent's bill.
     *
     * @param agent an agent id
     * @return its bill
     * @throws IllegalArgumentException for an unknown agent
     */
    public AgentBill bill(String agent) {
        return bills.stream().filter(b -> b.agent().equals(agent)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown agent '" + agent + "'"));
    }

    /** {@return fees paid by all agents together, currency: the fee collector's income} */
    public double feesCollected() {
        return feesCollected;
    }

    /** {@return Σ net bills − fees collected, currency: zero when money is conserved} */
    public double imbalance() {
        return imbalance;
    }

    /** {@return |imbalance| relative to the money that changed hands (the absolute one when nothing did)} */
    public double relativeImbalance() {
        double volume = feesCollected;
        for (AgentBill b : bills) {
            volume += b.paid();
        }
        return volume == 0 ? Math.abs(imbalance) : Math.abs(imbalance) / volume;
    }

    /**
     * {@return the largest difference between a pair's two directions' prices, currency per unit
     * (0 after an exact clearing)}
     */
    public double priceSpread() {
        return priceSpread;
    }
}
