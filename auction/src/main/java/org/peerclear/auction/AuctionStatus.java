package org.peerclear.auction;

/** What an auction did. Neither is an error: an auction without a crossing bid and ask is a fact of the market. */
public enum AuctionStatus {
    /** Prices were set; orders traded (a mechanism may also set prices and trade nothing, as Huang's can). */
    CLEARED,
    /** No bid met an ask: no trade and no price. */
    NO_TRADE
}
