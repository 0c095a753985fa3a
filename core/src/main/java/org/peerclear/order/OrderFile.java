package org.peerclear.order;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Units;

/**
 * An order file (orders.md): the orders of a double auction, the continuous auction's cancels and
 * amendments, and optionally the feeder the network-aware auction checks. Immutable and
 * validated as a whole: ids unique, every cancel and amendment naming an order, every order
 * with a bus when there is a network.
 *
 * @param name    a label for listings; may be empty
 * @param units   the power and currency units and the period length, as in the market case
 * @param orders  the orders, in the file's order
 * @param cancels the cancellations
 * @param amends  the amendments
 * @param network the feeder and its voltage limits; empty without one
 */
public record OrderFile(String name, Units units, List<Order> orders, List<Cancel> cancels, List<Amend> amends,
                        Optional<NetworkSpec> network) {
    /**
     * Validates the file as a whole.
     *
     * @param name    a label; null for none
     * @param units   the units
     * @param orders  the orders
     * @param cancels the cancellations
     * @param amends  the amendments
     * @param network the feeder, or empty
     * @throws InvalidMarketException naming the first offending field
     */
    public OrderFile {
        name = name == null ? "" : name;
        orders = List.copyOf(orders);
        cancels = List.copyOf(cancels);
        amends = List.copyOf(amends);
        Map<String, Order> byId = new HashMap<>();
        for (Order o : orders) {
            if (byId.putIfAbsent(o.id(), o) != null) {
                throw new InvalidMarketException("orders[" + o.id() + "].id", "is used by two orders; ids must be unique");
            }
            if (network.isPresent() && o.bus() == null) {
                throw new InvalidMarketException("orders[" + o.id() + "].bus",
                        "is required for every order when the file has a network");
            }
        }
        Set<String> cancelled = new HashSet<>();
        for (Cancel c : cancels) {
            String at = "cancels[" + c.order() + "]";
            if (!byId.containsKey(c.order())) {
                throw new InvalidMarketException(at + ".order", "names no order of the file");
            }
            if (!cancelled.add(c.order())) {
                throw new InvalidMarketException(at + ".order", "is cancelled twice");
            }
            if (c.time() < 0) {
                throw new InvalidMarketException(at + ".time", "must be an integer >= 0, got " + c.time());
            }
        }
        for (Amend a : amends) {
            String at = "amends[" + a.order() + "]";
            if (!byId.containsKey(a.order())) {
                throw new InvalidMarketException(at + ".order", "names no order of the file");
            }
            if (a.time() < 0) {
                throw new InvalidMarketException(at + ".time", "must be an integer >= 0, got " + a.time());
            }
            if (!(a.quantity() > 0) || Double.isInfinite(a.quantity())) {
                throw new InvalidMarketException(at + ".quantity", "must be a finite number > 0, got " + a.quantity());
            }
            if (!Double.isFinite(a.price())) {
                throw new InvalidMarketException(at + ".price", "must be a finite number, got " + a.price());
            }
        }
    }

    /**
     * Orders only: no cancels, amendments or network.
     *
     * @param name   a label
     * @param units  the units
     * @param orders the orders
     * @return the file
     */
    public static OrderFile of(String name, Units units, List<Order> orders) {
        return new OrderFile(name, units, orders, List.of(), List.of(), Optional.empty());
    }

    /**
     * The order with that id.
     *
     * @param id an order id
     * @return the order
     * @throws IllegalArgumentException for an unknown id
     */
    public Order order(String id) {
        return orders.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown order '" + id + "'"));
    }
}
