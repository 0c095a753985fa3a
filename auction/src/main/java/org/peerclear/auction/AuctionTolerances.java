package org.peerclear.auction;

/**
 * The auction module's numerical tolerances, in one place so that every judgement about rounding
 * in the mechanisms can be seen at once. Each is relative to the scale named beside it. (Tests keep
 * theirs in the test tree.)
 */
public final class AuctionTolerances {
    // ---- Call auctions (call.UniformPriceAuction, huang.HuangAuction) ----

    /**
     * Two cumulative quantities of a call auction's book (sums of order quantities in price order)
     * this close, relative to the larger, are one quantity. Summing decimal quantities rounds
     * ({@code 0.1 + 0.2} is not the double {@code 0.3}), and a bid curve that ends a few ulps after
     * the ask curve would otherwise count as partly filled, which moves the uniform price from the
     * middle of the clearing interval to its end. 1e-12 is far above the rounding of a million
     * summed quantities (about 1e-16 each) and far below any quantity a market trades.
     */
    public static final double CALL_QUANTITY = 1e-12;

    private AuctionTolerances() {
    }
}
