package org.peerclear.clearing.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerclear.clearing.Markets;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.result.ResultVerifier;

/**
 * The piece's derivative {@link Piece#respond} against the exact market solve itself: within a
 * piece the buses' injections are affine in the network prices, so a small price move must
 * change them by exactly {@code H·dpi} (to rounding). Checked on a market whose trees keep
 * their balance and on one whose trees the grid pins; and shown to fail when the derivative is
 * wrong (a tree's balance ignored).
 */
class PieceTest {
    private static final int BUSES = 5;
    /** Small enough to stay within the piece, large enough for the solve's rounding. */
    private static final double STEP = 1e-7;

    @Test
    void theResponseIsTheSolvesDerivativeWhereTreesKeepTheirBalance() {
        Market m = BipartiteMarketGenerator.generate(60, 4, 11L, null, null);
        assertThat(worstMismatch(MarketIndex.of(m), false)).isLessThan(1e-6);
    }

    @Test
    void theResponseIsTheSolvesDerivativeWhereTheGridPinsTrees() {
        Market m = Markets.ieee14("p2p", new Grid(null, 70, 40), 18.5);
        assertThat(worstMismatch(MarketIndex.of(m), false)).isLessThan(1e-6);
    }

    @Test
    void aDerivativeThatIgnoresTheTreesBalanceIsCaught() {
        Market m = BipartiteMarketGenerator.generate(60, 4, 11L, null, null);
        assertThat(worstMismatch(MarketIndex.of(m), true)).isGreaterThan(1e-2);
    }

    /**
     * The largest relative gap between the finite difference of the buses' injections and the
     * piece's response, over a move of each bus's price in turn; {@code naive}: the derivative of
     * free assets alone (as if every tree were pinned off the buses), a wrong one.
     */
    private static double worstMismatch(MarketIndex ix, boolean naive) {
        int[] assetBus = new int[ix.numAssets()];
        for (int s = 0; s < assetBus.length; s++) {
            int n = ix.assetOwner()[s];
            assetBus[s] = ix.isGridLeg(n) ? -1 : n % BUSES;
        }
        ForestSolver base = solve(ix, new double[BUSES], assetBus);
        double scaleP = ResultVerifier.scales(ix).power();
        Piece piece = Piece.of(ix, base, assetBus, scaleP);
        assertThat(piece).isNotNull();
        double[] p0 = busPower(base, assetBus);
        double worst = 0;
        for (int q = 0; q < BUSES; q++) {
            double[] dpi = new double[BUSES];
            dpi[q] = STEP;
            double[] predicted = new double[BUSES];
            if (naive) {
                for (int s = 0; s < assetBus.length; s++) {
                    double p = base.assetPower()[s];
                    boolean free = ix.a()[s] > 0 && p > ix.pMin()[s] + 1e-9 && p < ix.pMax()[s] - 1e-9;
                    if (free && assetBus[s] >= 0) {
                        predicted[assetBus[s]] += dpi[assetBus[s]] / ix.a()[s];
                    }
                }
            } else {
                piece.respond(dpi, predicted);
            }
            double[] p1 = busPower(solve(ix, dpi, assetBus), assetBus);
            double scale = 0;
            for (int b = 0; b < BUSES; b++) {
                scale = Math.max(scale, Math.abs(predicted[b]));
            }
            assertThat(scale).as("a price move at bus " + q + " moves something").isPositive();
            for (int b = 0; b < BUSES; b++) {
                worst = Math.max(worst, Math.abs((p1[b] - p0[b]) - predicted[b]) / scale);
            }
        }
        return worst;
    }

    private static ForestSolver solve(MarketIndex ix, double[] pi, int[] assetBus) {
        double[] b = ix.b().clone();
        for (int s = 0; s < b.length; s++) {
            if (assetBus[s] >= 0) {
                b[s] -= pi[assetBus[s]];
            }
        }
        ForestSolver f = new ForestSolver(ix.withLinearCosts(b));
        assertThat(f.solve(FlowSolver.MAX_ROUNDS)).as(f.failure()).isTrue();
        return f;
    }

    private static double[] busPower(ForestSolver f, int[] assetBus) {
        double[] p = new double[BUSES];
        for (int s = 0; s < assetBus.length; s++) {
            if (assetBus[s] >= 0) {
                p[assetBus[s]] += f.assetPower()[s];
            }
        }
        return p;
    }
}
