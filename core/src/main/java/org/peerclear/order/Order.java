package org.peerclear.order;

import java.util.Objects;
import org.peerclear.model.InvalidMarketException;

/**
 * One limit order of a double auction (orders.md, {@code orders[]}).
 *
 * @param id           unique among the file's orders
 * @param agent        the agent placing it
 * @param side         buy or sell
 * @param quantity     energy per period, in the file's power unit; {@code > 0} and finite
 * @param price        the limit price, currency per unit of power for one period; finite (a negative
 *                     price is allowed: a seller may pay to be rid of surplus PV)
 * @param time         arrival time, the continuous auction's priority; {@code >= 0}. The reader gives an
 *                     order without one its position in the file
 * @param bus          the feeder bus it injects or withdraws at; null when the file has no network
 * @param productClass the product class label (e.g. {@code green}); null for none
 */
public record Order(String id, String agent, Side side, double quantity, double price, long time, String bus,
                    String productClass) {
    /**
     * Validates the order, naming the field as {@code orders[ID].FIELD}.
     *
     * @param id           unique among the file's orders
     * @param agent        the agent placing it
     * @param side         buy or sell
     * @param quantity     power unit for one period, {@code > 0} and finite
     * @param price        the limit, currency per unit, finite
     * @param time         arrival time, {@code >= 0}
     * @param bus          the feeder bus, or null
     * @param productClass the product class, or null
     * @throws InvalidMarketException if a value breaks its rule
     */
    public Order {
        String at = "orders[" + id + "]";
        if (id == null || id.isBlank()) {
            throw new InvalidMarketException("orders[].id", "must be a non-empty string");
        }
        if (agent == null || agent.isBlank()) {
            throw new InvalidMarketException(at + ".agent", "must be a non-empty string");
        }
        Objects.requireNonNull(side, at + ".side");
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new InvalidMarketException(at + ".quantity", "must be a finite number > 0, got " + quantity);
        }
        if (!Double.isFinite(price)) {
            throw new InvalidMarketException(at + ".price", "must be a finite number, got " + price);
        }
        if (time < 0) {
            throw new InvalidMarketException(at + ".time", "must be an integer >= 0, got " + time);
        }
    }

    /** {@return whether this is a bid} */
    public boolean buys() {
        return side == Side.BUY;
    }

    /**
     * The same order with another quantity and price (an amendment's effect).
     *
     * @param newQuantity {@code > 0}
     * @param newPrice    finite
     * @param newTime     the order's time priority after the amendment
     * @return the amended order
     */
    public Order amended(double newQuantity, double newPrice, long newTime) {
        return new Order(id, agent, side, newQuantity, newPrice, newTime, bus, productClass);
    }
}
