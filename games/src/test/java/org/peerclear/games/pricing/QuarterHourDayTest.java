package org.peerclear.games.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.games.GameTolerances;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonMarket;

/**
 * The money rule on periods shorter than an hour: a price is currency per unit of power for one
 * period (market-case.md), so a period's bill is {@code power × price} and an asset's cost is the
 * clearing's per-period objective, whatever {@code periodHours} is. Checked against the clearings
 * themselves: over the day, a dispatch's total cost is the sum of its period markets' objectives
 * (which hold the assets' costs and the grid's tariff); scaling money by the period length, as
 * before, would make it a quarter of that.
 */
class QuarterHourDayTest {
    private static HorizonMarket day;
    private static List<String> members;

    @BeforeAll
    static void generateTheDay() {
        day = HouseholdDayGenerator.generate(4, 96, 0, 0, BipartiteMarketGenerator.ALL_PARTNERS, 5);
        members = day.agents().stream().map(HorizonAgent::id).toList();
    }

    /** Σ over the day of the objective of each period's market as {@code standalone} ({@code false}) or the community builds it. */
    private static double objectives(boolean community) {
        double sum = 0;
        for (int t = 0; t < day.periods(); t++) {
            var market = community ? CommunityDispatches.communityMarket(day.period(t), members)
                    : CommunityDispatches.standaloneMarket(day.period(t), members);
            sum += new QpClearing().clear(market, ClearingOptions.DEFAULT).objective();
        }
        return sum;
    }

    @Test
    void theDayHasQuarterHours() {
        assertThat(day.units().periodHours()).isEqualTo(0.25);
    }

    /**
     * Standalone ({@code false}): the grid-only bills on each member's best response; community
     * ({@code true}): the optimisation's bills on the community's dispatch.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDaysBillsAndCostsAreItsPeriodClearingsObjectives(boolean community) {
        CommunityBills bills = community ? new OptimisationPrices().bill(CommunityDispatches.optimised(day, members))
                : new GridOnly().bill(CommunityDispatches.standalone(day, members));
        double expected = objectives(community);
        assertThat(Math.abs(expected)).isGreaterThan(0.1);
        assertThat(bills.totalCost()).isCloseTo(expected, within(GameTolerances.OPTIMISATION_RESIDUAL * Math.max(1, Math.abs(expected))));
        // The members' bills pay the community's grid bill, in the same money.
        assertThat(Math.abs(bills.imbalance())).isLessThanOrEqualTo(GameTolerances.OPTIMISATION_RESIDUAL * bills.grossMoney());
    }
}
