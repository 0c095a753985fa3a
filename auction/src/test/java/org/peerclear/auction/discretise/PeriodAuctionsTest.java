package org.peerclear.auction.discretise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.Fill;
import org.peerclear.auction.Match;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Series;
import org.peerclear.model.Storage;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/** A horizon auctioned period by period, with a mechanism small enough to check by hand. */
class PeriodAuctionsTest {
    /**
     * Trades the file's first bid with its first ask, the smaller quantity at the midpoint of their
     * prices, when they cross; refuses a file named "refuse".
     */
    private static final class FirstPair implements AuctionMechanism {
        @Override
        public String name() {
            return "first-pair";
        }

        @Override
        public String description() {
            return "the first bid against the first ask";
        }

        @Override
        public AuctionResult run(OrderFile orders, AuctionOptions options) {
            if (orders.name().contains("refuse")) {
                throw new IllegalArgumentException("refused");
            }
            Order bid = orders.orders().stream().filter(Order::buys).findFirst().orElseThrow();
            Order ask = orders.orders().stream().filter(o -> !o.buys()).findFirst().orElseThrow();
            if (bid.price() < ask.price()) {
                return AuctionResult.of(orders, name(), AuctionStatus.NO_TRADE, Double.NaN, Double.NaN, Double.NaN, List.of(),
                        List.of(), List.of(), List.of(), Map.of());
            }
            double q = Math.min(bid.quantity(), ask.quantity());
            double price = 0.5 * (bid.price() + ask.price());
            return AuctionResult.of(orders, name(), AuctionStatus.CLEARED, price, price, price,
                    List.of(new Fill(bid.id(), bid.agent(), bid.side(), q, price), new Fill(ask.id(), ask.agent(), ask.side(), q, price)),
                    List.of(new Match(bid.id(), ask.id(), q, price, 0)), List.of(), List.of(), Map.of());
        }
    }

    /** Night: a load of up to 1 and the grid at 0.2. Noon: 4 of PV, a load of up to 2, the grid at 0.3. */
    private static HorizonMarket day() {
        return HorizonMarket.builder("day", 2)
                .agent("h", new FlexibleAsset("h", "h.pv", Series.constant(0), Series.of(0, 4), Series.constant(0.01),
                        Series.constant(0)), new FlexibleAsset("h", "h.load", Series.of(-1, -2), Series.constant(0),
                        Series.constant(0.04), Series.of(0.3, 0.4)))
                .grid(new HorizonGrid(null, Series.of(0.2, 0.3), Series.constant(0.05), Series.constant(Double.POSITIVE_INFINITY),
                        Series.constant(Double.POSITIVE_INFINITY)))
                .build();
    }

    @Test
    void eachPeriodIsAuctionedOnItsOwnOrdersAndValuedAtItsTrueCurves() {
        PeriodAuctions day = PeriodAuctions.of(day(), 1);
        List<AuctionResult> r = day.run(new FirstPair(), AuctionOptions.DEFAULT);
        assertThat(r).hasSize(2);
        // Night: the load's bid 0.28 meets the grid's 0.2 for 1.
        assertThat(r.get(0).fill("h.load.1").quantity()).isEqualTo(1.0);
        assertThat(r.get(0).fill("grid.import.1").price()).isCloseTo(0.24, within(1e-12));
        // Noon: the panel's ask 0.02 meets the load's bid 0.36 for 2.
        assertThat(r.get(1).fill("h.pv.1").quantity()).isEqualTo(2.0);
        double[] w = day.welfare(r);
        // Night: the load's utility 0.3 - 0.02 less the grid's 0.2. Noon: 0.8 - 0.08 less the panel's 0.005 * 4.
        assertThat(w[0]).isCloseTo(0.08, within(1e-12));
        assertThat(w[1]).isCloseTo(0.70, within(1e-12));
        assertThat(day.periods()).extracting(c -> c.orders().name()).containsExactly("day, period 0, 1 step", "day, period 1, 1 step");
    }

    @Test
    void aMechanismThatRefusesAPeriodIsNamedWithThePeriod() {
        OrderFile ok = PeriodAuctions.of(day(), 1).periods().get(0).orders();
        OrderFile refuse = OrderFile.of("refuse", ok.units(), ok.orders());
        assertThatThrownBy(() -> PeriodAuctions.run(List.of(ok, refuse), new FirstPair(), AuctionOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("period 1: refused");
    }

    @Test
    void theWelfareNeedsOneResultPerPeriodAndTheHorizonNoMemory() {
        PeriodAuctions day = PeriodAuctions.of(day(), 2);
        List<AuctionResult> one = PeriodAuctions.run(List.of(day.periods().get(0).orders()), new FirstPair(), AuctionOptions.DEFAULT);
        assertThatThrownBy(() -> day.welfare(one)).hasMessage("need one result per period: 2 periods, got 1 results");
        HorizonMarket battery = HorizonMarket.builder("bat", 1)
                .agent("h", new Storage("h", "h.bat", 0, 10, 5, Double.NaN, 3, 3, 0.95, 0.95, 0)).build();
        assertThatThrownBy(() -> PeriodAuctions.of(battery, 2)).hasMessageStartingWith("agents[h].assets[h.bat]: a storage asset");
    }
}
