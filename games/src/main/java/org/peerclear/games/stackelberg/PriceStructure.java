package org.peerclear.games.stackelberg;

/** Which prices the leader announces. */
public enum PriceStructure {
    /** One price: followers buy and sell at it ({@code buy = sell}); no dead band. */
    SINGLE,
    /**
     * A buy price (what a follower pays per unit it imports) and a sell price (what it receives
     * per unit it exports), {@code sell <= buy}; a follower whose marginal value at zero net lies
     * between them neither buys nor sells (the dead band).
     */
    BUY_SELL
}
