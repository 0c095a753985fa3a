package org.peerclear.auction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/**
 * What an auction did (orders.md, "Result"): its status, prices, fills per order, matched pairs,
 * volume, the auctioneer's surplus and the welfare. Immutable. Quantities are in the orders' power
 * unit for one period, prices in currency per unit, money ({@code surplus}, {@code welfare},
 * payments) in currency for the period: {@code quantity × price}, as the market case prices power.
 *
 * <p>Built by {@link #of}, which derives volume, surplus and welfare from the fills and the
 * orders' limits, so that no mechanism can report them inconsistently.
 */
public final class AuctionResult {
    private final AuctionStatus status;
    private final String mechanism;
    private final double price;
    private final double buyPrice;
    private final double sellPrice;
    private final List<Fill> fills;
    private final List<Match> trades;
    private final List<Rejection> rejected;
    private final double volume;
    private final double surplus;
    private final double welfare;
    private final List<String> notes;
    private final Map<String, String> options;

    private AuctionResult(AuctionStatus status, String mechanism, double price, double buyPrice, double sellPrice,
                          List<Fill> fills, List<Match> trades, List<Rejection> rejected, double volume, double surplus,
                          double welfare, List<String> notes, Map<String, String> options) {
        this.status = status;
        this.mechanism = mechanism;
        this.price = price;
        this.buyPrice = buyPrice;
        this.sellPrice = sellPrice;
        this.fills = fills;
        this.trades = trades;
        this.rejected = rejected;
        this.volume = volume;
        this.surplus = surplus;
        this.welfare = welfare;
        this.notes = notes;
        this.options = options;
    }

    /**
     * A result from what a mechanism decided; volume, surplus and welfare are derived here.
     *
     * @param orders    the orders the auction ran on (for agents, sides and limits)
     * @param mechanism the mechanism's name
     * @param status    what happened
     * @param price     the uniform price, or NaN for a mechanism without one
     * @param buyPrice  what buyers pay per unit, NaN when it differs per fill (the continuous auction)
     * @param sellPrice what sellers receive per unit, NaN likewise
     * @param fills     what each order traded; fills of one order are merged (quantity-weighted price)
     * @param trades    matched pairs, empty for mechanisms that do not match pairs
     * @param rejected  matches refused for the feeder's limits
     * @param notes     what a user should know (one line each)
     * @param options   the options the run used, name to value
     * @return the result, fills in order-id order
     * @throws IllegalArgumentException if a fill names no order of the file, is on the wrong side, or
     *                                  trades more than its order's quantity (beyond rounding)
     */
    public static AuctionResult of(OrderFile orders, String mechanism, AuctionStatus status, double price, double buyPrice,
                                   double sellPrice, List<Fill> fills, List<Match> trades, List<Rejection> rejected,
                                   List<String> notes, Map<String, String> options) {
        Objects.requireNonNull(status, "status");
        Map<String, Order> byId = new HashMap<>();
        for (Order o : orders.orders()) {
            byId.put(o.id(), o);
        }
        Map<String, double[]> merged = new LinkedHashMap<>();
        for (Fill f : fills) {
            Order o = byId.get(f.order());
            if (o == null || o.side() != f.side() || !o.agent().equals(f.agent())) {
                throw new IllegalArgumentException("Fill " + f + " does not match an order of the file");
            }
            // [quantity, money, the fills' one price or NaN when they differ]: money / quantity can be an
            // ulp off the price, which would put a fill at its limit just beyond it.
            double[] qm = merged.computeIfAbsent(f.order(), id -> new double[] {0, 0, f.price()});
            qm[0] += f.quantity();
            qm[1] += f.payment();
            if (qm[2] != f.price()) {
                qm[2] = Double.NaN;
            }
        }
        List<Fill> out = new ArrayList<>();
        double bought = 0;
        double paid = 0;
        double received = 0;
        double gains = 0;
        for (Map.Entry<String, double[]> e : merged.entrySet()) {
            Order o = byId.get(e.getKey());
            double q = e.getValue()[0];
            double money = e.getValue()[1];
            if (!(q > 0)) {
                continue;
            }
            if (q > o.quantity() * (1 + 1e-12) + 1e-12) {
                throw new IllegalArgumentException("Order '" + o.id() + "' trades " + q + ", more than its " + o.quantity());
            }
            out.add(new Fill(o.id(), o.agent(), o.side(), q, Double.isNaN(e.getValue()[2]) ? money / q : e.getValue()[2]));
            if (o.buys()) {
                bought += q;
                paid += money;
                gains += q * o.price() - money;
            } else {
                received += money;
                gains += money - q * o.price();
            }
        }
        out.sort(Comparator.comparing(Fill::order));
        double surplus = paid - received;
        return new AuctionResult(status, mechanism, price, buyPrice, sellPrice, List.copyOf(out), List.copyOf(trades),
                List.copyOf(rejected), bought, surplus, gains + surplus, List.copyOf(notes),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options)));
    }

    /** {@return CLEARED or NO_TRADE} */
    public AuctionStatus status() {
        return status;
    }

    /** {@return the mechanism's name} */
    public String mechanism() {
        return mechanism;
    }

    /** {@return the uniform price, currency per unit; NaN for a mechanism without one or without a trade} */
    public double price() {
        return price;
    }

    /** {@return what every buyer pays per unit; NaN when it differs between fills} */
    public double buyPrice() {
        return buyPrice;
    }

    /** {@return what every seller receives per unit; NaN when it differs between fills} */
    public double sellPrice() {
        return sellPrice;
    }

    /** {@return what each order traded, in order-id order} */
    public List<Fill> fills() {
        return fills;
    }

    /** {@return the matched pairs, in the order they were matched} */
    public List<Match> trades() {
        return trades;
    }

    /** {@return the matches the feeder's limits refused or cut (network-aware continuous auction)} */
    public List<Rejection> rejected() {
        return rejected;
    }

    /** {@return the energy bought (= sold), power unit for the period} */
    public double volume() {
        return volume;
    }

    /** {@return what the auctioneer keeps: buyers' payments minus sellers' receipts, currency} */
    public double surplus() {
        return surplus;
    }

    /**
     * {@return the gains from trade at the limit prices: buyers' {@code quantity × (limit − price)}, sellers'
     * {@code quantity × (price − limit)}, plus the auctioneer's surplus; currency}
     */
    public double welfare() {
        return welfare;
    }

    /** {@return notes for the user} */
    public List<String> notes() {
        return notes;
    }

    /** {@return the options the run used, name to value, in listing order} */
    public Map<String, String> options() {
        return options;
    }

    /**
     * An order's fill.
     *
     * @param orderId an order id
     * @return its fill, or null when it did not trade
     */
    public Fill fill(String orderId) {
        for (Fill f : fills) {
            if (f.order().equals(orderId)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Total traded by one side.
     *
     * @param side buy or sell
     * @return power unit for the period
     */
    public double traded(Side side) {
        return fills.stream().filter(f -> f.side() == side).mapToDouble(Fill::quantity).sum();
    }
}
