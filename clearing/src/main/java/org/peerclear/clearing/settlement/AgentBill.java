package org.peerclear.clearing.settlement;

import java.util.List;

/**
 * An agent's bill for the period: per partner, and in total. {@code net = paid + fees − received}
 * is what the agent owes (negative: it is owed money).
 */
public record AgentBill(String agent, List<PartnerSettlement> partners, double energySold, double energyBought,
                        double received, double paid, double fees, double net) {
    public AgentBill {
        partners = List.copyOf(partners);
    }
}
