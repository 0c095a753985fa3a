package org.peerclear.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.opt.Status;

/**
 * The market certificate on the analytic two-agent optimum: it holds there, with a zero gap,
 * and fails, naming the culprit, on every kind of corruption of that result.
 */
class ResultVerifierTest {
    /** Exact arithmetic on small integers: the analytic gap is 0 up to a few roundings. */
    private static final double EXACT = 1e-12;

    @Test
    void theAnalyticOptimumPassesWithAZeroGap() {
        ClearingResult r = TwoAgentMarket.optimum();
        Verification v = r.verify();
        assertThat(v.passes()).as(v.toString()).isTrue();
        assertThat(v.primalFeasible()).isTrue();
        assertThat(v.gapChecked()).isTrue();
        assertThat(v.relativeGap()).isLessThanOrEqualTo(EXACT);
        assertThat(r.objective()).isCloseTo(TwoAgentMarket.OBJECTIVE, within(EXACT));
    }

    @Test
    void theDualObjectiveIsTheAnalyticOne() {
        ClearingResult r = TwoAgentMarket.optimum();
        // seller: min ½p² + 4p − 5p on [0, 60] = −½ at p = 1; buyer: min ½p² + 8p − 7p on [−30, 0] = −½ at p = −1.
        DualityGap g = DualityGap.of(r.index(), r.assetPowerArray(), r.tradeArray(), r.agentPriceArray(), r.tradePriceArray(), 0.0);
        assertThat(g.dualObjective()).isCloseTo(-1.0, within(EXACT));
        assertThat(g.objective()).isCloseTo(-1.0, within(EXACT));
        // |4.5| + |−7.5| + 1 + 1
        assertThat(g.grossCost()).isCloseTo(14.0, within(EXACT));
    }

    @Test
    void aPerturbedPriceFailsNamingTheAssetAndTheAgent() {
        ClearingResult r = TwoAgentMarket.optimum((p, t, mu, lambda) -> mu[0] += 0.01);
        Verification v = r.verify();
        assertThat(v.passes()).isFalse();
        assertThat(v.primalFeasible()).isTrue();
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("asset seller.gen").contains("agent seller"));
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("arc seller->buyer"));
    }

    @Test
    void aPerturbedBilateralPriceFailsNamingTheArc() {
        ClearingResult r = TwoAgentMarket.optimum((p, t, mu, lambda) -> lambda[1] += 0.01);
        Verification v = r.verify();
        assertThat(v.passes()).isFalse();
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("arc seller->buyer").contains("two directions"));
    }

    @Test
    void aPerturbedTradeFailsPrimalFeasibilityNamingTheArcAndTheAgent() {
        ClearingResult r = TwoAgentMarket.optimum((p, t, mu, lambda) -> t[0] += 0.01);
        Verification v = r.verify();
        assertThat(v.passes()).isFalse();
        assertThat(v.primalFeasible()).isFalse();
        assertThat(v.reciprocityResidual()).isCloseTo(0.01, within(EXACT));
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("arc seller->buyer").contains("mirror trade"));
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("agent seller").contains("more than it trades"));
    }

    @Test
    void aPerturbedSetPointFailsBalanceNamingTheAgent() {
        ClearingResult r = TwoAgentMarket.optimum((p, t, mu, lambda) -> p[1] -= 0.01);
        Verification v = r.verify();
        assertThat(v.primalFeasible()).isFalse();
        assertThat(v.balanceResidual()).isCloseTo(0.01, within(EXACT));
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("agent buyer"));
    }

    @Test
    void aSetPointOutsideItsBoundsFailsNamingTheAsset() {
        ClearingResult r = TwoAgentMarket.optimum((p, t, mu, lambda) -> {
            p[1] = 0.5;
            t[1] = 0.5;
            t[0] = -0.5;
            p[0] = -0.5;
        });
        Verification v = r.verify();
        assertThat(v.primalFeasible()).isFalse();
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("asset seller.gen").contains("outside [0.0, 60.0]"));
    }

    @Test
    void aNanSetPointIsAViolationNotAPass() {
        ClearingResult r = TwoAgentMarket.optimum((p, t, mu, lambda) -> p[0] = Double.NaN);
        assertThat(r.verify().passes()).isFalse();
        assertThat(r.verify().primalFeasible()).isFalse();
    }

    /**
     * The gap on its own: all four prices shifted by 0.001 keep every arc consistent and move
     * each asset's marginal-cost relation by 0.001, inside loose pointwise tolerances, while the
     * dual objective drops by 0.001²/2 per asset (its minimiser moves to p ± 0.001): a gap of
     * 1e-6, caught by a gap tolerance of 1e-9 (relative to the gross cost 14), which names the
     * largest term.
     */
    @Test
    void theGapAloneCatchesPricesThatArePointwiseWithinLooseTolerances() {
        ClearingResult r = TwoAgentMarket.optimum((p, t, mu, lambda) -> {
            for (int i = 0; i < 2; i++) {
                mu[i] += 0.001;
                lambda[i] += 0.001;
            }
        });
        ResultVerifier.Tolerances loose = new ResultVerifier.Tolerances(1e-2, 1e-2, 1e-9);
        Verification v = r.verify(loose);
        assertThat(v.passes()).isFalse();
        assertThat(v.violationCount()).isEqualTo(1);
        assertThat(v.violations().get(0)).contains("objective gap").contains("asset");
        // The gap itself: each asset's share is (f'(p) − mu)²/(2a) = 0.001²/2, twice.
        assertThat(v.relativeGap() * 14.0).isCloseTo(1e-6, within(1e-12));
        assertThat(r.verify(new ResultVerifier.Tolerances(1e-2, 1e-2, 1e-6)).passes()).isTrue();
    }

    @Test
    void theGroundedMarketWithAnIdleUnlimitedGridPasses() {
        ClearingResult r = TwoAgentMarket.optimumWithIdleGrid(6.0);
        Verification v = r.verify();
        assertThat(v.passes()).as(v.toString()).isTrue();
        assertThat(v.relativeGap()).isLessThanOrEqualTo(EXACT);
    }

    @Test
    void aGridPriceAboveItsUnlimitedImportPriceHasNoFiniteDualObjective() {
        // The grid sells without limit at 10: a price of 10.5 makes selling more worth it without
        // bound, so the dual objective is −∞; the verifier names the import asset.
        ClearingResult r = TwoAgentMarket.optimumWithIdleGrid(10.5);
        Verification v = r.verify();
        assertThat(v.passes()).isFalse();
        assertThat(v.relativeGap()).isInfinite();
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("asset grid.import"));
        assertThat(v.violations()).anySatisfy(s -> assertThat(s).contains("objective gap"));
    }

    @Test
    void theMinimumOverABoundedOrHalfInfiniteIntervalIsExact() {
        double inf = Double.POSITIVE_INFINITY;
        // Quadratic: interior minimiser −c/a, clamped minimiser at a bound, unlimited sides harmless.
        assertThat(DualityGap.minimum(2, -4, -inf, inf, 0)).isEqualTo(-4.0);
        assertThat(DualityGap.minimum(2, -4, 0, 1, 0)).isEqualTo(-3.0);
        // Linear: the bound the slope points to, 0 for a zero slope.
        assertThat(DualityGap.minimum(0, 3, -2, 5, 0)).isEqualTo(-6.0);
        assertThat(DualityGap.minimum(0, -3, -2, 5, 0)).isEqualTo(-15.0);
        assertThat(DualityGap.minimum(0, 0, -inf, inf, 0)).isEqualTo(0.0);
        // Linear towards an unlimited side: −∞, unless within the tolerance (then the nearest dual-feasible price).
        assertThat(DualityGap.minimum(0, -1, 0, inf, 1e-6)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(DualityGap.minimum(0, 1, -inf, 0, 1e-6)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(DualityGap.minimum(0, -1e-9, 0, inf, 1e-6)).isEqualTo(0.0);
        assertThat(DualityGap.minimum(0, 1e-9, -inf, 0, 1e-6)).isEqualTo(0.0);
        // Linear away from the unlimited side: the finite bound.
        assertThat(DualityGap.minimum(0, 1, 0, inf, 0)).isEqualTo(0.0);
        assertThat(DualityGap.minimum(0, 2, 3, inf, 0)).isEqualTo(6.0);
    }

    @Test
    void aResultWithoutASolutionHasNothingToVerify() {
        ClearingResult r = IndexedResults.builder(TwoAgentMarket.market(), org.peerclear.index.MarketIndex.of(TwoAgentMarket.market()))
                .status(Status.NUMERICAL_ERROR, "residuals ...").build();
        assertThat(r.verify().passes()).isFalse();
        assertThat(r.verify().primalFeasible()).isFalse();
    }

    @Test
    void aTimeLimitResultCarriesItsPointAndARebuiltResultKeepsEverything() {
        ClearingResult r = TwoAgentMarket.optimum().toBuilder().status(Status.TIME_LIMIT, "stopped").note("a note").build();
        assertThat(r.hasSolution()).isTrue();
        assertThat(r.trade("seller", "buyer")).isEqualTo(TwoAgentMarket.TRADE);
        assertThat(r.notes()).containsExactly("a note");
        ClearingResult dropped = r.toBuilder().status(Status.NUMERICAL_ERROR, "no").build();
        assertThat(dropped.hasSolution()).isFalse();
        assertThatThrownBy(dropped::agents).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tolerancesOutsideTheUnitIntervalAreRefused() {
        for (double[] t : List.of(new double[] {0, 1e-6, 1e-6}, new double[] {1e-6, 1.5, 1e-6}, new double[] {1e-6, 1e-6, Double.NaN})) {
            assertThatThrownBy(() -> new ResultVerifier.Tolerances(t[0], t[1], t[2]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerances");
        }
    }
}
