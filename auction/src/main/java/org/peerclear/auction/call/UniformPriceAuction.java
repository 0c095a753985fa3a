package org.peerclear.auction.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.AuctionTolerances;
import org.peerclear.auction.Fill;
import org.peerclear.auction.Match;
import org.peerclear.auction.TieRule;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/**
 * The uniform-price call auction ({@code --mechanism uniform}): every order of the book is
 * collected, the bids are stacked from the highest price down and the asks from the lowest up,
 * and everything that trades trades at one price where the two curves cross.
 *
 * <h2>The orders</h2>
 * The final state of the file's book ({@link CallBook}): cancelled orders are left out and
 * amended ones clear at their last quantity and price; a note in the result says so.
 *
 * <h2>Volume</h2>
 * The volume {@code Q*} is the largest quantity at which the marginal bid price is at or above the
 * marginal ask price, the bids and asks being stacked in price order ({@link CallBook}, "The
 * crossing"). This is the volume that maximises the gains from trade at the stated limits. The
 * <em>marginal bid</em> is the last bid reached by {@code Q*}, with price {@code b*}; the
 * <em>marginal ask</em> likewise, with price {@code a*}; {@code b* ≥ a*}.
 *
 * <h2>Who trades</h2>
 * Every bid priced above {@code b*} trades its whole quantity, every bid priced below it nothing;
 * the bids priced exactly {@code b*} (the marginal level) share what is left of {@code Q*}. The
 * asks likewise around {@code a*}. At most one of the two levels cannot trade in full; it is
 * rationed by {@link AuctionOptions#tieRule()}:
 * <ul>
 *   <li>{@link TieRule#PRO_RATA}: every order of the level trades the same fraction of its quantity
 *       (what is left of {@code Q*} over the level's total);</li>
 *   <li>{@link TieRule#TIME}: orders of the level trade in full one after another, earlier
 *       {@code time} first, then earlier position in the file, until {@code Q*} is reached.</li>
 * </ul>
 *
 * <h2>Price</h2>
 * The price lies in the interval {@code [low, high]} of market-clearing prices: the prices at which
 * every order that trades in full is willing to trade, every order that does not trade is not
 * (or is indifferent), and only orders whose limit is the price itself are rationed. With
 * <ul>
 *   <li>{@code a⁺}, the price of the cheapest ask that does not trade in full: {@code a*} if the
 *       ask level is rationed, else the next ask price above {@code a*} ({@code +∞} if none), and</li>
 *   <li>{@code b⁻}, the price of the dearest bid that does not trade in full: {@code b*} if the
 *       bid level is rationed, else the next bid price below {@code b*} ({@code −∞} if none),</li>
 * </ul>
 * {@code high = min(b*, a⁺)} (the <em>marginal bid</em> of the k-double auction: the last accepted
 * bid, capped by the first excluded ask) and {@code low = max(a*, b⁻)} (its <em>marginal ask</em>:
 * the last accepted ask, floored by the first excluded bid), and the price is
 * {@code p = low + k·(high − low) = k·high + (1 − k)·low} with {@link AuctionOptions#k()}: 0.5 is
 * the midpoint, 1 the marginal bid, 0 the marginal ask. When no order is excluded right next to the
 * margin, {@code [low, high] = [a*, b*]} and the price is {@code k·b* + (1 − k)·a*}. When a level is
 * rationed, the interval is that level's one price: a rationed order trades at its own limit, so
 * it would not want more. For example, with bids 1@10 and 1@9 and asks 1@1 and 1@20, one unit
 * trades; the bid at 9 is excluded, the clearing prices are [9, 10] (below 9 that bid would want to
 * buy too), and k = 0.5 gives 9.5.
 *
 * <p>Since {@code a* ≤ low ≤ p ≤ high ≤ b*}, no trader trades beyond its limit: every bid that trades
 * is priced at or above {@code p}, every ask at or below (individual rationality). Everyone trades at
 * {@code p}, so buyers' payments equal sellers' receipts: the auctioneer keeps nothing (surplus 0 up
 * to rounding). The auction is not truthful: a marginal trader gains by shading its limit towards
 * the price.
 *
 * <h2>Result</h2>
 * {@code price}, {@code buyPrice} and {@code sellPrice} are {@code p}; {@code fills[]} one per order
 * that trades; {@code trades[]} pairs the traded bids, best first, with the traded asks, best first,
 * each pair the smaller of what the two have left, at {@code p}, at time 0 (so that a settlement can
 * go pair by pair); rounding residues below {@link AuctionTolerances#CALL_QUANTITY} of the volume
 * are not listed. The notes give the clearing interval and any rationing. When no bid meets an ask
 * (or a side is empty): status {@code NO_TRADE}, price NaN, no fills, a note with the best bid and
 * ask.
 */
public final class UniformPriceAuction implements AuctionMechanism {
    /** The mechanism's name, {@code uniform}. */
    public static final String NAME = "uniform";

    /** The mechanism; stateless. */
    public UniformPriceAuction() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "uniform-price call auction: one price where the aggregated bids and asks cross (auction.k, auction.tieRule)";
    }

    @Override
    public AuctionResult run(OrderFile orders, AuctionOptions options) {
        CallBook book = CallBook.of(orders);
        UniformClearing c = clear(book, options);
        OrderFile effective = book.orders();
        List<String> notes = new ArrayList<>(book.notes());
        Map<String, String> used = options.toOptions().toMap();
        if (c.status() == AuctionStatus.NO_TRADE) {
            notes.add(noTrade(book));
            return AuctionResult.of(effective, NAME, AuctionStatus.NO_TRADE, Double.NaN, Double.NaN, Double.NaN, List.of(),
                    List.of(), List.of(), notes, used);
        }
        double p = c.price();
        List<Order> os = effective.orders();
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < book.size(); i++) {
            double q = c.filled(i);
            if (q > 0) {
                Order o = os.get(i);
                fills.add(new Fill(o.id(), o.agent(), o.side(), q, p));
            }
        }
        notes.add("Market-clearing prices [" + c.low() + ", " + c.high() + "]; k = " + options.k() + " sets the price " + p);
        if (c.rationing() != null) {
            notes.add(c.rationing());
        }
        return AuctionResult.of(effective, NAME, AuctionStatus.CLEARED, p, p, p, fills, pairs(book, c, os), List.of(), notes,
                used);
    }

    /**
     * Clears a book: the volume, who trades how much, and the price (see the class comment). Works on
     * the book's arrays only, so that a million orders clear in about the time it takes to sort them.
     *
     * @param book    the orders
     * @param options {@code k} and the tie rule
     * @return the clearing; NO_TRADE when the curves do not cross
     */
    public static UniformClearing clear(CallBook book, AuctionOptions options) {
        int n = book.size();
        double[] filled = new double[n];
        if (!book.crosses()) {
            return new UniformClearing(AuctionStatus.NO_TRADE, Double.NaN, Double.NaN, Double.NaN, 0, filled, null);
        }
        int nb = book.bidCount();
        int na = book.askCount();
        int kb = book.marginalBid();
        int ka = book.marginalAsk();
        double bStar = book.bidPrice(kb);
        double aStar = book.askPrice(ka);
        // The marginal levels: the ranks of every order at the marginal prices.
        int sb = kb;
        while (sb > 0 && book.bidPrice(sb - 1) == bStar) {
            sb--;
        }
        int eb = kb;
        while (eb + 1 < nb && book.bidPrice(eb + 1) == bStar) {
            eb++;
        }
        int sa = ka;
        while (sa > 0 && book.askPrice(sa - 1) == aStar) {
            sa--;
        }
        int ea = ka;
        while (ea + 1 < na && book.askPrice(ea + 1) == aStar) {
            ea++;
        }
        boolean bidLevelFull = book.marginalBidFilled() && eb == kb;
        boolean askLevelFull = book.marginalAskFilled() && ea == ka;
        double bMinus = bidLevelFull ? (eb + 1 < nb ? book.bidPrice(eb + 1) : Double.NEGATIVE_INFINITY) : bStar;
        double aPlus = askLevelFull ? (ea + 1 < na ? book.askPrice(ea + 1) : Double.POSITIVE_INFINITY) : aStar;
        double high = Math.min(bStar, aPlus);
        double low = Math.max(aStar, bMinus);
        // low + k(high - low) rather than k·high + (1 - k)·low: it is exactly low when high = low,
        // and the min keeps rounding from lifting it above high (and so above a buyer's limit).
        double price = Math.min(high, low + options.k() * (high - low));
        double volume = book.volume();

        for (int r = 0; r < sb; r++) {
            int o = book.bid(r);
            filled[o] = book.quantity(o);
        }
        for (int r = 0; r < sa; r++) {
            int o = book.ask(r);
            filled[o] = book.quantity(o);
        }
        String rationing = null;
        if (bidLevelFull) {
            for (int r = sb; r <= eb; r++) {
                int o = book.bid(r);
                filled[o] = book.quantity(o);
            }
        } else {
            double left = volume - (sb > 0 ? book.bidsThrough(sb - 1) : 0);
            rationing = ration(book, true, sb, eb, left, options.tieRule(), volume, filled);
        }
        if (askLevelFull) {
            for (int r = sa; r <= ea; r++) {
                int o = book.ask(r);
                filled[o] = book.quantity(o);
            }
        } else {
            double left = volume - (sa > 0 ? book.asksThrough(sa - 1) : 0);
            rationing = ration(book, false, sa, ea, left, options.tieRule(), volume, filled);
        }
        return new UniformClearing(AuctionStatus.CLEARED, price, low, high, volume, filled, rationing);
    }

    /** Shares {@code left} among the level of ranks {@code from..to} of one side; returns the note. */
    private static String ration(CallBook book, boolean bidSide, int from, int to, double left, TieRule rule, double volume,
                                 double[] filled) {
        double total = 0;
        for (int r = from; r <= to; r++) {
            total += book.quantity(bidSide ? book.bid(r) : book.ask(r));
        }
        int count = to - from + 1;
        double levelPrice = bidSide ? book.bidPrice(from) : book.askPrice(from);
        String what = "the " + count + (bidSide ? " bid(s)" : " ask(s)") + " at " + levelPrice + " trade " + left + " of their "
                + total;
        if (rule == TieRule.PRO_RATA) {
            double fraction = Math.max(0, Math.min(1, left / total));
            for (int r = from; r <= to; r++) {
                int o = bidSide ? book.bid(r) : book.ask(r);
                filled[o] = book.quantity(o) * fraction;
            }
            return "Rationed at the margin (pro-rata): " + what + ", each " + fraction + " of its quantity";
        }
        double residue = AuctionTolerances.CALL_QUANTITY * volume;
        for (int r = from; r <= to && left > residue; r++) {
            int o = bidSide ? book.bid(r) : book.ask(r);
            double take = Math.min(book.quantity(o), left);
            filled[o] = take;
            left -= take;
        }
        return "Rationed at the margin (time): " + what + ", earlier orders first";
    }

    /** The traded bids, best first, paired with the traded asks, best first. */
    private static List<Match> pairs(CallBook book, UniformClearing c, List<Order> os) {
        List<Match> out = new ArrayList<>();
        double residue = AuctionTolerances.CALL_QUANTITY * c.volume();
        int nb = book.bidCount();
        int na = book.askCount();
        int r = 0;
        int s = 0;
        double bidLeft = nb > 0 ? c.filled(book.bid(0)) : 0;
        double askLeft = na > 0 ? c.filled(book.ask(0)) : 0;
        // Fills in rank order are whole, then the rationed level's, then nothing: the first order
        // with nothing left to pair ends its side.
        while (r < nb && s < na && bidLeft > residue && askLeft > residue) {
            double q = Math.min(bidLeft, askLeft);
            out.add(new Match(os.get(book.bid(r)).id(), os.get(book.ask(s)).id(), q, c.price(), 0));
            bidLeft -= q;
            askLeft -= q;
            if (bidLeft <= residue && ++r < nb) {
                bidLeft = c.filled(book.bid(r));
            }
            if (askLeft <= residue && ++s < na) {
                askLeft = c.filled(book.ask(s));
            }
        }
        return out;
    }

    private static String noTrade(CallBook book) {
        if (book.bidCount() == 0 || book.askCount() == 0) {
            return "No trade: the book has no " + (book.bidCount() == 0 ? "bids" : "asks");
        }
        return "No trade: the best bid " + book.bidPrice(0) + " is below the best ask " + book.askPrice(0);
    }
}
