package org.peerclear.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The horizon model: the period view of typed assets, and the per-period rules named with their period. */
class HorizonMarketTest {
    private static FlexibleAsset pv(Series pMax) {
        return new FlexibleAsset("h1", "h1.pv", Series.constant(0.0), pMax, Series.constant(0.0), Series.constant(0.0));
    }

    @Test
    void eachPeriodIsAVersionOneMarketWithThatPeriodsNumbers() {
        HorizonMarket h = HorizonMarkets.oneBatteryTwoPrices();
        assertThat(h.periods()).isEqualTo(2);
        assertThat(h.needsHorizon()).isTrue();
        Market p0 = h.period(0);
        Market p1 = h.period(1);
        assertThat(p0.grid().orElseThrow().importPrice()).isEqualTo(0.10);
        assertThat(p1.grid().orElseThrow().importPrice()).isEqualTo(0.40);
        assertThat(p1.grid().orElseThrow().exportPrice()).isEqualTo(0.30);
        // The battery is an ordinary zero-cost asset of h1 between -chargeMax and dischargeMax.
        assertThat(p0.agent("h1").assets()).containsExactly(new Asset("h1.bat", -2.0, 3.0, 0.0, 0.0));
        assertThat(p1.agent("h1").assets()).containsExactly(new Asset("h1.bat", -2.0, 3.0, 0.0, 0.0));
        assertThat(p0.arcs()).isEqualTo(p1.arcs());
        assertThat(h.storage()).singleElement().extracting(Storage::chargeEfficiency).isEqualTo(0.9);
        assertThat(h.evs()).isEmpty();
    }

    @Test
    void anEvIsConnectedOnlyInItsWindowAndAShiftableLoadOnlyDrawsInItsOwn() {
        HorizonMarket h = HorizonMarkets.householdDay();
        for (int t = 0; t < 24; t++) {
            Asset ev = asset(h.period(t), "home", "home.ev");
            Asset pv = asset(h.period(t), "home", "home.pv");
            assertThat(pv.pMax()).isEqualTo(HorizonMarkets.PV[t]);
            assertThat(asset(h.period(t), "home", "home.load").pMin()).isEqualTo(-HorizonMarkets.LOAD[t]);
            if (t >= 18) {
                assertThat(ev).isEqualTo(new Asset("home.ev", -7.4, 0.0, 0.0, 0.0));
            } else {
                assertThat(ev).isEqualTo(new Asset("home.ev", 0.0, 0.0, 0.0, 0.0));
            }
        }
        Shiftable washer = new Shiftable("home", "home.washer", 2.0, 1.5, 10, 14);
        assertThat(washer.inPeriod(9)).isEqualTo(new Asset("home.washer", 0.0, 0.0, 0.0, 0.0));
        assertThat(washer.inPeriod(10)).isEqualTo(new Asset("home.washer", -1.5, 0.0, 0.0, 0.0));
        assertThat(washer.inPeriod(13)).isEqualTo(new Asset("home.washer", -1.5, 0.0, 0.0, 0.0));
        assertThat(washer.inPeriod(14)).isEqualTo(new Asset("home.washer", 0.0, 0.0, 0.0, 0.0));
        assertThat(washer.maxEnergy(0.5)).isEqualTo(3.0);
    }

    @Test
    void whetherAnEvCanBeChargedInTimeIsAFactNotARule() {
        Ev ev = HorizonMarkets.householdDay().evs().get(0);
        assertThat(ev.reachableEnergy(1.0)).isCloseTo(8 + 6 * 0.92 * 7.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ev.requirementReachable(1.0)).isTrue();
        // 50 kWh cannot be reached from 8 in six hours at 7.4 kW: still a valid EV.
        Ev late = new Ev("home", "home.ev", 0.0, 60.0, 8.0, 50.0, 7.4, 0.0, 0.92, 0.92, 0.0, 18, 24);
        assertThat(late.requirementReachable(1.0)).isFalse();
        assertThat(late.reachableEnergy(1.0)).isLessThan(50.0);
    }

    @Test
    void batteriesAndEvsShareOneShapeOfEnergyRows() {
        HorizonMarket day = HorizonMarkets.householdDay();
        assertThat(day.energyStores()).extracting(HorizonAsset::id).containsExactly("home.bat", "home.ev");
        EnergyStore bat = day.energyStores().get(0);
        EnergyStore ev = day.energyStores().get(1);
        assertThat(List.of(bat.connectedFrom(), bat.connectedUntil(24), ev.connectedFrom(), ev.connectedUntil(24)))
                .containsExactly(0, 24, 18, 24);
        assertThat(bat.energyAtEnd()).isEqualTo(5.0);
        assertThat(ev.energyAtEnd()).isEqualTo(30.0);
        assertThat(HorizonMarkets.oneBatteryTwoPrices().energyStores().get(0).energyAtEnd()).isNaN();
    }

    @Test
    void aMarketIsAHorizonOfOnePeriodThatNeedsNoHorizon() {
        Market m = Market.builder("m").agent(new Agent("a", List.of(new Asset("a.x", -1, 1, 0.5, 0.1))))
                .agent(new Agent("b", List.of())).grid(new Grid(null, 0.3, 0.1)).build();
        HorizonMarket h = HorizonMarket.of(m);
        assertThat(h.periods()).isEqualTo(1);
        assertThat(h.needsHorizon()).isFalse();
        assertThat(h.period(0).agents()).isEqualTo(m.agents());
        assertThat(h.period(0).arcs()).isEqualTo(m.arcs());
        assertThat(h.period(0).grid()).isEqualTo(m.grid());
        assertThat(HorizonMarket.of(m)).isEqualTo(h).hasSameHashCodeAs(h);
    }

    @Test
    void anArrayOfTheWrongLengthNamesTheFieldAndBothLengths() {
        assertThatThrownBy(() -> HorizonMarket.builder("x", 3).agent("h1", pv(Series.of(1, 2))).build())
                .isInstanceOf(InvalidMarketException.class)
                .hasMessage("agents[h1].assets[h1.pv].pMax: has 2 values but the case has 3 periods"
                        + " (a per-period array needs exactly one value per period)");
    }

    @Test
    void aRuleBrokenInOnePeriodNamesThePeriod() {
        assertThatThrownBy(() -> HorizonMarket.builder("x", 3).agent("h1", pv(Series.of(1, -2, 1))).build())
                .isInstanceOf(InvalidMarketException.class)
                .hasMessageStartingWith("agents[h1].assets[h1.pv].pMin: in period 1: pMin 0.0 > pMax -2.0")
                .hasMessageContaining("pMin must be <= pMax");
        assertThatThrownBy(() -> HorizonMarket.builder("x", 2).agent("h1", pv(Series.constant(1)))
                .grid(new HorizonGrid(null, Series.of(0.3, 0.3), Series.of(0.1, 0.4), Series.constant(Double.POSITIVE_INFINITY),
                        Series.constant(Double.POSITIVE_INFINITY))).build())
                .hasMessageStartingWith("grid.importPrice: in period 1: importPrice 0.3 < exportPrice 0.4");
    }

    @Test
    void rampsApplyToFlexibleAssetsOnly() {
        HorizonMarket ok = HorizonMarket.builder("x", 2).agent("h1", pv(Series.constant(1))).rampMax("h1.pv", 0.5).build();
        assertThat(ok.rampMax("h1.pv")).hasValue(0.5);
        assertThat(ok.rampMax("h1.other")).isEmpty();
        Storage bat = new Storage("h1", "h1.bat", 0, 1, 0, Double.NaN, 1, 1, 1, 1, 0);
        assertThatThrownBy(() -> HorizonMarket.builder("x", 2).agent("h1", bat).rampMax("h1.bat", 0.5).build())
                .hasMessage("agents[h1].assets[h1.bat].rampMax: applies to flexible assets only, not to a storage asset");
        assertThatThrownBy(() -> HorizonMarket.builder("x", 2).agent("h1", pv(Series.constant(1))).rampMax("h1.pv", -1).build())
                .hasMessage("agents[h1].assets[h1.pv].rampMax: must be >= 0, got -1.0");
        assertThatThrownBy(() -> HorizonMarket.builder("x", 2).agent("h1", pv(Series.constant(1))).rampMax("zz", 1).build())
                .hasMessage("rampMax[zz]: unknown asset 'zz'");
    }

    @Test
    void windowsEndWithinTheHorizon() {
        assertThatThrownBy(() -> HorizonMarket.builder("x", 4)
                .agent("h1", new Ev("h1", "h1.ev", 0, 40, 10, 20, 7, 0, 1, 1, 0, 2, 5)).build())
                .hasMessage("agents[h1].assets[h1.ev].departure: departure 5 > periods 4 (a window must end within the horizon)");
        assertThatThrownBy(() -> HorizonMarket.builder("x", 4)
                .agent("h1", new Shiftable("h1", "h1.w", 1, 1, 0, 6)).build())
                .hasMessageStartingWith("agents[h1].assets[h1.w].windowEnd: windowEnd 6 > periods 4");
    }

    @Test
    void aConstantAndAnArrayOfTheSameValuesAreWrittenDifferentlySoTheyDiffer() {
        assertThat(Series.constant(2.0)).isNotEqualTo(Series.of(2.0, 2.0));
        assertThat(Series.of(1.0, 2.0)).isEqualTo(Series.of(1.0, 2.0)).hasSameHashCodeAs(Series.of(1.0, 2.0));
        assertThat(Series.of(1.0, 2.0).scaled(2.0).toArray(2)).containsExactly(2.0, 4.0);
        assertThat(Series.constant(3.0).toArray(3)).containsExactly(3.0, 3.0, 3.0);
        // A scaled series equals the series of its products, and scaling twice multiplies in order.
        Series twice = Series.of(0.1, 0.7).scaled(3.0).scaled(0.1);
        assertThat(twice).isEqualTo(Series.of(0.1 * 3.0 * 0.1, 0.7 * 3.0 * 0.1)).hasSameHashCodeAs(Series.of(0.1 * 3.0 * 0.1, 0.7 * 3.0 * 0.1));
        assertThat(twice.at(1)).isEqualTo(0.7 * 3.0 * 0.1);
    }

    private static Asset asset(Market m, String agent, String id) {
        return m.agent(agent).assets().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
