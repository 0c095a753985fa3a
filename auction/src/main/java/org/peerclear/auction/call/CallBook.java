package org.peerclear.auction.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerclear.auction.AuctionTolerances;
import org.peerclear.order.Amend;
import org.peerclear.order.Cancel;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/**
 * The book of a call auction: the orders as they stand when the call is made, in primitive arrays,
 * with the bids ranked best (highest price) first and the asks best (lowest price) first, the
 * aggregated demand and supply curves, and the point where they cross. Both call auctions
 * ({@link UniformPriceAuction}, {@code huang.HuangAuction}) clear from it. Immutable.
 *
 * <h2>Final state</h2>
 * A call auction clears once, after every event of the order file. So a cancelled order is not in
 * the book (whenever it was cancelled), and an amended one is in it with the quantity and price of
 * its last amendment (amendments applied in {@code time} order, ties in file order). An amendment
 * that only lowers the quantity keeps the order's {@code time}; any other gives it the
 * amendment's {@code time} (never earlier than the order's own), as in the continuous auction
 * ({@link Amend#keepsPriority}). When the file has cancels or amendments, {@link #notes()} says what
 * was applied.
 *
 * <h2>Ranks and ties</h2>
 * Bids are ranked by price descending, asks by price ascending; orders of one price by
 * {@code time}, then by position in the file (earlier first). The sort is a stable radix sort of
 * the prices' bits: linear in the number of orders, no boxing.
 *
 * <h2>The crossing</h2>
 * The demand curve {@code D(x)} is the price of the bid whose quantity covers the {@code x}-th unit
 * when bids are stacked in rank order ({@code D(x) = p} of the bid of rank {@code r} for
 * {@code cum(r−1) < x ≤ cum(r)}); the supply curve {@code S(x)} likewise for asks. The
 * <em>volume</em> {@code Q*} is the largest quantity at which the marginal bid still meets the
 * marginal ask: the largest {@code x} with {@code D(x) ≥ S(x)} (it is where the curves cross, since
 * {@code D} falls and {@code S} rises). The <em>marginal bid</em> is the bid whose step contains
 * {@code Q*} (the last bid reached), the <em>marginal ask</em> likewise; at most one of the two is
 * only partly within {@code Q*}. Cumulative quantities within
 * {@link AuctionTolerances#CALL_QUANTITY} of each other (relative) count as equal, so that
 * decimal quantities that add up on paper add up here. There is no crossing (and no trade) when
 * one side is empty or the best bid is below the best ask.
 */
public final class CallBook {
    private final OrderFile orders;
    private final List<String> notes;
    private final double[] price;
    private final double[] quantity;
    private final boolean[] buys;
    private final int[] bids;
    private final int[] asks;
    private final double[] bidPrice;
    private final double[] askPrice;
    private final double[] bidCum;
    private final double[] askCum;
    private final int marginalBid;
    private final int marginalAsk;
    private final boolean bidFilled;
    private final boolean askFilled;
    private final double volume;

    private CallBook(OrderFile orders, List<String> notes, double[] price, double[] quantity, boolean[] buys, long[] time) {
        this.orders = orders;
        this.notes = notes;
        this.price = price;
        this.quantity = quantity;
        this.buys = buys;
        int n = price.length;
        int nb = 0;
        for (boolean b : buys) {
            if (b) {
                nb++;
            }
        }
        bids = new int[nb];
        asks = new int[n - nb];
        bidPrice = new double[nb];
        askPrice = new double[n - nb];
        rank(true, time, bids, bidPrice);
        rank(false, time, asks, askPrice);
        bidCum = cumulative(bids);
        askCum = cumulative(asks);

        // Walk both curves from the left, one step at a time: a step ends where the bid or the
        // ask whose quantity it is runs out, and the walk stops at the first step where the bid
        // no longer meets the ask.
        int i = 0;
        int j = 0;
        int lastBid = -1;
        int lastAsk = -1;
        boolean bidEnds = false;
        boolean askEnds = false;
        double q = 0;
        while (i < bids.length && j < asks.length && bidPrice[i] >= askPrice[j]) {
            lastBid = i;
            lastAsk = j;
            double cb = bidCum[i];
            double ca = askCum[j];
            boolean same = Math.abs(cb - ca) <= AuctionTolerances.CALL_QUANTITY * Math.max(cb, ca);
            bidEnds = same || cb < ca;
            askEnds = same || ca < cb;
            q = Math.min(cb, ca);
            if (bidEnds) {
                i++;
            }
            if (askEnds) {
                j++;
            }
        }
        marginalBid = lastBid;
        marginalAsk = lastAsk;
        bidFilled = bidEnds;
        askFilled = askEnds;
        volume = q;
    }

    /**
     * The book of an order file, in its final state (see the class comment). Order {@code i} of the
     * book is order {@code i} of {@link #orders()}.
     *
     * @param file the orders
     * @return the book
     */
    public static CallBook of(OrderFile file) {
        List<String> notes = new ArrayList<>();
        OrderFile effective = finalState(file, notes);
        List<Order> os = effective.orders();
        int n = os.size();
        double[] price = new double[n];
        double[] quantity = new double[n];
        boolean[] buys = new boolean[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            Order o = os.get(i);
            price[i] = o.price();
            quantity[i] = o.quantity();
            buys[i] = o.buys();
            time[i] = o.time();
        }
        return new CallBook(effective, List.copyOf(notes), price, quantity, buys, time);
    }

    /**
     * A book of anonymous orders given as arrays (order {@code i} is entry {@code i} of each), for
     * callers that hold their orders in arrays, such as the benchmarks. The arrays are copied.
     *
     * @param price    limit prices, finite
     * @param quantity quantities, finite and {@code > 0}
     * @param buys     {@code true} for a bid, {@code false} for an ask
     * @param time     arrival times, {@code >= 0}: the priority among orders of one price
     * @return the book, with no {@link #orders()}
     * @throws IllegalArgumentException if the arrays differ in length or a value breaks its rule
     */
    public static CallBook of(double[] price, double[] quantity, boolean[] buys, long[] time) {
        int n = price.length;
        if (quantity.length != n || buys.length != n || time.length != n) {
            throw new IllegalArgumentException("price, quantity, buys and time must have one length, got " + n + ", "
                    + quantity.length + ", " + buys.length + ", " + time.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(price[i])) {
                throw new IllegalArgumentException("price[" + i + "] must be finite, got " + price[i]);
            }
            if (!(quantity[i] > 0) || Double.isInfinite(quantity[i])) {
                throw new IllegalArgumentException("quantity[" + i + "] must be a finite number > 0, got " + quantity[i]);
            }
            if (time[i] < 0) {
                throw new IllegalArgumentException("time[" + i + "] must be >= 0, got " + time[i]);
            }
        }
        return new CallBook(null, List.of(), price.clone(), quantity.clone(), buys.clone(), time);
    }

    /** The orders in their final state; what the call auction clears. */
    private static OrderFile finalState(OrderFile file, List<String> notes) {
        if (file.cancels().isEmpty() && file.amends().isEmpty()) {
            return file;
        }
        Set<String> cancelled = new HashSet<>();
        for (Cancel c : file.cancels()) {
            cancelled.add(c.order());
        }
        Map<String, Order> current = new HashMap<>();
        for (Order o : file.orders()) {
            current.put(o.id(), o);
        }
        List<Amend> amends = new ArrayList<>(file.amends());
        amends.sort(Comparator.comparingLong(Amend::time));
        int applied = 0;
        for (Amend a : amends) {
            if (cancelled.contains(a.order())) {
                continue;
            }
            Order before = current.get(a.order());
            long t = a.keepsPriority(before, before.quantity()) ? before.time() : Math.max(before.time(), a.time());
            current.put(a.order(), before.amended(a.quantity(), a.price(), t));
            applied++;
        }
        List<Order> out = new ArrayList<>(file.orders().size());
        for (Order o : file.orders()) {
            if (!cancelled.contains(o.id())) {
                out.add(current.get(o.id()));
            }
        }
        notes.add("A call auction clears the final state of the book: " + cancelled.size() + " cancelled order(s) left out, "
                + applied + " amendment(s) applied (each order at its last quantity and price); the times of cancels and"
                + " amendments matter only to the continuous auction and, through the priority an amendment keeps or"
                + " loses, to the time tie rule");
        return new OrderFile(file.name(), file.units(), out, List.of(), List.of(), file.network());
    }

    /** Ranks one side: {@code ranked[r]} is the order of rank {@code r}, {@code sortedPrice[r]} its price. */
    private void rank(boolean bidSide, long[] time, int[] ranked, double[] sortedPrice) {
        int m = ranked.length;
        long[] keys = new long[m];
        int k = 0;
        boolean timeOrdered = true;
        long lastTime = Long.MIN_VALUE;
        for (int i = 0; i < price.length; i++) {
            if (buys[i] == bidSide) {
                ranked[k++] = i;
                timeOrdered &= time[i] >= lastTime;
                lastTime = time[i];
            }
        }
        if (!timeOrdered) {
            // Stable sorts compose: sorted by time first, the price sort keeps that order within a price.
            for (int r = 0; r < m; r++) {
                keys[r] = time[ranked[r]];
            }
            RadixSort.sort(keys, ranked, m);
        }
        for (int r = 0; r < m; r++) {
            long a = RadixSort.ascending(price[ranked[r]]);
            keys[r] = bidSide ? ~a : a;
        }
        RadixSort.sort(keys, ranked, m);
        for (int r = 0; r < m; r++) {
            sortedPrice[r] = RadixSort.price(bidSide ? ~keys[r] : keys[r]);
        }
    }

    private double[] cumulative(int[] ranked) {
        double[] cum = new double[ranked.length];
        double s = 0;
        for (int r = 0; r < ranked.length; r++) {
            s += quantity[ranked[r]];
            cum[r] = s;
        }
        return cum;
    }

    /** {@return the orders in their final state, order {@code i} of the book being order {@code i} here; null for a book built from arrays} */
    public OrderFile orders() {
        return orders;
    }

    /** {@return what the book did to the file's orders (cancels and amendments applied), one line each} */
    public List<String> notes() {
        return notes;
    }

    /** {@return the number of orders in the book} */
    public int size() {
        return price.length;
    }

    /**
     * The limit price of an order.
     *
     * @param order an order's index in the book
     * @return currency per unit
     */
    public double price(int order) {
        return price[order];
    }

    /**
     * The quantity of an order.
     *
     * @param order an order's index in the book
     * @return power unit for the period
     */
    public double quantity(int order) {
        return quantity[order];
    }

    /**
     * Whether an order is a bid.
     *
     * @param order an order's index in the book
     * @return {@code true} for a bid, {@code false} for an ask
     */
    public boolean buys(int order) {
        return buys[order];
    }

    /** {@return the number of bids} */
    public int bidCount() {
        return bids.length;
    }

    /** {@return the number of asks} */
    public int askCount() {
        return asks.length;
    }

    /**
     * The bid of a rank.
     *
     * @param rank 0 for the best (highest) bid
     * @return the order's index in the book
     */
    public int bid(int rank) {
        return bids[rank];
    }

    /**
     * The ask of a rank.
     *
     * @param rank 0 for the best (lowest) ask
     * @return the order's index in the book
     */
    public int ask(int rank) {
        return asks[rank];
    }

    /**
     * The price of the bid of a rank.
     *
     * @param rank a bid rank
     * @return currency per unit
     */
    public double bidPrice(int rank) {
        return bidPrice[rank];
    }

    /**
     * The price of the ask of a rank.
     *
     * @param rank an ask rank
     * @return currency per unit
     */
    public double askPrice(int rank) {
        return askPrice[rank];
    }

    /**
     * The demand curve's breakpoint after a bid.
     *
     * @param rank a bid rank
     * @return the quantity of the bids of ranks 0 to {@code rank}
     */
    public double bidsThrough(int rank) {
        return bidCum[rank];
    }

    /**
     * The supply curve's breakpoint after an ask.
     *
     * @param rank an ask rank
     * @return the quantity of the asks of ranks 0 to {@code rank}
     */
    public double asksThrough(int rank) {
        return askCum[rank];
    }

    /** {@return whether the curves cross: both sides have orders and the best bid is at or above the best ask} */
    public boolean crosses() {
        return marginalBid >= 0;
    }

    /** {@return the volume {@code Q*} where the curves cross, power unit for the period; 0 when they do not} */
    public double volume() {
        return volume;
    }

    /** {@return the rank of the marginal bid, the last bid within the volume; −1 when the curves do not cross} */
    public int marginalBid() {
        return marginalBid;
    }

    /** {@return the rank of the marginal ask, the last ask within the volume; −1 when the curves do not cross} */
    public int marginalAsk() {
        return marginalAsk;
    }

    /** {@return whether the marginal bid's whole quantity is within the volume (the demand curve steps down at {@code Q*})} */
    public boolean marginalBidFilled() {
        return bidFilled;
    }

    /** {@return whether the marginal ask's whole quantity is within the volume (the supply curve steps up at {@code Q*})} */
    public boolean marginalAskFilled() {
        return askFilled;
    }
}
