package org.peerclear.clearing.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.Status;

/**
 * A horizon on a complete trade graph solved on the pairs that trade, the others priced out,
 * against the whole problem on the same back-end, and the pricing catching a pair that gains.
 */
class PairPricingTest {
    /** The certificate's relative gap: two certified optima agree at least this well. */
    private static final double GAP = 1e-6;

    private static Horizon day() {
        return Horizons.of(HouseholdDayGenerator.generate(16, 24, 4, 3, BipartiteMarketGenerator.ALL_PARTNERS, 5));
    }

    @Test
    void pricingOutIdlePairsGivesTheWholeProblemsOptimumAndItsPrices() {
        Horizon h = day();
        HorizonResult priced = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
        HorizonResult whole = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
        assertThat(priced.status()).as(priced.message()).isEqualTo(Status.OPTIMAL);
        assertThat(whole.status()).as(whole.message()).isEqualTo(Status.OPTIMAL);
        assertThat(priced.message()).contains("priced out");
        assertThat(whole.message()).doesNotContain("priced out");
        assertThat(priced.objective()).isCloseTo(whole.objective(), within(GAP * Math.abs(whole.objective())));
        MarketIndex ix = h.periods().get(0);
        int[] from = ix.from();
        int[] to = ix.to();
        double[] gamma = ix.gamma();
        double priceTol = 1e-6 * HorizonClearing.scales(h).price();
        for (int t = 0; t < h.length(); t++) {
            assertThat(priced.trades()[t]).hasSize(ix.numArcs());
            double[] mu = priced.agentPrices()[t];
            for (int k = 0; k < ix.numArcs(); k++) {
                // Every arc, traded or priced out, has a bilateral price its agent's price reaches within the fee.
                assertThat(Math.abs(priced.tradePrices()[t][k] - mu[from[k]])).as("arc %d period %d", k, t)
                        .isLessThanOrEqualTo(gamma[k] + priceTol);
                assertThat(priced.trades()[t][k]).isCloseTo(-priced.trades()[t][MarketIndex.mirror(k)], within(1e-9));
            }
        }
        assertThat(ix.numPairs()).isGreaterThan(100);
    }

    @Test
    void thePricingMarksAPairLeftOutWhosePricesDifferByMoreThanItsFees() {
        Horizon h = day();
        HorizonResult r = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
        MarketIndex ix = h.periods().get(0);
        double tol = 1e-6 * HorizonClearing.scales(h).price();
        // The pairs idle in every period: left out, they must all price out.
        boolean[] keep = new boolean[ix.numPairs()];
        int idle = -1;
        for (int j = 0; j < keep.length; j++) {
            for (double[] trades : r.trades()) {
                keep[j] |= trades[2 * j] != 0.0;
            }
            if (!keep[j] && !ix.isGridLeg(ix.from()[2 * j]) && !ix.isGridLeg(ix.to()[2 * j])) {
                idle = j;
            }
        }
        assertThat(idle).isNotNegative();
        boolean[] kept = keep.clone();
        assertThat(PairPricing.price(r, kept, ix, tol)).isLessThanOrEqualTo(tol);
        assertThat(kept).isEqualTo(keep);

        // Corrupted: one idle pair's sellers' price drops by its fees and 0.01 in period 12: it now gains 0.01.
        int n = ix.from()[2 * idle];
        int m = ix.to()[2 * idle];
        double[][] mu = new double[r.agentPrices().length][];
        for (int t = 0; t < mu.length; t++) {
            mu[t] = r.agentPrices()[t].clone();
        }
        double fees = ix.gamma()[2 * idle] + ix.gamma()[2 * idle + 1];
        mu[12][n] = mu[12][m] - fees - 0.01;
        HorizonResult corrupted = new HorizonResult(r.status(), r.message(), r.solver(), r.objective(), r.seconds(),
                r.assetPower(), r.trades(), mu, r.tradePrices(), r.energy(), r.charge(), r.discharge(),
                r.agentNetworkPrices(), r.network());
        kept = keep.clone();
        assertThat(PairPricing.price(corrupted, kept, ix, tol)).isGreaterThanOrEqualTo(0.01 - 1e-12);
        // n's best pair joins (this one, or another that gains as much from n's new price).
        boolean joined = false;
        for (int j = 0; j < kept.length; j++) {
            joined |= kept[j] && !keep[j] && (ix.from()[2 * j] == n || ix.to()[2 * j] == n);
        }
        assertThat(joined).isTrue();
    }
}
