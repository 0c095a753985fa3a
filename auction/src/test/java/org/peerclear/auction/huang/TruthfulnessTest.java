package org.peerclear.auction.huang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peerclear.auction.CallTestSupport.GAIN;
import static org.peerclear.auction.CallTestSupport.buy;
import static org.peerclear.auction.CallTestSupport.sell;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.CallTestSupport;
import org.peerclear.auction.MisreportSearch;
import org.peerclear.auction.MisreportSearch.Outcome;
import org.peerclear.auction.TieRule;
import org.peerclear.auction.call.UniformPriceAuction;
import org.peerclear.order.Order;

/**
 * Empirical truthfulness: on random books, no agent gains by reporting another limit price to
 * Huang's auction; the same search finds agents that gain by it in the uniform-price auction at
 * k = 0.5 (the k-double auction is not truthful), which shows the search can find what it looks
 * for; and Huang's auction is not truthful in the quantity (the paper claims truthfulness in the
 * price only).
 */
class TruthfulnessTest {
    /** Random books searched, seed {@link #SEED}: 2 to 6 bids and 2 to 6 asks each, one agent per order. */
    static final int INSTANCES = 300;
    static final long SEED = 2002;
    /** Evenly spread misreported prices per agent, besides each other order's price and 1e-6 either side of it. */
    static final int PRICE_GRID = 20;
    /** Quantity misreports, as factors of the true quantity. */
    static final double[] QUANTITY_FACTORS = {0.5, 0.8, 1.25, 2};

    private record Tally(int agents, int trading, long misreports, int profitable, double largestGain) {
    }

    private static Tally priceSearch(AuctionMechanism m, AuctionOptions options, int instances, double[] factors, int grid) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        int agents = 0;
        int trading = 0;
        long misreports = 0;
        int profitable = 0;
        double largest = 0;
        for (int n = 0; n < instances; n++) {
            List<Order> book = CallTestSupport.randomBook(rnd);
            for (int i = 0; i < book.size(); i++) {
                Outcome o = MisreportSearch.search(m, options, book, i, MisreportSearch.prices(book, i, grid), factors);
                agents++;
                misreports += o.tried();
                if (o.truthful() > 0) {
                    trading++;
                }
                if (o.gain() > GAIN) {
                    profitable++;
                }
                largest = Math.max(largest, o.gain());
            }
        }
        return new Tally(agents, trading, misreports, profitable, largest);
    }

    @Test
    void noAgentGainsByMisreportingItsPriceToHuang() {
        Tally t = priceSearch(new HuangAuction(), AuctionOptions.DEFAULT, INSTANCES, new double[] {1}, PRICE_GRID);
        assertThat(t.trading()).as("agents with a gain from trade when truthful: the search is not vacuous")
                .isGreaterThan(t.agents() / 5);
        assertThat(t.profitable()).as("agents gaining by a price misreport (largest gain %s) in %s", t.largestGain(), t)
                .isZero();
    }

    @Test
    void theSameSearchFindsTheUniformAuctionManipulable() {
        Tally t = priceSearch(new UniformPriceAuction(), new AuctionOptions(0.5, TieRule.PRO_RATA), INSTANCES,
                new double[] {1}, PRICE_GRID);
        assertThat(t.profitable()).as("agents gaining by a price misreport in %s", t).isGreaterThan(0);
        assertThat(t.largestGain()).isGreaterThan(GAIN);
    }

    /**
     * The published book: buyer b0 (1 unit, value 6) is on the long side and gets 0.8 at 3 (utility 2.4).
     * Reporting 1.1 units, the buyers' excess grows to 0.6 and, b1 dropping out, each of b0 and b2 gives up
     * 0.25: b0 gets 0.85 at 3, utility 2.55.
     */
    @Test
    void huangIsNotTruthfulInTheQuantity() {
        List<Order> book = List.of(buy("b0", 1, 6), buy("b1", 0.1, 5), buy("b2", 1.9, 4), buy("b3", 1, 3),
                sell("s0", 1, 1), sell("s1", 1.5, 2), sell("s2", 1, 2.5), sell("s3", 1, 4));
        Outcome o = MisreportSearch.search(new HuangAuction(), AuctionOptions.DEFAULT, book, 0, List.of(6.0), new double[] {1.1});
        assertThat(o.truthful()).isCloseTo(2.4, within(CallTestSupport.EXACT));
        assertThat(o.best()).isCloseTo(2.55, within(CallTestSupport.EXACT));

        Tally t = priceSearch(new HuangAuction(), AuctionOptions.DEFAULT, INSTANCES / 3, QUANTITY_FACTORS, 5);
        assertThat(t.profitable()).as("agents gaining by a quantity misreport in %s", t).isGreaterThan(0);
    }
}
