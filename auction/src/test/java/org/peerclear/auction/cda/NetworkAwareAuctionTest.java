package org.peerclear.auction.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.auction.AuctionMoney;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.Match;
import org.peerclear.auction.Rejection;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Units;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;
import org.peerclear.powerflow.AcPowerFlow;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlow;
import org.peerclear.powerflow.PowerFlowResult;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * The network-aware continuous auction on case33bw: the check (plain trades over-voltage
 * the feeder in an exact AC power flow, network-aware ones do not), refusals naming the bus or
 * branch, and the incremental LinDistFlow state being LinDistFlow of the trades.
 */
class NetworkAwareAuctionTest {
    /** The incremental state is a sum of products; against a fresh LinDistFlow solve it differs by rounding. */
    private static final double LINDISTFLOW_ROUNDING_PU = 1e-12;
    /** Rounding of sums of a few hundred products of kW-sized numbers: money balances this closely. */
    private static final double ROUNDING = 1e-12;

    /**
     * How far past a limit a whole match may go: {@link org.peerclear.auction.AuctionTolerances#CDA_NETWORK_WHOLE_FRACTION}
     * (1e-9) of its voltage change, which is below 0.1 pu for any match here.
     */
    private static final double WHOLE_MATCH_ALLOWANCE_PU = 1e-10;

    private static final Feeder CASE33BW = Feeders.load("case33bw", null);

    /**
     * Much PV far from the substation: ten 200 kW asks each at buses 18 (the main feeder's end)
     * and 33 (the lateral's end), cheap; 1000 kW bids at buses 2, 3, 19 and 23, near the
     * substation. Limits [0.90, 1.05] pu (case33bw's own loads leave its far ends at 0.913 pu AC).
     */
    static OrderFile highPv(String unit, double scale) {
        List<Order> o = new ArrayList<>();
        int t = 0;
        for (int k = 0; k < 10; k++) {
            o.add(new Order("s18-" + k, "pv18", Side.SELL, 200 * scale, 1.0 + 0.01 * k, t++, "18", null));
            o.add(new Order("s33-" + k, "pv33", Side.SELL, 200 * scale, 1.0 + 0.01 * k, t++, "33", null));
        }
        for (String b : List.of("2", "3", "19", "23")) {
            o.add(new Order("b" + b, "load" + b, Side.BUY, 1000 * scale, 5.0, t++, b, null));
        }
        return new OrderFile("high-pv", new Units(unit, "EUR", 1.0), o, List.of(), List.of(),
                Optional.of(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())));
    }

    private static PowerFlowResult ac(OrderFile f, AuctionResult r) {
        PowerFlowResult ac = AcPowerFlow.solve(CASE33BW, NetworkCheck.injectionsKw(f, r, CASE33BW), null,
                AcPowerFlow.Options.defaults());
        assertThat(ac.converged()).isTrue();
        return ac;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    /**
     * The check. Plain cda trades all 4000 kW and the exact AC power flow of its
     * injections rises above vMax (1.062 pu at bus 18). cda-network stops at the LinDistFlow limit:
     * its AC voltages are within [vMin, vMax]. That is not luck of a margin set aside: under this
     * reverse flow LinDistFlow over-estimates the rise (it puts bus 18 at 1.05 where AC has 1.042),
     * so the AC result is inside the limits with room; the test also checks the weaker statement
     * that any AC violation would be within the LinDistFlow-vs-AC difference.
     */
    @Test
    void plainTradesOverVoltageTheFeederInAcAndNetworkAwareOnesDoNot() {
        OrderFile f = highPv("kW", 1);
        double vMax = 1.05;
        double vMin = 0.90;

        AuctionResult plain = new ContinuousAuction().run(f, AuctionOptions.DEFAULT);
        assertThat(plain.volume()).isEqualTo(4000.0);
        double plainMax = max(ac(f, plain).vmPu());
        assertThat(plainMax).isGreaterThan(vMax);

        AuctionResult aware = new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT);
        assertThat(aware.status()).isEqualTo(AuctionStatus.CLEARED);
        assertThat(aware.volume()).isGreaterThan(1000.0).isLessThan(plain.volume());
        double[] inj = NetworkCheck.injectionsKw(f, aware, CASE33BW);
        double[] acV = ac(f, aware).vmPu();
        double[] linV = new LinDistFlow(CASE33BW).solve(inj, null).vmPu();
        double linError = 0;
        for (int j = 0; j < acV.length; j++) {
            linError = Math.max(linError, Math.abs(linV[j] - acV[j]));
        }
        // LinDistFlow of the accepted trades sits at the limit it stopped at, and inside the other.
        assertThat(max(linV)).isCloseTo(vMax, within(LINDISTFLOW_ROUNDING_PU));
        assertThat(min(linV)).isGreaterThanOrEqualTo(vMin);
        // AC: any violation within LinDistFlow's error (the weaker claim) ...
        double acViolation = Math.max(0, Math.max(max(acV) - vMax, vMin - min(acV)));
        assertThat(acViolation).isLessThanOrEqualTo(linError);
        // ... and in fact none, on this case (the stronger one).
        assertThat(max(acV)).isLessThanOrEqualTo(vMax);
        assertThat(min(acV)).isGreaterThanOrEqualTo(vMin);
        assertThat(max(acV)).isLessThan(plainMax);
    }

    @Test
    void refusedMatchesNameTheBusAndTheIncomingOrderWalksOn() {
        AuctionResult r = new NetworkAwareAuction().run(highPv("kW", 1), AuctionOptions.DEFAULT);
        assertThat(r.rejected()).isNotEmpty();
        assertThat(r.rejected()).allSatisfy(x -> {
            assertThat(x.reason()).isEqualTo("voltage at bus 18 above vMax 1.05");
            assertThat(x.quantity()).isPositive();
        });
        // The first refusal is a cut: part of the match traded, the rest is refused.
        Rejection first = r.rejected().get(0);
        Match cut = r.trades().stream().filter(m -> m.buyOrder().equals(first.buyOrder())
                && m.sellOrder().equals(first.sellOrder())).findFirst().orElseThrow();
        assertThat(cut.quantity() + first.quantity()).isCloseTo(200.0, within(1e-9));
        // The refused asks stay on the book untouched by the refusing bid: it walked on past each of them.
        assertThat(r.rejected()).extracting(Rejection::buyOrder).containsOnly(first.buyOrder());
        assertThat(r.rejected().size()).isGreaterThan(1);
        assertThat(AuctionResultWriter.toJson(r)).contains("\"rejected\"").contains("voltage at bus 18 above vMax 1.05");
        assertThat(r.notes()).anyMatch(n -> n.contains("LinDistFlow limits of case33bw"));
    }

    @Test
    void aRefusedBidStillTradesWithAFeasibleAskFurtherDownTheBook() {
        // Bus 18 is pushed to vMax by the first trade (2000 kW from 18 to 2); then b3 arrives: the cheap ask
        // at 18 is refused, the dearer one at bus 3 itself (no voltage change) trades.
        List<Order> o = List.of(
                new Order("s18a", "pv18", Side.SELL, 2000, 1.0, 0, "18", null),
                new Order("b2", "l2", Side.BUY, 2000, 5.0, 1, "2", null),
                new Order("s18b", "pv18", Side.SELL, 500, 1.0, 2, "18", null),
                new Order("s3", "pv3", Side.SELL, 100, 2.0, 3, "3", null),
                new Order("b3", "l3", Side.BUY, 100, 5.0, 4, "3", null));
        OrderFile f = new OrderFile("walk", Units.DEFAULT, o, List.of(), List.of(),
                Optional.of(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())));
        AuctionResult r = new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT);
        assertThat(r.trades()).extracting(Match::buyOrder, Match::sellOrder)
                .contains(org.assertj.core.groups.Tuple.tuple("b3", "s3"));
        assertThat(r.trades().get(r.trades().size() - 1)).isEqualTo(new Match("b3", "s3", 100.0, 2.0, 4));
        assertThat(r.rejected()).extracting(Rejection::buyOrder, Rejection::sellOrder)
                .contains(org.assertj.core.groups.Tuple.tuple("b3", "s18b"));
        AuctionMoney.assertFillsCarryTheMatches(r, ROUNDING);
    }

    @Test
    void theIncrementalStateIsLinDistFlowOfTheAcceptedTrades() {
        OrderFile f = highPv("kW", 1);
        NetworkCheck.Placed placed = NetworkCheck.of(f);
        AuctionResult r = new CdaRun(f, placed).run(NetworkAwareAuction.NAME);
        double[] fresh = new LinDistFlow(CASE33BW).solve(NetworkCheck.injectionsKw(f, r, CASE33BW), null).vmPu();
        double[] kept = placed.check().voltagesPu();
        for (int j = 0; j < fresh.length; j++) {
            assertThat(kept[j]).as("bus %s", CASE33BW.busIds().get(j)).isCloseTo(fresh[j], within(LINDISTFLOW_ROUNDING_PU));
        }
        assertThat(placed.check().checks()).isGreaterThanOrEqualTo(r.trades().size());
    }

    @Test
    void theFilesPowerUnitIsConvertedToTheFeedersKw() {
        AuctionResult kw = new NetworkAwareAuction().run(highPv("kW", 1), AuctionOptions.DEFAULT);
        AuctionResult mw = new NetworkAwareAuction().run(highPv("MW", 1e-3), AuctionOptions.DEFAULT);
        assertThat(mw.volume() * 1000).isCloseTo(kw.volume(), within(1e-9 * kw.volume()));
        assertThat(mw.trades()).hasSameSizeAs(kw.trades());
        assertThatThrownBy(() -> new NetworkAwareAuction().run(highPv("kWh", 1), AuctionOptions.DEFAULT))
                .isInstanceOf(InvalidMarketException.class).hasMessageContaining("units.power");
    }

    @Test
    void aBranchRatingCutsAndIsNamed() {
        OrderFile base = highPv("kW", 1);
        // Bus 18's own load is 90 kW: selling from 18 reverses the flow on 17-18, and 300 kW of reverse flow is
        // reached after 390 kW of sales, before bus 18's voltage limit.
        NetworkSpec rated = new NetworkSpec("case33bw", null, 0.90, 1.05, List.of(new NetworkSpec.BranchRating("17", "18", 300)));
        OrderFile f = new OrderFile("rated", base.units(), base.orders(), List.of(), List.of(), Optional.of(rated));
        AuctionResult r = new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT);
        assertThat(r.rejected()).anyMatch(x -> x.reason().equals("flow on branch 17-18 above its rating 300 kW"));
        double[] inj = NetworkCheck.injectionsKw(f, r, CASE33BW);
        double flow = new LinDistFlow(CASE33BW).solve(inj, null).pFlowKw()[CASE33BW.branches().indexOf(
                CASE33BW.branches().stream().filter(b -> b.fromBus().equals("17") && b.toBus().equals("18")).findFirst().orElseThrow())];
        assertThat(Math.abs(flow)).isLessThanOrEqualTo(300 * (1 + 1e-9));
    }

    @Test
    void aFeederAlreadyBelowVMinRefusesMatchesThatLowerItFurtherAndAllowsThoseThatRaiseIt() {
        // With vMin 0.95 case33bw's far end is below the limit at its own loads. A buyer at 18 buying from bus 2
        // would lower it further: refused. A seller at 18 selling to the buyer at 18 changes no voltage, and one
        // selling to bus 2 raises bus 18: both go ahead.
        List<Order> o = List.of(
                new Order("s2", "g2", Side.SELL, 100, 1.0, 0, "2", null),
                new Order("b18", "l18", Side.BUY, 100, 5.0, 1, "18", null),
                new Order("s18", "pv18", Side.SELL, 100, 1.0, 2, "18", null),
                new Order("s18b", "pv18", Side.SELL, 100, 1.0, 3, "18", null),
                new Order("b2", "l2", Side.BUY, 200, 5.0, 4, "2", null));
        OrderFile f = new OrderFile("low", Units.DEFAULT, o, List.of(), List.of(),
                Optional.of(new NetworkSpec("case33bw", null, 0.95, 1.05, List.of())));
        AuctionResult r = new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT);
        assertThat(r.rejected()).hasSize(1);
        Rejection x = r.rejected().get(0);
        assertThat(x.buyOrder()).isEqualTo("b18");
        assertThat(x.sellOrder()).isEqualTo("s2");
        assertThat(x.quantity()).isEqualTo(100.0);
        assertThat(x.reason()).matches("voltage at bus \\d+ below vMin 0\\.95 \\(already beyond it before this match\\)");
        assertThat(r.trades()).containsExactly(new Match("b18", "s18", 100.0, 5.0, 2), new Match("b2", "s2", 100.0, 1.0, 4),
                new Match("b2", "s18b", 100.0, 1.0, 4));
        assertThat(r.notes()).anyMatch(n -> n.contains("outside the voltage limits before any trade"));
    }

    /** Random orders at random buses: whatever the flow, the trades' LinDistFlow voltages stay in the limits. */
    @Test
    void randomFlowsStayWithinTheLimits() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        List<Order> o = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            boolean buys = rnd.nextBoolean();
            String bus = String.valueOf(2 + rnd.nextInt(32));
            o.add(new Order("o" + i, "a" + bus, buys ? Side.BUY : Side.SELL, 10 + rnd.nextInt(200), 50 + rnd.nextInt(11)
                    + (buys ? 0 : -2), i, bus, null));
        }
        OrderFile f = new OrderFile("random", Units.DEFAULT, o, List.of(), List.of(),
                Optional.of(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())));
        AuctionResult r = new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT);
        AuctionResult plain = new ContinuousAuction().run(f, AuctionOptions.DEFAULT);
        double[] linV = new LinDistFlow(CASE33BW).solve(NetworkCheck.injectionsKw(f, r, CASE33BW), null).vmPu();
        double[] plainV = new LinDistFlow(CASE33BW).solve(NetworkCheck.injectionsKw(f, plain, CASE33BW), null).vmPu();
        assertThat(r.trades().size()).isGreaterThan(100);
        assertThat(r.rejected()).isNotEmpty();
        assertThat(min(plainV) < 0.90 || max(plainV) > 1.05).as("the plain auction breaks a limit on this flow").isTrue();
        assertThat(max(linV)).isLessThanOrEqualTo(1.05 + WHOLE_MATCH_ALLOWANCE_PU);
        assertThat(min(linV)).isGreaterThanOrEqualTo(0.90 - WHOLE_MATCH_ALLOWANCE_PU);
        AuctionMoney.assertFillsCarryTheMatches(r, ROUNDING);
    }

    @Test
    void withoutANetworkItSaysSo() {
        OrderFile f = OrderFile.of("bare", Units.DEFAULT, List.of(new Order("b0", "a", Side.BUY, 1, 1, 0, null, null)));
        assertThatThrownBy(() -> new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the order file's network").hasMessageContaining("'bare' has none");
    }

    @Test
    void anOrderAtABusNotOnTheFeederIsNamed() {
        OrderFile f = new OrderFile("x", Units.DEFAULT, List.of(new Order("b0", "a", Side.BUY, 1, 1, 0, "99", null)), List.of(),
                List.of(), Optional.of(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())));
        assertThatThrownBy(() -> new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT))
                .isInstanceOf(InvalidMarketException.class).hasMessageContaining("orders[b0].bus").hasMessageContaining("'99'");
    }

    @Test
    void networkAwareRunsAreDeterministic() {
        OrderFile f = highPv("kW", 1);
        assertThat(AuctionResultWriter.toJson(new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT)))
                .isEqualTo(AuctionResultWriter.toJson(new NetworkAwareAuction().run(f, AuctionOptions.DEFAULT)));
    }
}
