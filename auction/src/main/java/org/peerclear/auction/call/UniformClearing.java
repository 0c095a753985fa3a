package org.peerclear.auction.call;

import org.peerclear.auction.AuctionStatus;

/**
 * What the uniform-price auction decided on a {@link CallBook}, in primitive form: the status, the
 * interval of market-clearing prices and the price chosen in it, the volume, and what each order
 * of the book trades. {@link UniformPriceAuction#run} turns it into an
 * {@link org.peerclear.auction.AuctionResult}.
 */
public final class UniformClearing {
    private final AuctionStatus status;
    private final double price;
    private final double low;
    private final double high;
    private final double volume;
    private final double[] filled;
    private final String rationing;

    UniformClearing(AuctionStatus status, double price, double low, double high, double volume, double[] filled,
                    String rationing) {
        this.status = status;
        this.price = price;
        this.low = low;
        this.high = high;
        this.volume = volume;
        this.filled = filled;
        this.rationing = rationing;
    }

    /** {@return CLEARED, or NO_TRADE when no bid meets an ask} */
    public AuctionStatus status() {
        return status;
    }

    /** {@return the uniform price, currency per unit; NaN without a trade} */
    public double price() {
        return price;
    }

    /** {@return the lowest market-clearing price (the marginal ask, or the first excluded bid above it); NaN without a trade} */
    public double low() {
        return low;
    }

    /** {@return the highest market-clearing price (the marginal bid, or the first excluded ask below it); NaN without a trade} */
    public double high() {
        return high;
    }

    /** {@return the volume traded, power unit for the period} */
    public double volume() {
        return volume;
    }

    /**
     * What an order trades.
     *
     * @param order an order's index in the book
     * @return power unit for the period; 0 when it does not trade
     */
    public double filled(int order) {
        return filled[order];
    }

    /** {@return how the margin was rationed, in words for the result's notes; null when every accepted order trades in full} */
    public String rationing() {
        return rationing;
    }
}
