package org.peerclear.auction.cda;

import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.order.OrderFile;

/**
 * The continuous double auction ({@code cda}): the order file's orders, amendments and cancels are
 * events processed in {@code time} order through a price-time priority {@link OrderBook}; an
 * incoming order that crosses the book trades at once, each trade at the resting order's price.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Event order.</b> By {@code time}; at one time, orders before amendments before cancels,
 *       then by position in the file's list. Why: an order may be amended or cancelled at the very
 *       time it arrives (the other way round the amendment would find nothing to amend), and an
 *       amendment and a cancel at one time leave the order cancelled, which is what cancelling
 *       means. An amendment or cancel of an order that has not arrived yet, or has already left
 *       the book (filled or cancelled), is ignored and counted in a note.</li>
 *   <li><b>Amendments</b> (orders.md): the same price and a quantity no larger than what remains
 *       keeps the order's place; anything else re-enters it at the amendment's time, and it may
 *       trade at once if it now crosses. The amended quantity is what remains to trade.</li>
 *   <li><b>Prices.</b> No single price: {@code price}, {@code buyPrice} and {@code sellPrice} are
 *       NaN (absent from the written result); each fill's price is the quantity-weighted average of
 *       its trades; buyers pay what sellers receive, so the surplus is zero (up to rounding).</li>
 *   <li><b>Welfare of amended orders</b> is counted at the order as last amended: its limit price, and
 *       as total quantity what it had traded before the amendment plus the amended remainder.</li>
 *   <li>{@code NO_TRADE} when nothing traded. The options ({@code auction.k}, {@code auction.tieRule})
 *       belong to the call auctions and are not used.</li>
 * </ul>
 */
public final class ContinuousAuction implements AuctionMechanism {
    /** The mechanism's name. */
    public static final String NAME = "cda";

    /** The mechanism, for the registry. */
    public ContinuousAuction() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "continuous double auction: price-time priority, orders in time order, each trade at the resting order's price";
    }

    /**
     * Runs the orders, amendments and cancels through the book.
     *
     * @param orders  the order file; its network, if any, is not used
     * @param options not used
     * @return the fills, trades in the order they happened, {@code NO_TRADE} when none
     */
    @Override
    public AuctionResult run(OrderFile orders, AuctionOptions options) {
        return new CdaRun(orders, null).run(NAME);
    }
}
