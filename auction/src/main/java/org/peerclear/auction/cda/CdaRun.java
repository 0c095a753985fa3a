package org.peerclear.auction.cda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.Fill;
import org.peerclear.auction.Match;
import org.peerclear.auction.Rejection;
import org.peerclear.order.Amend;
import org.peerclear.order.Cancel;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/**
 * One run of the continuous double auction over an order file, plain or with a
 * {@link NetworkCheck}: the events in time order through an {@link OrderBook}, the trades and
 * refusals collected, the result built. Used once.
 */
final class CdaRun implements OrderBook.TradeListener, OrderBook.MatchFilter {
    /** Event kinds, in the order they are processed at one time. */
    static final int ORDER = 0;
    static final int AMEND = 1;
    static final int CANCEL = 2;

    private final OrderFile file;
    private final List<Order> orders;
    private final NetworkCheck check;
    private final int[] terminal;
    private final OrderBook book;
    private final int[] handle;
    private final double[] filled;
    private final double[] money;
    /** Per order: filled before its last amendment plus the amendment's quantity; NaN when never amended. */
    private final double[] amendedTotal;
    private final double[] amendedPrice;
    private final long[] amendedTime;
    private final List<Match> trades = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private int ignoredAmends;
    private int ignoredCancels;

    CdaRun(OrderFile file, NetworkCheck.Placed network) {
        this.file = file;
        this.orders = file.orders();
        int n = orders.size();
        this.check = network == null ? null : network.check();
        this.terminal = network == null ? null : network.terminal();
        this.book = new OrderBook(n, this, check == null ? null : this);
        handle = new int[n];
        Arrays.fill(handle, OrderBook.NONE);
        filled = new double[n];
        money = new double[n];
        amendedTotal = new double[n];
        Arrays.fill(amendedTotal, Double.NaN);
        amendedPrice = new double[n];
        amendedTime = new long[n];
    }

    /**
     * The events in processing order: by time; at one time, orders before amendments before cancels
     * (so an order can be amended or cancelled at the time it arrives, and an amendment and a
     * cancel at one time leave it cancelled); then by position in the file's list.
     *
     * @return rows {@code {kind, index in its list}}
     */
    static int[][] schedule(OrderFile f) {
        List<long[]> ev = new ArrayList<>();
        for (int i = 0; i < f.orders().size(); i++) {
            ev.add(new long[] {f.orders().get(i).time(), ORDER, i});
        }
        for (int i = 0; i < f.amends().size(); i++) {
            ev.add(new long[] {f.amends().get(i).time(), AMEND, i});
        }
        for (int i = 0; i < f.cancels().size(); i++) {
            ev.add(new long[] {f.cancels().get(i).time(), CANCEL, i});
        }
        ev.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
        int[][] out = new int[ev.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = new int[] {(int) ev.get(k)[1], (int) ev.get(k)[2]};
        }
        return out;
    }

    AuctionResult run(String mechanism) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            index.put(orders.get(i).id(), i);
        }
        boolean[] arrived = new boolean[orders.size()];
        for (int[] e : schedule(file)) {
            switch (e[0]) {
                case ORDER: {
                    Order o = orders.get(e[1]);
                    arrived[e[1]] = true;
                    int h = book.add(o.side(), o.price(), o.quantity(), o.time(), e[1]);
                    handle[e[1]] = h; // NONE when it traded in full on arrival
                    break;
                }
                case AMEND: {
                    Amend a = file.amends().get(e[1]);
                    int i = index.get(a.order());
                    if (!arrived[i] || handle[i] == OrderBook.NONE) {
                        ignoredAmends++; // not on the book yet, or no longer: nothing rests to amend
                        break;
                    }
                    amendedTotal[i] = filled[i] + a.quantity();
                    amendedPrice[i] = a.price();
                    amendedTime[i] = a.time();
                    int h = handle[i];
                    book.amend(h, a.quantity(), a.price(), a.time());
                    if (!book.isLive(h)) {
                        handle[i] = OrderBook.NONE;
                    }
                    break;
                }
                default: {
                    Cancel c = file.cancels().get(e[1]);
                    int i = index.get(c.order());
                    if (!arrived[i] || handle[i] == OrderBook.NONE) {
                        ignoredCancels++;
                        break;
                    }
                    book.cancel(handle[i]);
                    handle[i] = OrderBook.NONE;
                    break;
                }
            }
        }
        return result(mechanism);
    }

    @Override
    public double allowed(int incoming, int resting, double quantity, double price) {
        int a = book.tag(incoming);
        int r = book.tag(resting);
        int buyer = book.isBuy(incoming) ? a : r;
        int seller = buyer == a ? r : a;
        double ok = check.allowed(terminal[seller], terminal[buyer], quantity);
        if (ok < quantity) {
            rejected.add(new Rejection(orders.get(buyer).id(), orders.get(seller).id(), quantity - ok, check.reason()));
        }
        return ok;
    }

    @Override
    public void onTrade(int incoming, int resting, double quantity, double price, long time) {
        int a = book.tag(incoming);
        int r = book.tag(resting);
        int buyer = book.isBuy(incoming) ? a : r;
        int seller = buyer == a ? r : a;
        if (check != null) {
            check.accept(terminal[seller], terminal[buyer], quantity);
        }
        filled[buyer] += quantity;
        filled[seller] += quantity;
        money[buyer] += quantity * price;
        money[seller] += quantity * price;
        trades.add(new Match(orders.get(buyer).id(), orders.get(seller).id(), quantity, price, time));
        if (book.remaining(resting) <= 0) {
            handle[r] = OrderBook.NONE;
        }
    }

    private AuctionResult result(String mechanism) {
        List<Fill> fills = new ArrayList<>();
        List<Order> effective = new ArrayList<>(orders.size());
        int amended = 0;
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            if (Double.isNaN(amendedTotal[i])) {
                effective.add(o);
            } else {
                // The order as last amended: its limit and its total (traded before plus the amended remainder).
                effective.add(o.amended(amendedTotal[i], amendedPrice[i], amendedTime[i]));
                amended++;
            }
            if (filled[i] > 0) {
                fills.add(new Fill(o.id(), o.agent(), o.side(), filled[i], money[i] / filled[i]));
            }
        }
        OrderFile asRun = new OrderFile(file.name(), file.units(), effective, file.cancels(), file.amends(), file.network());
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "continuous double auction: %d orders, %d amendments, %d cancels processed in time"
                        + " order (at one time: orders, then amendments, then cancels, then file position); each trade at the"
                        + " resting order's price; %d trades", orders.size(), file.amends().size(), file.cancels().size(),
                trades.size()));
        if (ignoredAmends + ignoredCancels > 0) {
            notes.add(ignoredAmends + " amendments and " + ignoredCancels + " cancels named an order not resting on the book"
                    + " at their time (not arrived yet, filled or cancelled) and were ignored");
        }
        if (amended > 0) {
            notes.add(amended + " orders were amended: their fills are checked against, and their welfare counted at, the"
                    + " order as last amended (its limit price and total quantity)");
        }
        if (check != null) {
            double[] v = check.voltagesPu();
            int lo = 0;
            int hi = 0;
            for (int j = 1; j < v.length; j++) {
                lo = v[j] < v[lo] ? j : lo;
                hi = v[j] > v[hi] ? j : hi;
            }
            List<String> ids = check.feeder().busIds();
            notes.add(String.format(Locale.ROOT, "every match checked against LinDistFlow limits of %s: %d checks, %d refused or"
                            + " cut; voltages after the trades from %.4f pu (bus %s) to %.4f pu (bus %s)",
                    check.feeder().name(), check.checks(), rejected.size(), v[lo], ids.get(lo), v[hi], ids.get(hi)));
            if (check.baseViolations() > 0) {
                notes.add(check.baseViolations() + " buses are outside the voltage limits before any trade (the feeder's own"
                        + " loads): matches that would push them further out are refused, matches that ease them are allowed");
            }
        }
        AuctionStatus status = trades.isEmpty() ? AuctionStatus.NO_TRADE : AuctionStatus.CLEARED;
        return AuctionResult.of(asRun, mechanism, status, Double.NaN, Double.NaN, Double.NaN, fills, trades, rejected, notes,
                Map.of());
    }
}
