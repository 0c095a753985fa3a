package org.peerclear.auction;

import org.peerclear.order.OrderFile;
import org.peerclear.spi.Named;
import org.peerclear.spi.Registry;

/**
 * A double-auction mechanism: clears an order file into fills at prices. Found by name
 * ({@code auction --mechanism NAME}) through {@link #registered()}: a new one is one class plus one
 * line naming it in {@code META-INF/services/org.peerclear.auction.AuctionMechanism}, as the
 * built-in {@code uniform}, {@code huang}, {@code cda} and {@code cda-network} are. Implementations
 * are stateless with a public no-argument constructor, never change the orders, and return
 * {@link AuctionStatus#NO_TRADE} (not an exception) when nothing crosses.
 */
public interface AuctionMechanism extends Named {
    /**
     * The registered mechanisms, read anew from the thread's context class loader.
     *
     * @return the registry, sorted by name
     * @throws IllegalStateException when two have one name
     */
    static Registry<AuctionMechanism> registered() {
        return Registry.load(AuctionMechanism.class, "auction mechanism");
    }

    /** {@return one line for listings} */
    String description();

    /**
     * Runs the auction.
     *
     * @param orders  the orders (the call auctions clear the book's final state, cancels and amendments applied;
     *                see each mechanism)
     * @param options the options
     * @return the result
     * @throws IllegalArgumentException if the mechanism cannot take these orders (e.g. no network for
     *                                  {@code cda-network}), saying why
     */
    AuctionResult run(OrderFile orders, AuctionOptions options);
}
