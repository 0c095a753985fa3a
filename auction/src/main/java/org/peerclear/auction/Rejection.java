package org.peerclear.auction;

/**
 * A match the network-aware continuous auction refused, or cut short, because it would break a
 * limit of the feeder.
 *
 * @param buyOrder  the bid's id
 * @param sellOrder the ask's id
 * @param quantity  what was refused, power unit, {@code > 0}
 * @param reason    the limit that bound, e.g. {@code voltage at bus 18 above vMax 1.05}
 */
public record Rejection(String buyOrder, String sellOrder, double quantity, String reason) {
}
