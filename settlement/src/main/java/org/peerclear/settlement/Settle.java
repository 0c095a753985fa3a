package org.peerclear.settlement;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/**
 * Settles a clearing's or an auction's result: the one settlement of PeerClear, for result files
 * and for results in memory alike.
 *
 * <h2>Money</h2>
 * Money follows the market-case units: a price is currency per unit of power for one period, so a
 * period's payment is {@code power × price} (the energy is {@code power × periodHours}, but the
 * price already covers the whole period).
 *
 * <p>Clearing results ({@code clear}, one period or a horizon, where each number may be an array
 * per period), with the case they cleared:
 * <ul>
 *   <li>{@code trade} (or {@code grid} when one side is the grid): for a pair with {@code t_ij > 0}
 *       the buyer {@code j} pays the seller {@code i}; the seller is credited from its own record,
 *       {@code t_ij × λ_ij}, and the buyer debited from its own, {@code −t_ji × λ_ji}, so a file
 *       whose two sides disagree in quantity or price shows an imbalance (when one side is
 *       absent, as a horizon writes only the selling arcs, it is implied: {@code t_ji = −t_ij} at
 *       the same price);</li>
 *   <li>{@code fee}: every arc record's owner pays {@code γ_k·|t_k|} to the {@code platform}, γ the
 *       case's own (its fees; premiums are preferences, not money, and are not charged);</li>
 *   <li>{@code network}, network charges: the case's {@code network.charges} per unit traded, on
 *       every arc record as the clearing priced them (folded into the arcs' γ), paid by the
 *       record's owner to the {@code operator} that runs the feeder;</li>
 *   <li>{@code network}, the network price component: with bus prices {@code π_b} in the result,
 *       the {@code operator} pays each agent {@code π_b·p} for its injection {@code p} at its bus
 *       (the agent pays when that is negative); the operator keeps the congestion and voltage rent
 *       {@code −Σ π_b·p};</li>
 *   <li>{@code losses}: each participant of the result's {@code lossAllocation.shares} pays its
 *       share times the case's loss price ({@code network.losses.price}) to the {@code grid},
 *       which supplies the lost energy; per period.</li>
 * </ul>
 * An energy statement per period: {@code traded + grid + losses = generation − consumption}
 * ({@link EnergyCheck}).
 *
 * <p>Auction results ({@code auction}, one result or {@code periods[]}): each buy fill pays
 * {@code quantity × price} to the {@code auctioneer}, which pays each sell fill
 * {@code quantity × price}; what is left (the auction's budget surplus) is the auctioneer's net.
 *
 * <h2>One engine</h2>
 * Both engines read the result as a JSON tree, the one its writer produces
 * ({@link ResultJsonWriter}, the horizon's writer, {@link AuctionResultWriter}): a result in
 * memory is written to that tree first. So a result settles the same from memory as from its
 * file, the documented file format is the one interface the settlement depends on, and nothing
 * in the clearing or auction modules has to expose more than its writer already does. The cost,
 * one serialisation, is small next to the clearing that made the result.
 */
public final class Settle {
    /** The platform that collects fees. */
    public static final String PLATFORM = "platform";
    /** The network operator: collects network charges and the network price component. */
    public static final String OPERATOR = "operator";
    /** The auctioneer of a call auction. */
    public static final String AUCTIONEER = "auctioneer";

    private Settle() {
    }

    /**
     * Settles a clearing result file with its case.
     *
     * @param result   a result file written by {@code clear} (one period or a horizon)
     * @param caseFile its market case (version 1 or 2)
     * @return the bills
     * @throws UncheckedIOException     if a file cannot be read
     * @throws IllegalArgumentException if the result has no solution or does not fit the case
     */
    public static Bills of(Path result, Path caseFile) {
        MarketCaseReader.Case c = MarketCaseReader.create().readCase(caseFile);
        return ClearingLines.settle(ResultTree.read(result), c);
    }

    /**
     * Settles a one-period clearing result in memory.
     *
     * @param result     a result with a solution
     * @param caseMarket the market as its case declares it: for a result of
     *                   {@link org.peerclear.clearing.casefile.CaseClearing}, the market read from the case (whose arcs
     *                   carry the fees alone, its network charges and premiums apart), not {@code result.market()},
     *                   whose gammas have them folded in; for a market cleared directly, the market cleared
     * @return the bills
     * @throws IllegalArgumentException if the result has no solution
     */
    public static Bills of(ClearingResult result, Market caseMarket) {
        return ClearingLines.settle(ResultTree.parse(ResultJsonWriter.toJson(result)), new MarketCaseReader.Case(caseMarket, null));
    }

    /**
     * Settles an auction result file (fills and prices; no case needed).
     *
     * @param result a result file written by {@code auction}
     * @return the bills
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Bills auction(Path result) {
        return AuctionLines.settle(ResultTree.read(result));
    }

    /**
     * Settles an auction result in memory.
     *
     * @param result an auction's result
     * @return the bills, over one period
     */
    public static Bills of(AuctionResult result) {
        return AuctionLines.settle(ResultTree.parse(AuctionResultWriter.toJson(result)));
    }

    /**
     * Settles an auction per period in memory.
     *
     * @param periods one auction result per period, in period order
     * @return the bills, over {@code periods.size()} periods
     */
    public static Bills auction(List<AuctionResult> periods) {
        StringWriter w = new StringWriter();
        AuctionResultWriter.write(periods, w);
        return AuctionLines.settle(ResultTree.parse(w.toString()));
    }
}
