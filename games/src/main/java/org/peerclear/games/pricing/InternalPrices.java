package org.peerclear.games.pricing;

/**
 * The internal prices of one period: what the community's net buyers pay and its net sellers are
 * paid per unit energy.
 *
 * @param buy  currency per unit energy, paid by each member for what it draws
 * @param sell currency per unit energy, paid to each member for what it supplies
 */
public record InternalPrices(double buy, double sell) {
}
