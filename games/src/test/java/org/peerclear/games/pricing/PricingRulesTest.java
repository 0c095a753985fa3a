package org.peerclear.games.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.games.GameTolerances;

/** The rules' formulas on hand-made dispatches: prices, bills and money conservation. */
class PricingRulesTest {
    private static final double EXACT = 1e-12;
    private static final double IMPORT = 0.30;
    private static final double EXPORT = 0.10;

    /**
     * Three members over three periods of 1 h: a deficit (supply 2, demand 4), a surplus (supply
     * 6, demand 2) and a balance (supply 3, demand 3).
     */
    private static CommunityDispatch threePeriods() {
        double[][] net = {
            {2, 6, 3},
            {-1, -2, -1},
            {-3, 0, -2},
        };
        return CommunityDispatch.of("hand", List.of("a", "b", "c"), new double[] {IMPORT, IMPORT, IMPORT},
                new double[] {EXPORT, EXPORT, EXPORT}, net, new double[3][3]);
    }

    @Test
    void supplyDemandRatioFollowsLiusFormulaAndItsLimits() {
        SupplyDemandRatio sdr = new SupplyDemandRatio();
        // SDR = 0.5: sell = 0.3·0.1 / (0.2·0.5 + 0.1) = 0.15; buy = 0.15·0.5 + 0.3·0.5 = 0.225.
        InternalPrices half = sdr.prices(2, 4, IMPORT, EXPORT);
        assertThat(half.sell()).isCloseTo(0.15, within(EXACT));
        assertThat(half.buy()).isCloseTo(0.225, within(EXACT));
        // No supply: the import price; balance or surplus: the export price on both sides.
        assertThat(sdr.prices(0, 4, IMPORT, EXPORT).buy()).isCloseTo(IMPORT, within(EXACT));
        assertThat(sdr.prices(1e-12, 4, IMPORT, EXPORT).sell()).isCloseTo(IMPORT, within(1e-9));
        assertThat(sdr.prices(4, 4, IMPORT, EXPORT)).isEqualTo(new InternalPrices(EXPORT, EXPORT));
        assertThat(sdr.prices(6, 2, IMPORT, EXPORT)).isEqualTo(new InternalPrices(EXPORT, EXPORT));
        assertThat(sdr.prices(3, 0, IMPORT, EXPORT)).isEqualTo(new InternalPrices(EXPORT, EXPORT));
        // Continuous at SDR = 1 and the prices fall as supply grows.
        InternalPrices nearOne = sdr.prices(4 - 1e-9, 4, IMPORT, EXPORT);
        assertThat(nearOne.sell()).isCloseTo(EXPORT, within(1e-9));
        assertThat(nearOne.buy()).isCloseTo(EXPORT, within(1e-9));
        assertThat(sdr.prices(1, 4, IMPORT, EXPORT).sell()).isGreaterThan(half.sell());
        // With a zero export price sellers get nothing once there is any supply.
        assertThat(sdr.prices(2, 4, IMPORT, 0.0).sell()).isZero();
        assertThatThrownBy(() -> sdr.prices(2, 4, IMPORT, -0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("export price >= 0");
    }

    @Test
    void midMarketRateChargesTheGridTradeToTheSideThatCausesIt() {
        MidMarketRate mmr = new MidMarketRate();
        // Deficit: sellers get 0.2, buyers pay (0.2·2 + 0.3·2) / 4 = 0.25.
        assertThat(mmr.prices(2, 4, IMPORT, EXPORT).sell()).isCloseTo(0.2, within(EXACT));
        assertThat(mmr.prices(2, 4, IMPORT, EXPORT).buy()).isCloseTo(0.25, within(EXACT));
        // Surplus: buyers pay 0.2, sellers get (0.2·2 + 0.1·4) / 6.
        assertThat(mmr.prices(6, 2, IMPORT, EXPORT).buy()).isCloseTo(0.2, within(EXACT));
        assertThat(mmr.prices(6, 2, IMPORT, EXPORT).sell()).isCloseTo(0.8 / 6, within(EXACT));
        assertThat(mmr.prices(3, 3, IMPORT, EXPORT).buy()).isCloseTo(0.2, within(EXACT));
        assertThat(mmr.prices(3, 3, IMPORT, EXPORT).sell()).isCloseTo(0.2, within(EXACT));
    }

    @Test
    void billSharingSplitsTheImportCostAmongBuyersAndTheExportRevenueAmongSellers() {
        CommunityBills bills = new BillSharing(BillSharing.Scope.PERIOD).bill(threePeriods());
        // Period 0: import 2 kWh at 0.3 = 0.6 shared by b (1) and c (3); the seller a gets nothing.
        assertThat(bills.bill(0, 0)).isZero();
        assertThat(bills.bill(1, 0)).isCloseTo(0.15, within(EXACT));
        assertThat(bills.bill(2, 0)).isCloseTo(0.45, within(EXACT));
        // Period 1: export 4 kWh at 0.1 = 0.4, all to a; b draws for free.
        assertThat(bills.bill(0, 1)).isCloseTo(-0.4, within(EXACT));
        assertThat(bills.bill(1, 1)).isZero();
        // Period 2: balanced, nobody pays anything.
        assertThat(bills.bill(0, 2)).isZero();
        assertThat(bills.bill(2, 2)).isZero();
    }

    @Test
    void billSharingOverTheHorizonConservesMoneyOverTheHorizonOnly() {
        CommunityBills bills = new BillSharing(BillSharing.Scope.HORIZON).bill(threePeriods());
        assertThat(bills.rule()).isEqualTo("bill-sharing-horizon");
        // One price for the horizon: 0.6 over demand 4 + 2 + 3 = 9; 0.4 over supply 2 + 6 + 3 = 11.
        assertThat(bills.buyPrice(0)).isCloseTo(0.6 / 9, within(EXACT));
        assertThat(bills.sellPrice(2)).isCloseTo(0.4 / 11, within(EXACT));
        assertThat(Math.abs(bills.imbalance(0))).isGreaterThan(0.1);
        assertConserved(bills);
    }

    @Test
    void everyCommunityRuleConservesMoneyInEveryPeriod() {
        CommunityDispatch d = threePeriods();
        for (PricingRule rule : List.of(new SupplyDemandRatio(), new MidMarketRate(), new BillSharing(BillSharing.Scope.PERIOD),
                new GridOnly())) {
            CommunityBills bills = rule.bill(d);
            for (int t = 0; t < d.periods(); t++) {
                assertThat(Math.abs(bills.imbalance(t))).as("%s, period %d", rule.name(), t)
                        .isLessThanOrEqualTo(GameTolerances.MONEY_CONSERVED * Math.max(1, bills.grossMoney()));
            }
            assertConserved(bills);
        }
        // The community's grid bill: 0.3·2 − 0.1·4 + 0 = 0.2; alone, the members pay 0.3·9 − 0.1·11 = 1.6.
        assertThat(new SupplyDemandRatio().bill(d).gridBill()).isCloseTo(0.2, within(EXACT));
        assertThat(new GridOnly().bill(d).gridBill()).isCloseTo(1.6, within(EXACT));
    }

    @Test
    void onTheSameDispatchNoRuleMakesAMemberLoseAgainstTheGridExceptBillSharing() {
        CommunityDispatch d = threePeriods();
        CommunityBills baseline = new GridOnly().bill(d);
        assertThat(RuleOutcome.of(new SupplyDemandRatio().bill(d), baseline).losers()).isEmpty();
        assertThat(RuleOutcome.of(new MidMarketRate().bill(d), baseline).losers()).isEmpty();
        // Bill sharing pays the seller a nothing for what its neighbours use: 0.1·(2 + 2 + 3) = 0.7 lost.
        RuleOutcome bs = RuleOutcome.of(new BillSharing(BillSharing.Scope.PERIOD).bill(d), baseline);
        assertThat(bs.losers()).containsExactly("a");
        assertThat(bs.saving(0)).isCloseTo(-0.7, within(EXACT));
        // The community saves the same in total whatever the rule: 1.6 − 0.2.
        assertThat(bs.totalSaving()).isCloseTo(1.4, within(EXACT));
        assertThat(RuleOutcome.of(new SupplyDemandRatio().bill(d), baseline).totalSaving()).isCloseTo(1.4, within(EXACT));
        assertThat(bs.selfConsumption()).isCloseTo((2.0 + 2 + 3) / 9, within(EXACT));
        assertThat(RuleOutcome.of(baseline, baseline).selfConsumption()).isZero();
    }

    @Test
    void theOptimisationsPricesNeedADispatchThatCarriesThem() {
        assertThatThrownBy(() -> new OptimisationPrices().bill(threePeriods())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member prices");
    }

    @Test
    void aDispatchRefusesMismatchedSizes() {
        assertThatThrownBy(() -> CommunityDispatch.of("x", List.of("a"), new double[] {0.3}, new double[] {0.1},
                new double[][] {{1, 2}}, new double[][] {{0}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one value per period");
        assertThatThrownBy(() -> CommunityDispatch.of("x", List.of("a"), new double[] {0.1}, new double[] {0.3},
                new double[][] {{1}}, new double[][] {{0}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("import >= export");
    }

    static void assertConserved(CommunityBills bills) {
        assertThat(Math.abs(bills.imbalance())).as("%s: bills minus grid bill", bills.rule())
                .isLessThanOrEqualTo(GameTolerances.MONEY_CONSERVED * Math.max(1, bills.grossMoney()));
    }
}
