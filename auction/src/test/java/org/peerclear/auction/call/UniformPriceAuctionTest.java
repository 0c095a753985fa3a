package org.peerclear.auction.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peerclear.auction.CallTestSupport.EXACT;
import static org.peerclear.auction.CallTestSupport.MONEY;
import static org.peerclear.auction.CallTestSupport.at;
import static org.peerclear.auction.CallTestSupport.buy;
import static org.peerclear.auction.CallTestSupport.file;
import static org.peerclear.auction.CallTestSupport.sell;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.auction.AuctionMoney;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.CallTestSupport;
import org.peerclear.auction.Fill;
import org.peerclear.auction.Match;
import org.peerclear.auction.TieRule;
import org.peerclear.model.Units;
import org.peerclear.order.Amend;
import org.peerclear.order.Cancel;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/** The uniform-price call auction on hand-computed books, and its properties on random ones. */
class UniformPriceAuctionTest {
    private static final UniformPriceAuction UNIFORM = new UniformPriceAuction();

    private static AuctionResult run(OrderFile f, double k, TieRule rule) {
        return UNIFORM.run(f, new AuctionOptions(k, rule));
    }

    private static AuctionResult run(OrderFile f) {
        return UNIFORM.run(f, AuctionOptions.DEFAULT);
    }

    private static double filled(AuctionResult r, String id) {
        Fill f = r.fill(id);
        return f == null ? 0 : f.quantity();
    }

    @ParameterizedTest(name = "k = {0}: price {1}")
    @CsvSource({"0.5, 7", "0, 4", "1, 10", "0.25, 5.5"})
    void onePairTradesAtKBetweenTheAskAndTheBid(double k, double price) {
        AuctionResult r = run(file(buy("b0", 1, 10), sell("s0", 1, 4)), k, TieRule.PRO_RATA);
        assertThat(r.status()).isEqualTo(AuctionStatus.CLEARED);
        assertThat(r.mechanism()).isEqualTo("uniform");
        assertThat(r.price()).isCloseTo(price, within(EXACT));
        assertThat(r.buyPrice()).isEqualTo(r.price());
        assertThat(r.sellPrice()).isEqualTo(r.price());
        assertThat(r.volume()).isEqualTo(1);
        assertThat(r.surplus()).isZero();
        assertThat(r.welfare()).as("gains from trade at the limits: 10 - 4").isCloseTo(6, within(EXACT));
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1, r.price(), 0));
        assertThat(r.options()).containsKeys("auction.k", "auction.tieRule");
    }

    /** The class comment's example: the excluded bid at 9 floors the clearing interval. */
    @ParameterizedTest(name = "k = {0}: price {1}")
    @CsvSource({"0.5, 9.5", "0, 9", "1, 10"})
    void anExcludedBidFloorsTheInterval(double k, double price) {
        OrderFile f = file(buy("b0", 1, 10), buy("b1", 1, 9), sell("s0", 1, 1), sell("s1", 1, 20));
        UniformClearing c = UniformPriceAuction.clear(CallBook.of(f), new AuctionOptions(k, TieRule.PRO_RATA));
        assertThat(c.low()).isEqualTo(9);
        assertThat(c.high()).isEqualTo(10);
        AuctionResult r = run(f, k, TieRule.PRO_RATA);
        assertThat(r.price()).isCloseTo(price, within(EXACT));
        assertThat(r.fills()).extracting(Fill::order).containsExactly("b0", "s0");
        assertThat(r.notes()).anyMatch(n -> n.contains("[9.0, 10.0]"));
    }

    @Test
    void anExcludedAskCapsTheInterval() {
        OrderFile f = file(buy("b0", 1, 10), buy("b1", 1, 0.5), sell("s0", 1, 1), sell("s1", 1, 3));
        UniformClearing c = UniformPriceAuction.clear(CallBook.of(f), AuctionOptions.DEFAULT);
        assertThat(c.low()).isEqualTo(1);
        assertThat(c.high()).isEqualTo(3);
        assertThat(c.price()).isEqualTo(2);
        assertThat(c.volume()).isEqualTo(1);
    }

    /** A partly filled order trades at its own limit: the interval is that one price, whatever k. */
    @ParameterizedTest
    @CsvSource({"0", "0.5", "1"})
    void aPartlyFilledBidSetsThePrice(double k) {
        AuctionResult r = run(file(buy("b0", 2, 10), sell("s0", 1, 4), sell("s1", 5, 12)), k, TieRule.PRO_RATA);
        assertThat(r.price()).isEqualTo(10);
        assertThat(r.volume()).isEqualTo(1);
        assertThat(filled(r, "b0")).isEqualTo(1);
        assertThat(filled(r, "s1")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0", "0.5", "1"})
    void aPartlyFilledAskSetsThePrice(double k) {
        AuctionResult r = run(file(buy("b0", 1, 10), buy("b1", 1, 3), sell("s0", 3, 5)), k, TieRule.TIME);
        assertThat(r.price()).isEqualTo(5);
        assertThat(filled(r, "s0")).isEqualTo(1);
        assertThat(filled(r, "b1")).isZero();
    }

    /** The bids at 8 are the long side's marginal level: 1 of their 3 is left; pro rata each trades a third. */
    @Test
    void proRataSharesTheMarginalLevelInProportion() {
        OrderFile f = file(buy("b0", 1, 10), buy("b1", 2, 8), buy("b2", 1, 8), sell("s0", 2, 5), sell("s1", 1, 9));
        AuctionResult r = run(f, 0.5, TieRule.PRO_RATA);
        assertThat(r.price()).as("the rationed level's price").isEqualTo(8);
        assertThat(r.volume()).isCloseTo(2, within(EXACT));
        assertThat(filled(r, "b0")).isEqualTo(1);
        assertThat(filled(r, "b1")).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(filled(r, "b2")).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(filled(r, "s0")).isEqualTo(2);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Rationed at the margin (pro-rata): the 2 bid(s) at 8.0"));
    }

    @Test
    void timeRationingServesTheEarlierOrderFirst() {
        OrderFile samePosition = file(buy("b0", 1, 10), buy("b1", 2, 8), buy("b2", 1, 8), sell("s0", 2, 5), sell("s1", 1, 9));
        AuctionResult byPosition = run(samePosition, 0.5, TieRule.TIME);
        assertThat(filled(byPosition, "b1")).as("equal times: file position").isEqualTo(1);
        assertThat(filled(byPosition, "b2")).isZero();

        OrderFile byTime = file(buy("b0", 1, 10), at(buy("b1", 2, 8), 5), at(buy("b2", 1, 8), 2), sell("s0", 2, 5),
                sell("s1", 1, 9));
        AuctionResult r = run(byTime, 0.5, TieRule.TIME);
        assertThat(filled(r, "b2")).as("earlier time").isEqualTo(1);
        assertThat(filled(r, "b1")).isZero();
        assertThat(r.price()).isEqualTo(8);
    }

    @Test
    void ordersOfTheMarginalPriceBehindTheMarginalBidShareToo() {
        OrderFile f = file(buy("b0", 1, 10), buy("b1", 1, 10), sell("s0", 1, 1), sell("s1", 1, 20));
        AuctionResult pro = run(f, 0.5, TieRule.PRO_RATA);
        assertThat(filled(pro, "b0")).isEqualTo(0.5);
        assertThat(filled(pro, "b1")).isEqualTo(0.5);
        assertThat(pro.price()).isEqualTo(10);
        AuctionResult time = run(f, 0.5, TieRule.TIME);
        assertThat(filled(time, "b0")).isEqualTo(1);
        assertThat(time.fill("b1")).isNull();
    }

    @Test
    void nothingCrossesIsNoTradeNotAnError() {
        AuctionResult r = run(file(buy("b0", 1, 3), sell("s0", 1, 5)));
        assertThat(r.status()).isEqualTo(AuctionStatus.NO_TRADE);
        assertThat(r.price()).isNaN();
        assertThat(r.fills()).isEmpty();
        assertThat(r.trades()).isEmpty();
        assertThat(r.volume()).isZero();
        assertThat(r.notes()).contains("No trade: the best bid 3.0 is below the best ask 5.0");
        assertThat(AuctionResultWriter.toJson(r)).doesNotContain("\"price\"").contains("\"NO_TRADE\"");

        AuctionResult oneSided = run(file(buy("b0", 1, 3), buy("b1", 1, 5)));
        assertThat(oneSided.status()).isEqualTo(AuctionStatus.NO_TRADE);
        assertThat(oneSided.notes()).contains("No trade: the book has no asks");
        assertThat(run(file(List.of())).status()).isEqualTo(AuctionStatus.NO_TRADE);
    }

    @Test
    void ordersExactlyAtThePriceTradeInFull() {
        AuctionResult r = run(file(buy("b0", 1, 10), buy("b1", 1, 6), sell("s0", 1, 2), sell("s1", 1, 6)));
        assertThat(r.price()).isEqualTo(6);
        assertThat(r.volume()).isEqualTo(2);
        assertThat(filled(r, "b1")).isEqualTo(1);
        assertThat(filled(r, "s1")).isEqualTo(1);
        // The excluded ask at 10 caps nothing below 10: the interval is [4, 10].
        AuctionResult capped = run(file(buy("b0", 1, 10), sell("s0", 1, 4), sell("s1", 1, 10)));
        assertThat(capped.price()).isEqualTo(7);
        assertThat(capped.fill("s1")).isNull();
    }

    /** Bids and asks tied at one price on both sides: the curves overlap on a flat stretch at 5. */
    @Test
    void tiesAcrossTheSides() {
        OrderFile f = file(buy("b0", 1, 7), buy("b1", 2, 5), sell("s0", 1, 5), sell("s1", 1, 5), sell("s2", 2, 6));
        AuctionResult r = run(f);
        assertThat(r.volume()).isEqualTo(2);
        assertThat(r.price()).isEqualTo(5);
        assertThat(filled(r, "b1")).isEqualTo(1);
        assertThat(filled(r, "s0")).isEqualTo(1);
        assertThat(filled(r, "s1")).isEqualTo(1);
    }

    /** 0.1 + 0.2 is not 0.3 in doubles; the curves still end together, and the price is the midpoint. */
    @Test
    void decimalQuantitiesThatAddUpEndTogether() {
        AuctionResult r = run(file(buy("b0", 0.1, 10), buy("b1", 0.2, 9), sell("s0", 0.3, 1), sell("s1", 1, 20)));
        assertThat(r.price()).isEqualTo(5);
        assertThat(r.volume()).isCloseTo(0.3, within(EXACT));
    }

    @Test
    void tradesPairBidsAndAsksInPriceOrder() {
        AuctionResult r = run(file(buy("b1", 1, 9), buy("b0", 1, 10), sell("s0", 0.5, 1), sell("s1", 1.5, 2)));
        assertThat(r.price()).isEqualTo(5.5);
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 0.5, 5.5, 0), new Match("b0", "s1", 0.5, 5.5, 0),
                new Match("b1", "s1", 1, 5.5, 0));
        assertThat(r.fills()).extracting(Fill::order).as("order id order").containsExactly("b0", "b1", "s0", "s1");
    }

    @Test
    void theFinalStateIsCleared() {
        OrderFile f = new OrderFile("t", Units.DEFAULT, List.of(buy("b0", 1, 10), buy("b1", 1, 9), sell("s0", 2, 1)),
                List.of(new Cancel("b0", 7)), List.of(new Amend("b1", 3, 2, 8)), Optional.empty());
        AuctionResult r = run(f);
        assertThat(r.fill("b0")).as("cancelled").isNull();
        assertThat(filled(r, "b1")).as("amended up to 2").isEqualTo(2);
        assertThat(r.price()).isEqualTo(4.5);
        assertThat(r.welfare()).as("at the amended limit 8: 2 (8 - 1)").isCloseTo(14, within(EXACT));
        assertThat(r.notes().get(0)).contains("1 cancelled order(s) left out, 1 amendment(s) applied");
    }

    /** An amendment that raises the quantity queues the order anew; one that only lowers it keeps its place. */
    @Test
    void anAmendmentKeepsOrLosesTimePriority() {
        List<Order> orders = List.of(buy("b0", 1, 8), at(buy("b1", 1, 8), 1), sell("s0", 1, 1), sell("s1", 1, 20));
        AuctionOptions time = new AuctionOptions(0.5, TieRule.TIME);
        OrderFile raised = new OrderFile("t", Units.DEFAULT, orders, List.of(), List.of(new Amend("b0", 5, 1.5, 8)),
                Optional.empty());
        AuctionResult r = UNIFORM.run(raised, time);
        assertThat(filled(r, "b1")).isEqualTo(1);
        assertThat(r.fill("b0")).isNull();
        OrderFile lowered = new OrderFile("t", Units.DEFAULT, orders, List.of(), List.of(new Amend("b0", 5, 0.5, 8)),
                Optional.empty());
        AuctionResult l = UNIFORM.run(lowered, time);
        assertThat(filled(l, "b0")).isEqualTo(0.5);
        assertThat(filled(l, "b1")).isEqualTo(0.5);
    }

    @Test
    void bothCallAuctionsAreRegistered() {
        assertThat(AuctionMechanism.registered().names()).contains("uniform", "huang");
        assertThat(AuctionMechanism.registered().find("uniform")).get().isInstanceOf(UniformPriceAuction.class);
    }

    /**
     * 500 random books (seed 13): the volume is the most that can trade at one price (checked against
     * a direct search over the order prices), the price clears the market (orders beyond it trade in
     * full, orders short of it not at all, so only orders at the price are rationed), nobody trades
     * beyond its limit, the budget balances and the settlement adds up.
     */
    @Test
    void randomBooksClearAtAMarketClearingPrice() {
        SplittableRandom rnd = new SplittableRandom(13);
        int cleared = 0;
        for (int n = 0; n < 500; n++) {
            List<Order> book = CallTestSupport.randomBook(rnd);
            AuctionOptions options = new AuctionOptions(rnd.nextInt(5) / 4.0, rnd.nextBoolean() ? TieRule.TIME : TieRule.PRO_RATA);
            AuctionResult r = UNIFORM.run(file(book), options);
            double best = 0;
            for (Order at : book) {
                double d = book.stream().filter(o -> o.buys() && o.price() >= at.price()).mapToDouble(Order::quantity).sum();
                double s = book.stream().filter(o -> !o.buys() && o.price() <= at.price()).mapToDouble(Order::quantity).sum();
                best = Math.max(best, Math.min(d, s));
            }
            assertThat(r.volume()).as("book %d", n).isCloseTo(best, within(1e-9));
            if (r.status() == AuctionStatus.NO_TRADE) {
                assertThat(best).isZero();
                continue;
            }
            cleared++;
            double p = r.price();
            for (Order o : book) {
                double q = filled(r, o.id());
                boolean beyond = o.buys() ? o.price() > p : o.price() < p;
                boolean short_ = o.buys() ? o.price() < p : o.price() > p;
                if (beyond) {
                    assertThat(q).as("book %d, %s beyond the price", n, o.id()).isCloseTo(o.quantity(), within(1e-9));
                } else if (short_) {
                    assertThat(q).as("book %d, %s short of the price", n, o.id()).isZero();
                }
                if (q > 0) {
                    assertThat(o.buys() ? o.price() >= p : o.price() <= p).as("individually rational").isTrue();
                }
            }
            assertThat(r.traded(org.peerclear.order.Side.SELL)).isCloseTo(r.volume(), within(1e-9));
            assertThat(Math.abs(r.surplus())).isLessThanOrEqualTo(MONEY * p * r.volume() + MONEY);
            AuctionMoney.assertFillsCarryTheMatches(r, MONEY);
            assertThat(r.trades().stream().mapToDouble(Match::quantity).sum()).isCloseTo(r.volume(), within(1e-9));
        }
        assertThat(cleared).as("books that trade").isGreaterThan(300);
    }
}
