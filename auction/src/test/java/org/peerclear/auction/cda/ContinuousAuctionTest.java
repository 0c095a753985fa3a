package org.peerclear.auction.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.auction.AuctionMoney;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.Fill;
import org.peerclear.auction.Match;
import org.peerclear.io.OrdersReader;
import org.peerclear.model.Units;
import org.peerclear.order.Amend;
import org.peerclear.order.Cancel;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/** The continuous double auction on order files: event order, amendments, cancels, results. */
class ContinuousAuctionTest {
    /** Rounding of sums of a few products: the surplus and settlement imbalance are this close to zero. */
    private static final double ROUNDING = 1e-12;

    private static Order buy(String id, double q, double p, long t) {
        return new Order(id, "a-" + id, Side.BUY, q, p, t, null, null);
    }

    private static Order sell(String id, double q, double p, long t) {
        return new Order(id, "a-" + id, Side.SELL, q, p, t, null, null);
    }

    private static AuctionResult run(List<Order> orders, List<Cancel> cancels, List<Amend> amends) {
        OrderFile f = new OrderFile("t", Units.DEFAULT, orders, cancels, amends, Optional.empty());
        return new ContinuousAuction().run(f, AuctionOptions.DEFAULT);
    }

    private static AuctionResult run(Order... orders) {
        return run(List.of(orders), List.of(), List.of());
    }

    @Test
    void bothMechanismsAreRegistered() {
        assertThat(AuctionMechanism.registered().get("cda")).isInstanceOf(ContinuousAuction.class);
        assertThat(AuctionMechanism.registered().get("cda-network")).isInstanceOf(NetworkAwareAuction.class);
    }

    @Test
    void anIncomingBidTradesAtTheRestingAsksPrice() {
        AuctionResult r = run(sell("s0", 1.5, 2.0, 0), buy("b0", 1.0, 6.0, 1));
        assertThat(r.status()).isEqualTo(AuctionStatus.CLEARED);
        assertThat(r.mechanism()).isEqualTo("cda");
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1.0, 2.0, 1));
        assertThat(r.fills()).containsExactly(new Fill("b0", "a-b0", Side.BUY, 1.0, 2.0),
                new Fill("s0", "a-s0", Side.SELL, 1.0, 2.0));
        assertThat(r.price()).isNaN();
        assertThat(r.buyPrice()).isNaN();
        assertThat(r.sellPrice()).isNaN();
        assertThat(r.volume()).isEqualTo(1.0);
        assertThat(r.surplus()).isEqualTo(0.0);
        assertThat(r.welfare()).isEqualTo(4.0); // the buyer's 6 - 2; the seller sold at its limit
    }

    @Test
    void anIncomingAskTradesAtTheRestingBidsPrice() {
        AuctionResult r = run(buy("b0", 1.0, 6.0, 0), sell("s0", 1.0, 2.0, 1));
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1.0, 6.0, 1));
        assertThat(r.welfare()).isEqualTo(4.0);
    }

    @Test
    void noCrossingIsNoTradeNotAnError() {
        AuctionResult r = run(buy("b0", 1.0, 2.0, 0), sell("s0", 1.0, 3.0, 1));
        assertThat(r.status()).isEqualTo(AuctionStatus.NO_TRADE);
        assertThat(r.fills()).isEmpty();
        assertThat(r.trades()).isEmpty();
        assertThat(r.volume()).isZero();
    }

    @Test
    void aFillsPriceIsTheQuantityWeightedAverageOfItsTrades() {
        AuctionResult r = run(sell("s0", 1.0, 2.0, 0), sell("s1", 3.0, 4.0, 1), buy("b0", 2.0, 5.0, 2));
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1.0, 2.0, 2), new Match("b0", "s1", 1.0, 4.0, 2));
        assertThat(r.fill("b0").quantity()).isEqualTo(2.0);
        assertThat(r.fill("b0").price()).isEqualTo(3.0);
        assertThat(r.fill("s1").quantity()).isEqualTo(1.0);
        assertThat(r.fill("s1").price()).isEqualTo(4.0);
    }

    @Test
    void eventsRunInTimeOrderNotFileOrder() {
        // In the file the bid comes first, but it arrives last: it takes the ask resting at 3, not the later one.
        AuctionResult r = run(buy("b0", 1.0, 9.0, 10), sell("s0", 1.0, 3.0, 5), sell("s1", 1.0, 1.0, 7));
        // By price: s1 (1.0) is the best ask when b0 arrives.
        assertThat(r.trades()).containsExactly(new Match("b0", "s1", 1.0, 1.0, 10));
    }

    @Test
    void atOneTimeAndPriceTheFilePositionGivesPriority() {
        AuctionResult r = run(sell("s1", 1.0, 3.0, 4), sell("s0", 1.0, 3.0, 4), buy("b0", 1.0, 3.0, 5));
        assertThat(r.trades()).containsExactly(new Match("b0", "s1", 1.0, 3.0, 5));
    }

    @Test
    void atOneTimeOrdersComeBeforeAmendmentsBeforeCancels() {
        // b0 arrives at 5 and is amended at 5 (so the amendment finds it) and then cancelled at 5:
        // the ask at 6 finds no bid.
        AuctionResult cancelled = run(List.of(buy("b0", 1.0, 4.0, 5), sell("s0", 1.0, 4.0, 6)),
                List.of(new Cancel("b0", 5)), List.of(new Amend("b0", 5, 2.0, 4.5)));
        assertThat(cancelled.status()).isEqualTo(AuctionStatus.NO_TRADE);
        assertThat(cancelled.notes()).noneMatch(n -> n.contains("ignored"));
        // Without the cancel the amendment holds at 5: 2 at 4.5.
        AuctionResult amended = run(List.of(buy("b0", 1.0, 4.0, 5), sell("s0", 3.0, 4.0, 6)), List.of(),
                List.of(new Amend("b0", 5, 2.0, 4.5)));
        assertThat(amended.trades()).containsExactly(new Match("b0", "s0", 2.0, 4.5, 6));
    }

    @Test
    void cancelsAndAmendmentsOfOrdersNotOnTheBookAreIgnoredAndSaid() {
        // The cancel at 1 precedes b0's arrival at 3; the amendment of s0 comes after it was filled.
        AuctionResult r = run(List.of(sell("s0", 1.0, 2.0, 0), buy("b0", 1.0, 5.0, 3)),
                List.of(new Cancel("b0", 1)), List.of(new Amend("s0", 9, 4.0, 2.0)));
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1.0, 2.0, 3));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 amendments and 1 cancels") && n.contains("ignored"));
    }

    @Test
    void aCancelTakesWhatIsLeftOffTheBook() {
        AuctionResult r = run(List.of(sell("s0", 3.0, 2.0, 0), buy("b0", 1.0, 5.0, 1), buy("b1", 5.0, 5.0, 3)),
                List.of(new Cancel("s0", 2)), List.of());
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1.0, 2.0, 1));
        assertThat(r.fill("b1")).isNull();
    }

    @Test
    void aQuantityLoweringAmendmentKeepsPriorityAndARaisingOneLosesIt() {
        List<Order> orders = List.of(sell("s0", 2.0, 3.0, 0), sell("s1", 2.0, 3.0, 1), buy("b0", 3.0, 3.0, 5));
        AuctionResult lowered = run(orders, List.of(), List.of(new Amend("s0", 2, 1.0, 3.0)));
        assertThat(lowered.trades()).containsExactly(new Match("b0", "s0", 1.0, 3.0, 5), new Match("b0", "s1", 2.0, 3.0, 5));
        AuctionResult raised = run(orders, List.of(), List.of(new Amend("s0", 2, 4.0, 3.0)));
        assertThat(raised.trades()).containsExactly(new Match("b0", "s1", 2.0, 3.0, 5), new Match("b0", "s0", 1.0, 3.0, 5));
        AuctionResult repriced = run(orders, List.of(), List.of(new Amend("s0", 2, 1.0, 2.5)));
        // A lower ask price is a better price: s0 goes first by price, at its new price.
        assertThat(repriced.trades()).containsExactly(new Match("b0", "s0", 1.0, 2.5, 5), new Match("b0", "s1", 2.0, 3.0, 5));
    }

    @Test
    void anAmendmentCanRaiseAnOrderAboveItsFileQuantityAndWelfareUsesTheAmendedLimit() {
        // b0: 2 at 6, trades 1 with s0 at 6; amended at 3 to 2 more at 5 (a file total of 3 > 2); trades them with s1 at 4.
        AuctionResult r = run(List.of(buy("b0", 2.0, 6.0, 0), sell("s0", 1.0, 2.0, 1), sell("s1", 5.0, 4.0, 4)),
                List.of(), List.of(new Amend("b0", 3, 2.0, 5.0)));
        assertThat(r.fill("b0").quantity()).isEqualTo(3.0);
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1.0, 6.0, 1), new Match("b0", "s1", 2.0, 5.0, 4));
        // Buyer at its last limit 5: 3*5 - (6 + 10) = -1; sellers: (6 - 2) + 2*(5 - 4) = 6. Welfare 5.
        assertThat(r.welfare()).isCloseTo(5.0, within(ROUNDING));
        assertThat(r.notes()).anyMatch(n -> n.contains("amended"));
    }

    @Test
    void theOrderFileIsReadAndRunAsWritten() {
        String json = """
                {"format": "peerclear-orders", "version": 1, "units": {"power": "kW", "currency": "EUR", "periodHours": 1.0},
                 "orders": [
                   {"id": "s0", "agent": "h7", "side": "sell", "quantity": 1.5, "price": 2.0},
                   {"id": "s1", "agent": "h8", "side": "sell", "quantity": 1.0, "price": 2.5},
                   {"id": "b0", "agent": "h1", "side": "buy", "quantity": 1.0, "price": 6.0, "time": 5},
                   {"id": "b1", "agent": "h2", "side": "buy", "quantity": 2.0, "price": 3.0, "time": 8}],
                 "cancels": [{"order": "s1", "time": 6}],
                 "amends": [{"order": "s0", "time": 7, "quantity": 0.25, "price": 2.0}]}
                """;
        OrderFile f = new OrdersReader().read(json, null);
        AuctionResult r = AuctionMechanism.registered().get("cda").run(f, AuctionOptions.DEFAULT);
        // b0 takes 1 of s0 at 2; s1 is cancelled; s0 is lowered to 0.25 (from 0.5 left); b1 takes it, the rest of b1 rests.
        assertThat(r.trades()).containsExactly(new Match("b0", "s0", 1.0, 2.0, 5), new Match("b1", "s0", 0.25, 2.0, 8));
        assertThat(r.fill("s0").quantity()).isEqualTo(1.25);
        String written = AuctionResultWriter.toJson(r);
        assertThat(written).doesNotContain("\"price\" : NaN").doesNotContain("buyPrice").contains("\"trades\"");
    }

    @Test
    void moneyBalancesOnALargeRandomFlow() {
        AuctionResult r = new ContinuousAuction().run(randomFile(7, 5000), AuctionOptions.DEFAULT);
        assertThat(r.trades().size()).isGreaterThan(500);
        AuctionMoney.assertFillsCarryTheMatches(r, ROUNDING);
        double paid = r.fills().stream().filter(f -> f.side() == Side.BUY).mapToDouble(Fill::payment).sum();
        assertThat(Math.abs(r.surplus())).isLessThan(ROUNDING * paid);
        assertThat(r.traded(Side.BUY)).isCloseTo(r.traded(Side.SELL), within(ROUNDING * r.volume()));
        // Every trade is within both limits and at the resting order's price.
        for (Match m : r.trades()) {
            Order b = orderOf(m.buyOrder());
            Order a = orderOf(m.sellOrder());
            assertThat(m.price()).isBetween(a.price(), b.price());
            assertThat(m.price()).isEqualTo(b.time() < a.time() ? b.price() : a.price());
        }
    }

    @Test
    void runsAreDeterministic() {
        OrderFile f = randomFile(11, 3000);
        String one = AuctionResultWriter.toJson(new ContinuousAuction().run(f, AuctionOptions.DEFAULT));
        String two = AuctionResultWriter.toJson(new ContinuousAuction().run(f, AuctionOptions.DEFAULT));
        assertThat(one).isEqualTo(two);
    }

    private OrderFile lastRandom;

    private Order orderOf(String id) {
        return lastRandom.order(id);
    }

    /** Random bids and asks around 100 (no amendments: the trade price check above needs the file's limits and times). */
    private OrderFile randomFile(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Order> orders = new ArrayList<>();
        List<Cancel> cancels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean b = rnd.nextBoolean();
            double price = 95 + rnd.nextInt(11) + (b ? -1 : 1);
            orders.add(new Order("o" + i, "a" + rnd.nextInt(50), b ? Side.BUY : Side.SELL, 1 + rnd.nextInt(9) * 0.5, price, i,
                    null, null));
            if (rnd.nextInt(5) == 0) {
                cancels.add(new Cancel("o" + i, i + 1 + rnd.nextInt(20)));
            }
        }
        lastRandom = new OrderFile("random", Units.DEFAULT, orders, cancels, List.of(), Optional.empty());
        return lastRandom;
    }
}
