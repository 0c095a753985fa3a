package org.peerclear.auction;

/**
 * A matched pair, for mechanisms that match pairs (the continuous auction; the call auctions
 * list them too, pairing bids and asks in price order).
 *
 * @param buyOrder  the bid's id
 * @param sellOrder the ask's id
 * @param quantity  power unit for one period, {@code > 0}
 * @param price     currency per unit
 * @param time      when it was matched on the orders' clock (the call auctions: 0)
 */
public record Match(String buyOrder, String sellOrder, double quantity, double price, long time) {
}
