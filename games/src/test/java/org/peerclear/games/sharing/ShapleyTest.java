package org.peerclear.games.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShapleyTest {
    private static final double EXACT = 1e-12;

    @Test
    void gloveGame() {
        // Player 0 (the left glove) contributes 1 whenever it comes after at least one right glove:
        // in 4 of the 6 orders (all but 0-1-2 and 0-2-1), so φ0 = 4/6 = 2/3. Player 1 contributes 1
        // only in the order 0-1-2 (it completes the pair), so φ1 = 1/6, and φ2 = 1/6 by symmetry.
        double[] phi = Shapley.exact(TextbookGames.glove(), 1);
        assertThat(phi[0]).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(phi[1]).isCloseTo(1.0 / 6, within(EXACT));
        assertThat(phi[2]).isCloseTo(1.0 / 6, within(EXACT));
    }

    @Test
    void talmudBankruptcyGame() {
        // Estate 200, claims 100, 200, 300: v(S) = max(0, 200 − claims outside S) is 0 except
        // v({1,2}) = 200 − 100 = 100 and v(N) = 200 (players 0, 1, 2). Marginals per order:
        // player 0 gains v(N) − v({1,2}) = 100 when last (orders 1-2-0, 2-1-0), else 0: φ0 = 200/6;
        // player 1 gains 200 when last after 0 and 2 (0-2-1, 2-0-1), 100 in 2-1-0, else 0: φ1 = 500/6;
        // φ2 = 200 − φ0 − φ1 = 500/6.
        double[] phi = Shapley.exact(TextbookGames.bankruptcy(200, 100, 200, 300), 1);
        assertThat(phi[0]).isCloseTo(200.0 / 6, within(1e-10));
        assertThat(phi[1]).isCloseTo(500.0 / 6, within(1e-10));
        assertThat(phi[2]).isCloseTo(500.0 / 6, within(1e-10));
    }

    @Test
    void efficiencyOnRandomGames() {
        for (long seed = 1; seed <= 5; seed++) {
            Game g = TextbookGames.random(9, seed);
            double[] phi = Shapley.exact(g, 2);
            assertThat(Arrays.stream(phi).sum()).isCloseTo(g.value((1L << 9) - 1), within(1e-12));
        }
    }

    @Test
    void symmetricPlayersGetTheSame() {
        // v depends on S only through whether each of players 0 and 1 is in it, symmetrically: swapping them
        // maps every coalition to one of the same value.
        Game base = TextbookGames.random(7, 11);
        Game g = Game.of(7, s -> {
            long swapped = (s & ~3L) | ((s & 1L) << 1) | ((s & 2L) >> 1);
            return 0.5 * (base.value(s) + base.value(swapped));
        });
        double[] phi = Shapley.exact(g, 1);
        assertThat(phi[0]).isCloseTo(phi[1], within(EXACT));
        assertThat(phi[0]).isNotCloseTo(phi[2], within(1e-3));
    }

    @Test
    void nullPlayerGetsNothing() {
        // Player 3 never changes a coalition's value: v(S) = u(S without player 3).
        Game base = TextbookGames.random(6, 3);
        Game g = Game.of(6, s -> base.value(s & ~(1L << 3)));
        double[] phi = Shapley.exact(g, 1);
        assertThat(phi[3]).isCloseTo(0.0, within(EXACT));
        assertThat(Arrays.stream(phi).sum()).isCloseTo(g.value(63), within(EXACT));
    }

    @Test
    void additiveAcrossGames() {
        Game u = TextbookGames.random(6, 4);
        Game w = TextbookGames.convex(6, 5);
        Game sum = Game.of(6, s -> u.value(s) + w.value(s));
        double[] a = Shapley.exact(u, 1);
        double[] b = Shapley.exact(w, 1);
        double[] c = Shapley.exact(sum, 1);
        for (int i = 0; i < 6; i++) {
            assertThat(c[i]).isCloseTo(a[i] + b[i], within(1e-11));
        }
    }

    @Test
    void exactRefusesMoreThanTheLimit() {
        Game big = Game.of(CoalitionValues.MAX_PLAYERS + 1, s -> 1.0);
        assertThatThrownBy(() -> Shapley.exact(big, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + CoalitionValues.MAX_PLAYERS + " players");
    }

    @Test
    void valuesDoNotDependOnThreads() {
        // More players than one block of the Gray-code order, so that several tasks run.
        Game g = TextbookGames.convex(12, 8);
        double[] one = CoalitionValues.of(g, 1);
        double[] three = CoalitionValues.of(g, 3);
        assertThat(three).containsExactly(one);
        for (int s = 0; s < one.length; s += 97) {
            assertThat(one[s]).isEqualTo(g.value(s));
        }
    }

    @Test
    void sampledIsEfficientAndDeterministicWhateverTheThreads() {
        Game g = TextbookGames.convex(10, 2);
        Shapley.Estimate a = Shapley.sampled(g, new Shapley.Sampling(200, 0.0, 42, 1));
        Shapley.Estimate b = Shapley.sampled(g, new Shapley.Sampling(200, 0.0, 42, 3));
        assertThat(b.values()).containsExactly(a.values());
        assertThat(b.standardErrors()).containsExactly(a.standardErrors());
        assertThat(a.samples()).isEqualTo(200);
        assertThat(Arrays.stream(a.values()).sum()).isCloseTo(g.value(1023), within(1e-10));
        Shapley.Estimate other = Shapley.sampled(g, new Shapley.Sampling(200, 0.0, 43, 1));
        assertThat(other.values()).isNotEqualTo(a.values());
    }

    @Test
    void sampledConvergesToExactAtTheRateOfItsStandardError() {
        Game g = TextbookGames.random(10, 6);
        double[] exact = Shapley.exact(g, 1);
        double previousSe = Double.NaN;
        for (long samples : new long[] {256, 4096, 65536}) {
            Shapley.Estimate e = Shapley.sampled(g, new Shapley.Sampling(samples, 0.0, 7, 2));
            double meanSe = Arrays.stream(e.standardErrors()).average().orElseThrow();
            for (int i = 0; i < 10; i++) {
                // Within 4.5 standard errors: each of the 10 players lies outside with probability ~1e-5.
                assertThat(Math.abs(e.values()[i] - exact[i])).as("player %d at %d samples", i, samples)
                        .isLessThanOrEqualTo(4.5 * e.standardErrors()[i]);
            }
            if (!Double.isNaN(previousSe)) {
                // 16 times the samples: the standard error shrinks by about 4 (1/sqrt(N)).
                assertThat(previousSe / meanSe).isBetween(3.2, 4.8);
            }
            previousSe = meanSe;
        }
    }

    @Test
    void antitheticPairsBeatIndependentPermutationsOnAConvexGame() {
        // Same number of permutations: the pairs' standard error against the spread of single orders, which
        // is what independent sampling would give. In a convex game a player's contribution grows with its
        // position, and the reverse order puts it at the mirror position.
        Game g = TextbookGames.convex(8, 9);
        Shapley.Estimate paired = Shapley.sampled(g, new Shapley.Sampling(4000, 0.0, 5, 1));
        double[] indepSe = independentStandardErrors(g, 4000, 5);
        for (int i = 0; i < 8; i++) {
            assertThat(paired.standardErrors()[i]).isLessThan(indepSe[i]);
        }
    }

    /** The standard errors of the same number of independent permutations (each of a pair's two alone). */
    private static double[] independentStandardErrors(Game g, int samples, long seed) {
        int n = g.players();
        int[] order = new int[n];
        double[] sum = new double[n];
        double[] sum2 = new double[n];
        Coalition c = g.coalition();
        for (int k = 0; k < samples; k++) {
            Shapley.permutation(seed, k, order);
            c.clear();
            double prev = 0.0;
            for (int p : order) {
                c.add(p);
                double v = c.value();
                sum[p] += v - prev;
                sum2[p] += (v - prev) * (v - prev);
                prev = v;
            }
        }
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = sum[i] / samples;
            se[i] = Math.sqrt((sum2[i] / samples - mean * mean) / (samples - 1));
        }
        return se;
    }

    @Test
    void stoppingRuleStopsAtTheTarget() {
        Game g = TextbookGames.convex(12, 3);
        Shapley.Estimate e = Shapley.sampled(g, new Shapley.Sampling(1_000_000, 0.01, 1, 2));
        assertThat(e.targetReached()).isTrue();
        assertThat(e.samples()).isLessThan(1_000_000);
        double mean = g.value((1L << 12) - 1) / 12;
        assertThat(Arrays.stream(e.standardErrors()).max().orElseThrow()).isLessThanOrEqualTo(0.01 * mean);
        Shapley.Estimate capped = Shapley.sampled(TextbookGames.random(12, 3), new Shapley.Sampling(64, 1e-6, 1, 2));
        assertThat(capped.targetReached()).isFalse();
        assertThat(capped.samples()).isEqualTo(64);
    }
}
