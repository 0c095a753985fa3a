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

    // ---- Continuous double auction, plain and network-aware (org.peerclear.auction.cda) ----

    /**
     * What is left of an order in the book below this fraction of its quantity (as it entered the
     * book, or as last amended) counts as filled. Why: quantities are decimal fractions that binary
     * floating point does not hold exactly, so filling 1.0 with five trades of 0.2 leaves 5.6e-17,
     * which would otherwise rest and trade as dust. 1e-12 is ~10^4 times the rounding of a few
     * hundred subtractions and far below any quantity a meter or a settlement registers.
     */
    public static final double CDA_QUANTITY_DUST_FRACTION = 1e-12;

    /**
     * A match the feeder allows only a tiny part of is refused whole: when the largest feasible
     * quantity is below this fraction of what the two orders could trade. Why: once a bound has
     * been reached by an earlier cut, the headroom left is rounding (about 1e-16 pu² per update),
     * which would otherwise be traded as a stream of meaningless dust trades; 1e-9 of the match
     * is far above rounding and far below anything a meter registers.
     */
    public static final double CDA_NETWORK_DUST_FRACTION = 1e-9;

    /**
     * A match the feeder allows all but this fraction of is accepted whole. Why: the largest
     * feasible quantity is computed from accumulated squared voltages; when it differs from the
     * whole match only by rounding, cutting it would leave dust on the book and report a
     * rejection of nothing. Accepting it breaks the bound by at most this fraction of the match's
     * voltage change (about 1e-12 pu² for a trade that moves a voltage by 0.01 pu).
     */
    public static final double CDA_NETWORK_WHOLE_FRACTION = 1e-9;

    private AuctionTolerances() {
    }
}
