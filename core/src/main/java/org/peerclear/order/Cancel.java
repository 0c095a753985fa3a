package org.peerclear.order;

/**
 * A cancellation in the continuous auction: what is left of the order leaves the book at
 * {@code time} (orders.md, {@code cancels[]}).
 *
 * @param order the id of the order cancelled
 * @param time  when, on the orders' clock; {@code >= 0}
 */
public record Cancel(String order, long time) {
}
