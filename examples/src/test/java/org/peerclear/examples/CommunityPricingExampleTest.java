package org.peerclear.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerclear.games.GameTolerances;
import org.peerclear.games.pricing.CommunityBills;
import org.peerclear.games.pricing.CommunityDispatch;
import org.peerclear.games.pricing.CommunityDispatches;
import org.peerclear.games.pricing.GridOnly;
import org.peerclear.games.pricing.OptimisationPrices;
import org.peerclear.games.pricing.RuleOutcome;
import org.peerclear.model.HorizonMarket;

/**
 * The example's day: every rule conserves money, and the totals are consistent with the
 * optimisation (its total cost is at most every rule's, which is at most the grid-only one; on
 * the optimised dispatch every rule's total is the optimum's).
 */
class CommunityPricingExampleTest {
    private static CommunityDispatch standalone;
    private static CommunityDispatch optimised;
    private static CommunityBills baseline;
    private static List<RuleOutcome> rows;

    @BeforeAll
    static void clearTheDay() {
        HorizonMarket day = CommunityPricingExample.day();
        List<String> members = CommunityPricingExample.members(day);
        standalone = CommunityDispatches.standalone(day, members);
        optimised = CommunityDispatches.optimised(day, members);
        baseline = new GridOnly().bill(standalone);
        rows = CommunityPricingExample.outcomes(standalone, optimised, baseline);
    }

    @Test
    void everyRuleConservesMoney() {
        for (RuleOutcome o : rows) {
            CommunityBills b = o.bills();
            double tolerance = (b.rule().equals(OptimisationPrices.NAME) ? GameTolerances.OPTIMISATION_RESIDUAL
                    : GameTolerances.MONEY_CONSERVED) * Math.max(1, b.grossMoney());
            assertThat(Math.abs(b.imbalance())).as("%s on %s", b.rule(), b.dispatch().source()).isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void theOptimisationsTotalIsTheLeastAndNoRuleBeatsIt() {
        double optimum = new OptimisationPrices().bill(optimised).totalCost();
        double tolerance = GameTolerances.OPTIMISATION_RESIDUAL * Math.max(1, baseline.grossMoney());
        for (RuleOutcome o : rows) {
            CommunityBills b = o.bills();
            assertThat(optimum).as("%s on %s", b.rule(), b.dispatch().source()).isLessThanOrEqualTo(b.totalCost() + tolerance);
            assertThat(b.totalCost()).isLessThanOrEqualTo(baseline.totalCost() + tolerance);
            if (b.dispatch() == optimised) {
                assertThat(b.totalCost()).as(b.rule()).isCloseTo(optimum, within(tolerance));
            }
        }
        // The optimisation's saving is the largest total saving in the table.
        double best = rows.stream().mapToDouble(RuleOutcome::totalSaving).max().orElseThrow();
        assertThat(baseline.totalCost() - optimum).isCloseTo(best, within(tolerance));
        assertThat(best).isGreaterThan(1.0);
    }

    @Test
    void nobodyLosesAtTheOptimisationsPricesNorUnderSdrOrMmrOnTheirOwnDispatch() {
        for (RuleOutcome o : rows) {
            String rule = o.bills().rule();
            boolean standaloneSdrOrMmr = o.bills().dispatch() == standalone && (rule.equals("sdr") || rule.equals("mmr"));
            if (rule.equals(OptimisationPrices.NAME) || standaloneSdrOrMmr || rule.equals(GridOnly.NAME)) {
                assertThat(o.losers()).as("%s on %s", rule, o.bills().dispatch().source()).isEmpty();
            }
        }
        assertThat(rows.get(0).totalSaving()).isZero();
        assertThat(rows.get(0).selfConsumption()).isZero();
    }
}
