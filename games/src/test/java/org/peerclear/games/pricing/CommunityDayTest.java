package org.peerclear.games.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerclear.games.GameTolerances;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonMarket;

/**
 * The rules on a day of six households (PV on every other one, no storage) cleared period by
 * period: what is true of their totals against the optimisation and the baseline.
 */
class CommunityDayTest {
    private static HorizonMarket day;
    private static List<String> members;
    private static CommunityDispatch standalone;
    private static CommunityDispatch optimised;
    private static CommunityBills baseline;

    @BeforeAll
    static void clearTheDay() {
        day = HouseholdDayGenerator.generate(6, 24, 0, 0, BipartiteMarketGenerator.ALL_PARTNERS, 11);
        members = day.agents().stream().map(HorizonAgent::id).toList();
        standalone = CommunityDispatches.standalone(day, members);
        optimised = CommunityDispatches.optimised(day, members);
        baseline = new GridOnly().bill(standalone);
    }

    private static List<PricingRule> rules() {
        return List.of(new SupplyDemandRatio(), new MidMarketRate(), new BillSharing(BillSharing.Scope.PERIOD),
                new BillSharing(BillSharing.Scope.HORIZON));
    }

    @Test
    void everyRuleConservesMoneyOnBothDispatches() {
        for (CommunityDispatch d : List.of(standalone, optimised)) {
            for (PricingRule rule : rules()) {
                PricingRulesTest.assertConserved(rule.bill(d));
            }
        }
        PricingRulesTest.assertConserved(baseline);
    }

    @Test
    void theOptimisationsPricesLeaveTheManagerOnlyRounding() {
        CommunityBills opt = new OptimisationPrices().bill(optimised);
        assertThat(Math.abs(opt.imbalance())).isLessThanOrEqualTo(GameTolerances.OPTIMISATION_RESIDUAL * opt.grossMoney());
        // Each member best-responds to a price between the grid's two: nobody loses against the grid.
        assertThat(RuleOutcome.of(opt, baseline).losers()).isEmpty();
    }

    @Test
    void theOptimumCostsNoMoreThanAnyRuleAndAnyRuleNoMoreThanTheGridAlone() {
        double optimum = new OptimisationPrices().bill(optimised).totalCost();
        double scale = GameTolerances.OPTIMISATION_RESIDUAL * Math.max(1, baseline.grossMoney());
        for (PricingRule rule : rules()) {
            double onStandalone = rule.bill(standalone).totalCost();
            double onOptimised = rule.bill(optimised).totalCost();
            // The rules price a given dispatch: on the standalone one they netted positions chosen
            // for the grid, which the optimum can only improve on.
            assertThat(optimum).as(rule.name()).isLessThanOrEqualTo(onStandalone + scale);
            // Netting behind one meter never costs more than each member alone with the grid.
            assertThat(onStandalone).as(rule.name()).isLessThanOrEqualTo(baseline.totalCost() + scale);
            // On the optimised dispatch the rules only move money between members.
            assertThat(onOptimised).as(rule.name()).isCloseTo(optimum, org.assertj.core.api.Assertions.within(scale));
        }
        // The day has PV surplus at noon and deficit at night: sharing saves something.
        assertThat(baseline.totalCost() - optimum).isGreaterThan(0.01);
        assertThat(standalone.selfConsumption()).isBetween(0.01, 1.0);
        assertThat(optimised.selfConsumption()).isGreaterThanOrEqualTo(standalone.selfConsumption() - 1e-9);
    }

    @Test
    void everyRuleSavesTheSameTotalOnTheStandaloneDispatch() {
        double first = RuleOutcome.of(new SupplyDemandRatio().bill(standalone), baseline).totalSaving();
        for (PricingRule rule : rules()) {
            RuleOutcome outcome = RuleOutcome.of(rule.bill(standalone), baseline);
            assertThat(outcome.totalSaving()).as(rule.name()).isCloseTo(first,
                    org.assertj.core.api.Assertions.within(GameTolerances.MONEY_CONSERVED * baseline.grossMoney()));
            assertThat(outcome.minSaving()).isLessThanOrEqualTo(outcome.maxSaving());
        }
        // SDR and MMR price every trade between the grid's two prices: nobody loses on the same dispatch.
        assertThat(RuleOutcome.of(new SupplyDemandRatio().bill(standalone), baseline).losers()).isEmpty();
        assertThat(RuleOutcome.of(new MidMarketRate().bill(standalone), baseline).losers()).isEmpty();
    }

    @Test
    void aHorizonWithStorageIsRefused() {
        HorizonMarket withBatteries = HouseholdDayGenerator.generate(4, 24, 2, 0, BipartiteMarketGenerator.ALL_PARTNERS, 1);
        assertThatThrownBy(() -> CommunityDispatches.standalone(withBatteries, List.of("h0", "h1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("couple its periods");
    }
}
