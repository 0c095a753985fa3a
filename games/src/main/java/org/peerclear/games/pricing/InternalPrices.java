package org.peerclear.games.pricing;

/**
 * The internal prices of one period: what the community's net buyers pay and its net sellers are
 * paid per unit of power for the period.
 *
 * @param buy  currency per unit of power for the period, paid by each member for what it draws
 * @param sell currency per unit of power for the period, paid to each member for what it supplies
 */
public record InternalPrices(double buy, double sell) {
}
