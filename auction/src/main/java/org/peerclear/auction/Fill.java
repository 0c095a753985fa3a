package org.peerclear.auction;

import org.peerclear.order.Side;

/**
 * What one order traded in an auction.
 *
 * @param order    the order's id
 * @param agent    its agent
 * @param side     its side
 * @param quantity how much it traded, power unit for one period, {@code > 0}
 * @param price    the average price it traded at, currency per unit (what a buyer pays, a seller receives)
 */
public record Fill(String order, String agent, Side side, double quantity, double price) {
    /** {@return the money that changes hands on this fill: {@code quantity × price}, currency} */
    public double payment() {
        return quantity * price;
    }
}
