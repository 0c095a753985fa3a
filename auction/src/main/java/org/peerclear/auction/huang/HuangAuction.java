package org.peerclear.auction.huang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.AuctionTolerances;
import org.peerclear.auction.Fill;
import org.peerclear.auction.call.CallBook;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/**
 * The multi-unit double auction of Huang, Scheller-Wolf &amp; Sycara ({@code --mechanism huang}):
 * P. Huang, A. Scheller-Wolf and K. Sycara, "Design of a multi-unit double auction e-market",
 * Computational Intelligence 18(4), 596–617, 2002. It gives up the marginal traders to make bidding
 * one's true limit price a dominant strategy.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li>The book is the file's final state and the curves cross as in {@link CallBook}: bids ranked
 *       by price descending, asks ascending (ties: earlier {@code time}, then earlier position in the
 *       file); {@code Q*} is the largest quantity at which the marginal bid meets the marginal ask.
 *       The bid whose quantity contains {@code Q*} is the breakeven buyer {@code K}, the ask that
 *       contains it the breakeven seller {@code L}.</li>
 *   <li>{@code K} and {@code L} do not trade: they set the prices. Buyers ranked before {@code K}
 *       pay {@code p_b}, the price of {@code K} (the first excluded bid); sellers ranked before
 *       {@code L} receive {@code p_s}, the price of {@code L} (the first excluded ask). Since the
 *       curves cross at {@code Q*}, {@code p_b ≥ p_s}.</li>
 *   <li>The side offering more (the long side) is cut to the other side's total {@code Q}: each of
 *       its traders gives up the same amount {@code s}, and one whose quantity is below {@code s}
 *       gives up all of it and drops out, which raises the others' share; {@code s} is the one amount
 *       for which the long side's {@code Σ max(0, q_i − s)} is {@code Q}. (This is the paper's rule
 *       of removing the excess in equal shares and dropping whoever is below the share, repeated.)
 *       The short side trades in full. Tie of the two totals (within
 *       {@link AuctionTolerances#CALL_QUANTITY}): nobody is cut.</li>
 * </ol>
 *
 * <h2>Properties</h2>
 * Individually rational (a buyer pays {@code p_b}, at most its own limit; a seller receives
 * {@code p_s}, at least its own); weakly budget balanced: the auctioneer keeps
 * {@code (p_b − p_s)·Q ≥ 0}, the result's {@code surplus}; strategy-proof in the limit price: no
 * agent gains by reporting another price, whatever the others report (the traders' price does not
 * set the price they trade at, and the price setters do not trade). It is <em>not</em>
 * strategy-proof in the quantity, as the paper says ("strategy-proof with respect to reservation
 * price"): a trader on the long side gains a larger share by overstating its quantity, and the
 * breakeven trader can sometimes become a trader by understating its own.
 *
 * <h2>Result</h2>
 * Status {@code CLEARED} whenever the curves cross, with {@code buyPrice = p_b} and
 * {@code sellPrice = p_s} set, even when nobody trades (when {@code K} or {@code L} is ranked first:
 * volume 0); {@code price} is NaN (there is no single price); {@code fills[]} at {@code p_b} for
 * buyers and {@code p_s} for sellers; no {@code trades[]} (the mechanism does not pair orders).
 * {@code NO_TRADE} when no bid meets an ask. Cancels and amendments: the final state, as in
 * {@link CallBook}.
 */
public final class HuangAuction implements AuctionMechanism {
    /** The mechanism's name, {@code huang}. */
    public static final String NAME = "huang";

    /** The mechanism; stateless. */
    public HuangAuction() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Huang, Scheller-Wolf & Sycara's multi-unit double auction: truthful in the limit price, budget balanced";
    }

    @Override
    public AuctionResult run(OrderFile orders, AuctionOptions options) {
        CallBook book = CallBook.of(orders);
        OrderFile effective = book.orders();
        List<String> notes = new ArrayList<>(book.notes());
        Map<String, String> used = options.toOptions().toMap();
        if (!book.crosses()) {
            notes.add(book.bidCount() == 0 || book.askCount() == 0
                    ? "No trade: the book has no " + (book.bidCount() == 0 ? "bids" : "asks")
                    : "No trade: the best bid " + book.bidPrice(0) + " is below the best ask " + book.askPrice(0));
            return AuctionResult.of(effective, NAME, AuctionStatus.NO_TRADE, Double.NaN, Double.NaN, Double.NaN, List.of(),
                    List.of(), List.of(), notes, used);
        }
        int k = book.marginalBid();
        int l = book.marginalAsk();
        double buyPrice = book.bidPrice(k);
        double sellPrice = book.askPrice(l);
        double[] buyQ = new double[k];
        double[] sellQ = new double[l];
        for (int r = 0; r < k; r++) {
            buyQ[r] = book.quantity(book.bid(r));
        }
        for (int r = 0; r < l; r++) {
            sellQ[r] = book.quantity(book.ask(r));
        }
        double qb = k > 0 ? book.bidsThrough(k - 1) : 0;
        double qs = l > 0 ? book.asksThrough(l - 1) : 0;
        String cut = null;
        if (k == 0 || l == 0) {
            // The best bid or the best ask sets its side's price: nobody on that side is left to trade.
            Arrays.fill(buyQ, 0);
            Arrays.fill(sellQ, 0);
            cut = "Nobody trades: the breakeven " + (k == 0 ? "bid" : "ask") + " is the best one on its side";
        } else if (Math.abs(qb - qs) > AuctionTolerances.CALL_QUANTITY * Math.max(qb, qs)) {
            boolean buyersLong = qb > qs;
            double s = shave(buyersLong ? buyQ : sellQ, buyersLong ? qs : qb);
            cut = "The " + (buyersLong ? "buyers" : "sellers") + " offer " + (buyersLong ? qb : qs) + " against "
                    + (buyersLong ? qs : qb) + ": each gives up " + s + " (those with less drop out)";
        }
        List<Order> os = effective.orders();
        double[] filled = new double[book.size()];
        for (int r = 0; r < k; r++) {
            filled[book.bid(r)] = buyQ[r];
        }
        for (int r = 0; r < l; r++) {
            filled[book.ask(r)] = sellQ[r];
        }
        // Fills in file order, not rank order: the result sorts them by order id, which is far
        // quicker from the file's order (ids usually follow it) than from the price order.
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] > 0) {
                Order o = os.get(i);
                fills.add(new Fill(o.id(), o.agent(), o.side(), filled[i], o.buys() ? buyPrice : sellPrice));
            }
        }
        notes.add("Breakeven bid " + os.get(book.bid(k)).id() + " sets the buyers' price " + buyPrice + ", breakeven ask "
                + os.get(book.ask(l)).id() + " the sellers' price " + sellPrice + "; neither trades");
        if (cut != null) {
            notes.add(cut);
        }
        return AuctionResult.of(effective, NAME, AuctionStatus.CLEARED, Double.NaN, buyPrice, sellPrice, fills, List.of(),
                List.of(), notes, used);
    }

    /**
     * Cuts the long side's quantities, in place, to total {@code target}: each gives up the same
     * amount {@code s}, those with less than {@code s} give up everything. {@code target} is
     * positive and below the quantities' sum.
     *
     * @return {@code s}
     */
    static double shave(double[] q, double target) {
        double[] sorted = q.clone();
        Arrays.sort(sorted);
        double rest = 0;
        for (double v : sorted) {
            rest += v;
        }
        int n = sorted.length;
        double s = 0;
        // Smallest first: while the smallest is below the equal share of what must go, it drops
        // out (giving up all it has) and the others share the remainder.
        for (int m = 0; m < n; m++) {
            s = (rest - target) / (n - m);
            if (sorted[m] >= s) {
                break;
            }
            rest -= sorted[m];
        }
        double residue = AuctionTolerances.CALL_QUANTITY * target;
        for (int i = 0; i < q.length; i++) {
            double left = q[i] - s;
            q[i] = left > residue ? left : 0;
        }
        return s;
    }
}
