package org.peerclear.clearing.settlement;

import java.util.List;

/**
 * An agent's bill for the period: per partner, and in total. {@code net = paid + fees − received}
 * is what the agent owes (negative: it is owed money).
 *
 * @param agent        the agent's id
 * @param partners     one entry per partner it traded with
 * @param energySold   energy it sold, energy unit (power × period hours), {@code >= 0}
 * @param energyBought energy it bought, energy unit, {@code >= 0}
 * @param received     money received for what it sold, currency
 * @param paid         money paid for what it bought, currency
 * @param fees         fees it paid on its trades (the gammas), currency
 * @param net          {@code paid + fees − received}, currency
 */
public record AgentBill(String agent, List<PartnerSettlement> partners, double energySold, double energyBought,
                        double received, double paid, double fees, double net) {
    /**
     * Copies the partners.
     *
     * @param agent        the agent's id
     * @param partners     one entry per partner
     * @param energySold   energy sold, energy unit
     * @param energyBought energy bought, energy unit
     * @param received     money received, currency
     * @param paid         money paid, currency
     * @param fees         fees paid, currency
     * @param net          {@code paid + fees − received}, currency
     */
    public AgentBill {
        partners = List.copyOf(partners);
    }
}
