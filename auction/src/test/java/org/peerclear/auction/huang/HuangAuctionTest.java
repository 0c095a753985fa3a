package org.peerclear.auction.huang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peerclear.auction.CallTestSupport.EXACT;
import static org.peerclear.auction.CallTestSupport.MONEY;
import static org.peerclear.auction.CallTestSupport.buy;
import static org.peerclear.auction.CallTestSupport.file;
import static org.peerclear.auction.CallTestSupport.sell;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.CallTestSupport;
import org.peerclear.auction.Fill;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/** Huang, Scheller-Wolf & Sycara's auction on published and hand-computed books, and its properties on random ones. */
class HuangAuctionTest {
    private static final HuangAuction HUANG = new HuangAuction();

    private static AuctionResult run(OrderFile f) {
        return HUANG.run(f, AuctionOptions.DEFAULT);
    }

    private static double filled(AuctionResult r, String id) {
        Fill f = r.fill(id);
        return f == null ? 0 : f.quantity();
    }

    /**
     * pymarket's published check (tests/test_huang.py, dataset 3): the bid at 3 and the ask at 2.5 set the
     * prices; the buyers (3 units) are cut to the sellers' 2.5: each gives up 0.5 / 3 = 0.167, which the
     * 0.1 bid cannot, so it drops out and the other two give up 0.2 each.
     */
    @Test
    void publishedCheck() {
        OrderFile f = file(buy("b0", 1, 6), buy("b1", 0.1, 5), buy("b2", 1.9, 4), buy("b3", 1, 3),
                sell("s0", 1, 1), sell("s1", 1.5, 2), sell("s2", 1, 2.5), sell("s3", 1, 4));
        AuctionResult r = run(f);
        assertThat(r.status()).isEqualTo(AuctionStatus.CLEARED);
        assertThat(r.mechanism()).isEqualTo("huang");
        assertThat(r.price()).as("no single price").isNaN();
        assertThat(r.buyPrice()).isEqualTo(3);
        assertThat(r.sellPrice()).isEqualTo(2.5);
        assertThat(filled(r, "b0")).isCloseTo(0.8, within(EXACT));
        assertThat(filled(r, "b1")).isZero();
        assertThat(filled(r, "b2")).isCloseTo(1.7, within(EXACT));
        assertThat(filled(r, "b3")).isZero();
        assertThat(filled(r, "s0")).isEqualTo(1);
        assertThat(filled(r, "s1")).isEqualTo(1.5);
        assertThat(r.fills()).extracting(Fill::order).containsExactly("b0", "b2", "s0", "s1");
        assertThat(r.fills()).allMatch(x -> x.price() == (x.side() == Side.BUY ? 3 : 2.5));
        assertThat(r.volume()).isCloseTo(2.5, within(EXACT));
        assertThat(r.surplus()).as("(3 - 2.5) x 2.5").isCloseTo(1.25, within(EXACT));
        assertThat(r.trades()).isEmpty();
        String json = AuctionResultWriter.toJson(r);
        assertThat(json).as("no top-level price").contains("\"mechanism\" : \"huang\",\n  \"buyPrice\" : 3.0,\n  \"sellPrice\" : 2.5,");
    }

    /** pymarket's dataset 0: buyers (2 units at 4) are long against the one unit sold at 1. */
    @Test
    void pymarketDatasetZero() {
        AuctionResult r = run(file(buy("b0", 1, 3), buy("b1", 2, 4), buy("b2", 5, 1), sell("s3", 4, 2), sell("s4", 1, 1),
                sell("s5", 5, 6)));
        assertThat(r.buyPrice()).isEqualTo(3);
        assertThat(r.sellPrice()).isEqualTo(2);
        assertThat(r.fills()).containsExactly(new Fill("b1", "b1", Side.BUY, 1, 3), new Fill("s4", "s4", Side.SELL, 1, 2));
    }

    /** The price setters are the best bid and ask: prices are set, nobody trades, and that is CLEARED (orders.md). */
    @Test
    void pricesWithoutTradeAreCleared() {
        AuctionResult r = run(file(buy("b0", 1, 3), buy("b1", 2, 1), sell("s0", 2, 2)));
        assertThat(r.status()).isEqualTo(AuctionStatus.CLEARED);
        assertThat(r.buyPrice()).isEqualTo(3);
        assertThat(r.sellPrice()).isEqualTo(2);
        assertThat(r.volume()).isZero();
        assertThat(r.fills()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Nobody trades"));
        // Small orders ahead of the price setters trade: the sellers (0.3) are cut to the buyers' 0.2.
        AuctionResult more = run(file(buy("b0", 1, 3), buy("b1", 2, 1), sell("s0", 2, 2), sell("s1", 0.3, 1),
                buy("b2", 0.2, 3.3)));
        assertThat(more.fills()).containsExactly(new Fill("b2", "b2", Side.BUY, 0.2, 3), new Fill("s1", "s1", Side.SELL, 0.2, 2));
    }

    @Test
    void noBidMeetingAnAskIsNoTrade() {
        AuctionResult r = run(file(buy("b0", 1, 3), sell("s0", 1, 5)));
        assertThat(r.status()).isEqualTo(AuctionStatus.NO_TRADE);
        assertThat(r.buyPrice()).isNaN();
        assertThat(r.sellPrice()).isNaN();
        assertThat(r.fills()).isEmpty();
        assertThat(run(file(sell("s0", 1, 5))).status()).isEqualTo(AuctionStatus.NO_TRADE);
    }

    /** Equal shares of the excess, and who drops out (pymarket's examples of its rationing). */
    @Test
    void theLongSideGivesUpEqualShares() {
        double[] q = {1, 2, 3};
        assertThat(HuangAuction.shave(q, 5.4)).isCloseTo(0.2, within(EXACT));
        assertThat(q).containsExactly(new double[] {0.8, 1.8, 2.8}, within(EXACT));
        double[] r = {1, 0.5, 2};
        assertThat(HuangAuction.shave(r, 1.7)).isCloseTo(0.65, within(EXACT));
        assertThat(r).containsExactly(new double[] {0.35, 0, 1.35}, within(EXACT));
        double[] ties = {1, 1, 4};
        HuangAuction.shave(ties, 2.5);
        assertThat(ties).as("both 1s drop out together; 4 gives up 1.5").containsExactly(new double[] {0, 0, 2.5}, within(EXACT));
    }

    /**
     * 500 random books (seed 17): individually rational, buyers' total equals sellers', the auctioneer's
     * surplus is (buy price - sell price) x volume >= 0, and the settlement adds up.
     */
    @Test
    void randomBooksAreIndividuallyRationalAndBudgetBalanced() {
        SplittableRandom rnd = new SplittableRandom(17);
        int traded = 0;
        for (int n = 0; n < 500; n++) {
            List<Order> book = CallTestSupport.randomBook(rnd);
            AuctionResult r = run(file(book));
            if (r.status() == AuctionStatus.NO_TRADE) {
                assertThat(r.fills()).isEmpty();
                continue;
            }
            assertThat(r.buyPrice()).as("book %d", n).isGreaterThanOrEqualTo(r.sellPrice());
            for (Fill f : r.fills()) {
                Order o = book.stream().filter(x -> x.id().equals(f.order())).findFirst().orElseThrow();
                assertThat(f.side() == Side.BUY ? o.price() >= f.price() : o.price() <= f.price()).as("IR %s", o).isTrue();
                assertThat(f.quantity()).isLessThanOrEqualTo(o.quantity());
            }
            double scale = r.buyPrice() * r.volume();
            assertThat(r.traded(Side.SELL)).isCloseTo(r.traded(Side.BUY), within(1e-9));
            assertThat(r.surplus()).isGreaterThanOrEqualTo(-MONEY * scale);
            assertThat(r.surplus()).isCloseTo((r.buyPrice() - r.sellPrice()) * r.volume(), within(MONEY * (scale + 1)));
            if (r.volume() > 0) {
                traded++;
            }
        }
        assertThat(traded).as("books that trade").isGreaterThan(200);
    }
}
