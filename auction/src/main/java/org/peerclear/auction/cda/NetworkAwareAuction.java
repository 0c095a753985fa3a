package org.peerclear.auction.cda;

import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.order.OrderFile;

/**
 * The network-aware continuous double auction ({@code cda-network}), in the spirit of Guerrero,
 * Chapman &amp; Verbič (IEEE Trans. Smart Grid, 2019): {@link ContinuousAuction}'s book, with
 * every match checked against the feeder's LinDistFlow limits before it is accepted
 * ({@link NetworkCheck}: bus voltages within {@code [vMin, vMax]}, branch flows within their
 * ratings), from the feeder's base state (its own loads) plus every trade accepted so far.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>A match the limits refuse in part</b> trades the largest feasible quantity (each bound is
 *       linear in the quantity); the rest is refused. A match they refuse whole trades nothing.
 *       Either way {@code rejected[]} records the pair, the quantity refused (what price-time
 *       priority would have traded minus what was allowed) and the bound that bound, naming the
 *       bus or branch.</li>
 *   <li><b>After a refusal</b> the incoming order goes on to the next resting order in price-time
 *       priority (another seller or buyer, elsewhere on the feeder, may still be feasible); the
 *       refused resting order stays on the book untouched, for later arrivals. What the incoming
 *       order has left after the walk rests on the book as usual. The book may therefore rest
 *       crossed between orders the feeder keeps apart: they are matched again only when one of
 *       them is amended (a re-entry) or other orders arrive, as a continuous auction matches only
 *       on arrival.</li>
 *   <li><b>Units.</b> Quantities are in the file's power unit ({@code W}, {@code kW} or {@code MW},
 *       converted to the feeder's kW as the network-aware clearing does); each order injects
 *       (sell) or withdraws (buy) active power only, at its {@code bus}.</li>
 *   <li><b>A feeder already out of limits</b> before any trade (case33bw's far ends sit below 0.95 pu
 *       at its own loads): matches that push such a bus further out are refused, matches that ease
 *       it are allowed; a note says how many buses start out of limits.</li>
 * </ul>
 * LinDistFlow ignores losses: the exact AC voltages of the accepted trades differ from the checked
 * ones by LinDistFlow's error, so a result at a limit may be up to that far beyond it in an AC power
 * flow. On case33bw with PV exported from its far ends (the tests' high-PV case) LinDistFlow
 * over-estimates the voltage rise, by 0.008 pu at bus 18, so the AC voltages stay inside vMax.
 */
public final class NetworkAwareAuction implements AuctionMechanism {
    /** The mechanism's name. */
    public static final String NAME = "cda-network";

    /** The mechanism, for the registry. */
    public NetworkAwareAuction() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "continuous double auction that checks every match against the feeder's LinDistFlow voltage and flow limits";
    }

    /**
     * Runs the orders through the book, checking every match against the feeder.
     *
     * @param orders  the order file, with a network and every order's bus
     * @param options not used
     * @return the fills, trades, and the matches refused or cut in {@code rejected}
     * @throws IllegalArgumentException if the file has no network (saying so), its feeder cannot be
     *                                  loaded or is not radial, an order's bus is not on it, or the
     *                                  power unit is not W, kW or MW
     */
    @Override
    public AuctionResult run(OrderFile orders, AuctionOptions options) {
        return new CdaRun(orders, NetworkCheck.of(orders)).run(NAME);
    }
}
