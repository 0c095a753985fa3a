package org.peerclear.order;

/**
 * An amendment in the continuous auction (orders.md, {@code amends[]}): from {@code time} on the
 * order rests with this quantity and price. One that raises the quantity or changes the price
 * loses its time priority (it queues as if it arrived at {@code time}); one that only lowers the
 * quantity keeps it.
 *
 * @param order    the id of the order amended
 * @param time     when, on the orders' clock; {@code >= 0}
 * @param quantity the new remaining quantity, {@code > 0}
 * @param price    the new limit price, finite
 */
public record Amend(String order, long time, double quantity, double price) {
    /**
     * Whether the amendment keeps the order's place in its queue.
     *
     * @param before the order as it rests before the amendment (its remaining quantity and price)
     * @param remaining what is left of it to trade
     * @return {@code true} when only the quantity goes down and the price is the same
     */
    public boolean keepsPriority(Order before, double remaining) {
        return price == before.price() && quantity <= remaining;
    }
}
