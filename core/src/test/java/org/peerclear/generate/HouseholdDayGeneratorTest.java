package org.peerclear.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.model.HorizonMarket;

class HouseholdDayGeneratorTest {
    @Test
    void theSameParametersGiveTheSameMarketWithTheAssetsAsked() {
        HorizonMarket a = HouseholdDayGenerator.generate(20, 24, 6, 4, 3, 7L);
        HorizonMarket b = HouseholdDayGenerator.generate(20, 24, 6, 4, 3, 7L);
        assertThat(MarketCaseWriter.toJson(a)).isEqualTo(MarketCaseWriter.toJson(b));
        assertThat(a.periods()).isEqualTo(24);
        assertThat(a.units().periodHours()).isEqualTo(1.0);
        assertThat(HouseholdDayGenerator.generate(20, 96, 6, 4, 3, 7L).units().periodHours()).isEqualTo(0.25);
        assertThat(a.agents()).hasSize(20);
        assertThat(a.storage()).hasSize(6);
        assertThat(a.evs()).hasSize(4);
        assertThat(a.evs().get(0).arrival()).isEqualTo(18);
        // Evening peak: loads may take 1.6 times as much from 17:00.
        assertThat(a.period(18).agents().get(0).assets().get(0).pMin())
                .isCloseTo(1.6 * a.period(3).agents().get(0).assets().get(0).pMin(), within(1e-12));
    }

    @Test
    void moreStoresThanHouseholdsIsRefused() {
        assertThatThrownBy(() -> HouseholdDayGenerator.generate(5, 24, 4, 2, 2, 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batteries + evs");
    }

    @Test
    void severalDaysStartWithTheOneDayMarketAndVaryFromDayTwo() {
        HorizonMarket day = HouseholdDayGenerator.generate(10, 24, 3, 0, 3, 7L);
        HorizonMarket week = HouseholdDayGenerator.generate(10, 7, 24, 3, 0, 3, 7L);
        assertThat(week.periods()).isEqualTo(7 * 24);
        for (int t = 0; t < 24; t++) {
            for (int n = 0; n < 10; n++) {
                var one = day.period(t).agents().get(n).assets();
                var first = week.period(t).agents().get(n).assets();
                for (int s = 0; s < one.size(); s++) {
                    assertThat(first.get(s).pMin()).isEqualTo(one.get(s).pMin());
                    assertThat(first.get(s).pMax()).isEqualTo(one.get(s).pMax());
                }
            }
        }
        // Household 0 has PV: its noon output differs from day to day (season and clouds).
        double noon1 = week.period(12).agents().get(0).assets().get(1).pMax();
        double noon2 = week.period(24 + 12).agents().get(0).assets().get(1).pMax();
        assertThat(noon2).isPositive().isNotEqualTo(noon1);
        assertThatThrownBy(() -> HouseholdDayGenerator.generate(10, 2, 24, 3, 1, 3, 7L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batteries only");
    }
}
