package org.peerclear.clearing.settlement;

/**
 * What one agent exchanged with one partner over the period: energy sold and bought
 * (power × period hours, both ≥ 0), the money received and paid at the pair's bilateral price
 * (both ≥ 0 when the price is ≥ 0), and the fees it paid on that arc (gamma × |energy|).
 */
public record PartnerSettlement(String partner, double energySold, double energyBought, double received,
                                double paid, double fees) {
}
