package org.peerclear.order;

/** Which side of a double auction an order is on. */
public enum Side {
    /** A bid: the agent buys up to its quantity at its limit price or less. */
    BUY,
    /** An ask: the agent sells up to its quantity at its limit price or more. */
    SELL;

    /** {@return the name as an order file writes it: {@code buy} or {@code sell}} */
    public String label() {
        return this == BUY ? "buy" : "sell";
    }
}
