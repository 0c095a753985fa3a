package org.peerclear.games.nash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerclear.games.GameTolerances;

/** Bertrand–Edgeworth on D(p) = 10 − p, zero cost: the two pure regimes and the gap between them. */
class BertrandEdgeworthTest {
    private static final double EXACT = 1e-12;

    @Test
    void smallCapacitiesSellOutAtThePriceThatClearsThem() {
        BertrandEdgeworth game = new BertrandEdgeworth(10, 1, 0, 2, 2);
        BertrandEdgeworth.Equilibrium e = game.pureEquilibrium().orElseThrow();
        assertThat(e.regime()).isEqualTo(BertrandEdgeworth.Regime.CAPACITY_CONSTRAINED);
        assertThat(e.price()).isCloseTo(6, within(EXACT));
        assertThat(e.sales()).containsExactly(2.0, 2.0);
        double[] p = {6, 6};
        for (int i = 0; i < 2; i++) {
            assertThat(game.bestDeviationGain(i, p)).isLessThanOrEqualTo(GameTolerances.BEST_RESPONSE_GAIN);
        }
    }

    @Test
    void largeCapacitiesPriceAtCost() {
        BertrandEdgeworth game = new BertrandEdgeworth(10, 1, 0, 10, 12);
        BertrandEdgeworth.Equilibrium e = game.pureEquilibrium().orElseThrow();
        assertThat(e.regime()).isEqualTo(BertrandEdgeworth.Regime.COMPETITIVE);
        assertThat(e.price()).isZero();
        double[] p = {0, 0};
        for (int i = 0; i < 2; i++) {
            assertThat(game.bestDeviationGain(i, p)).isLessThanOrEqualTo(GameTolerances.BEST_RESPONSE_GAIN);
        }
    }

    @Test
    void inBetweenThereIsNoPureEquilibriumAndBothCandidatesFail() {
        BertrandEdgeworth game = new BertrandEdgeworth(10, 1, 0, 6, 6);
        assertThat(game.pureEquilibrium()).isEmpty();
        // At cost, a seller raises its price onto the residual demand 10 − 6 − p: p = 2 earns 4.
        assertThat(game.bestDeviationGain(0, new double[] {0, 0})).isCloseTo(4, within(EXACT));
        // At the monopoly price of the residual, the rival undercuts it.
        assertThat(game.bestDeviationGain(1, new double[] {2, 2})).isGreaterThan(GameTolerances.BEST_RESPONSE_GAIN);
    }

    @Test
    void efficientRationingServesTheCheapestFirst() {
        BertrandEdgeworth game = new BertrandEdgeworth(10, 1, 0, 3, 4);
        // At prices 5 and 6: seller 0 sells min(3, 5) = 3; seller 1 the rest of D(6) = 4: 1.
        assertThat(game.sales(new double[] {5, 6})).containsExactly(3.0, 1.0);
        // Tied at 8: D = 2 shared in proportion to capacity.
        assertThat(game.sales(new double[] {8, 8})[0]).isCloseTo(2 * 3.0 / 7, within(EXACT));
    }
}
