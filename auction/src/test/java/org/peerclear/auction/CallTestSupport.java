package org.peerclear.auction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.peerclear.model.Units;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/**
 * Orders, random books and the tolerances of the call-auction tests (uniform and Huang). Each
 * order is its own agent, named after it.
 */
public final class CallTestSupport {
    /** Hand-computed cases: a few floating-point operations away from the exact answer. */
    public static final double EXACT = 1e-12;
    /** Money balances (settlement imbalance, budget balance), relative to the money that changed hands. */
    public static final double MONEY = 1e-9;
    /** A misreport counts as profitable when it raises the agent's true utility by more than this (currency). */
    public static final double GAIN = 1e-9;

    private CallTestSupport() {
    }

    /**
     * A bid at time 0 (ties then go by position in the file).
     *
     * @param id       order and agent id
     * @param quantity quantity
     * @param price    limit price
     * @return the order
     */
    public static Order buy(String id, double quantity, double price) {
        return new Order(id, id, Side.BUY, quantity, price, 0, null, null);
    }

    /**
     * An ask at time 0.
     *
     * @param id       order and agent id
     * @param quantity quantity
     * @param price    limit price
     * @return the order
     */
    public static Order sell(String id, double quantity, double price) {
        return new Order(id, id, Side.SELL, quantity, price, 0, null, null);
    }

    /**
     * The same order arriving at another time.
     *
     * @param o    an order
     * @param time its time
     * @return the order at that time
     */
    public static Order at(Order o, long time) {
        return o.amended(o.quantity(), o.price(), time);
    }

    /**
     * A file of these orders, in this order.
     *
     * @param orders the orders
     * @return the file
     */
    public static OrderFile file(Order... orders) {
        return OrderFile.of("test", Units.DEFAULT, Arrays.asList(orders));
    }

    /**
     * A file of these orders.
     *
     * @param orders the orders
     * @return the file
     */
    public static OrderFile file(List<Order> orders) {
        return OrderFile.of("test", Units.DEFAULT, orders);
    }

    /**
     * A random book of 2 to 6 bids and 2 to 6 asks. Quantities are in (0.1, 2); prices are drawn on a
     * grid of 0.5 in [0, 10] for one book in three, so that ties occur, and continuously otherwise.
     *
     * @param rnd the source
     * @return the orders, bids first
     */
    public static List<Order> randomBook(SplittableRandom rnd) {
        boolean grid = rnd.nextInt(3) == 0;
        int nb = 2 + rnd.nextInt(5);
        int ns = 2 + rnd.nextInt(5);
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < nb + ns; i++) {
            double q = 0.1 + 1.9 * rnd.nextDouble();
            double p = grid ? 0.5 * rnd.nextInt(21) : 10 * rnd.nextDouble();
            out.add(i < nb ? buy("b" + i, q, p) : sell("s" + (i - nb), q, p));
        }
        return out;
    }
}
