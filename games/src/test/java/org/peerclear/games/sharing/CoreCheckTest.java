package org.peerclear.games.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CoreCheckTest {
    @Test
    void gloveShapleyIsOutsideTheCoreAndTheNucleolusInside() {
        Game g = TextbookGames.glove();
        double[] v = CoalitionValues.of(g, 1);
        // Shapley (2/3, 1/6, 1/6): the pair {0, 1} is worth 1 but gets 5/6; so does {0, 2}.
        CoreCheck shapley = CoreCheck.exact(3, v, new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6});
        assertThat(shapley.status()).isEqualTo(CoreCheck.Status.NOT_IN_CORE);
        assertThat(shapley.inCore()).contains(false);
        assertThat(shapley.worstExcess()).isCloseTo(-1.0 / 6, within(1e-12));
        assertThat(shapley.worst()).containsAnyOf(1, 2).contains(0).hasSize(2);
        CoreCheck nucleolus = CoreCheck.exact(3, v, new double[] {1, 0, 0});
        assertThat(nucleolus.status()).isEqualTo(CoreCheck.Status.IN_CORE);
        assertThat(nucleolus.inCore()).contains(true);
        assertThat(nucleolus.exact()).isTrue();
    }

    @Test
    void aCorruptedAllocationIsCaught() {
        // A convex game's Shapley value is in the core. Moving all of player 3's share and 1 % of v(N) more to
        // player 7 leaves player 3 below what it gets alone (v({3}) = 0 here), and every coalition holding 3 but
        // not 7 lost as much: the checker must name one of them.
        int n = 10;
        Game g = TextbookGames.convex(n, 4);
        double[] v = CoalitionValues.of(g, 1);
        double[] x = Shapley.fromValues(n, v);
        assertThat(CoreCheck.exact(n, v, x).status()).isEqualTo(CoreCheck.Status.IN_CORE);
        assertThat(v[1 << 3]).isEqualTo(0.0);
        double moved = x[3] + 0.01 * v[v.length - 1];
        double[] bad = x.clone();
        bad[3] -= moved;
        bad[7] += moved;
        CoreCheck c = CoreCheck.exact(n, v, bad);
        assertThat(c.status()).isEqualTo(CoreCheck.Status.NOT_IN_CORE);
        assertThat(c.worstExcess()).isLessThan(0);
        assertThat(c.worst()).contains(3).doesNotContain(7);
        // The excess it reports is the coalition's.
        long mask = 0;
        double xs = 0;
        for (int i : c.worst()) {
            mask |= 1L << i;
            xs += bad[i];
        }
        assertThat(c.worstExcess()).isCloseTo(xs - v[(int) mask], within(1e-12));
        // A violation below the tolerance (1e-9 of v(N)) is rounding, not a block.
        double[] nearly = x.clone();
        double slack = c.worstExcess();
        nearly[3] -= 1e-12 * v[v.length - 1];
        nearly[7] += 1e-12 * v[v.length - 1];
        assertThat(CoreCheck.exact(n, v, nearly).status()).as("slack %g", slack).isEqualTo(CoreCheck.Status.IN_CORE);
    }

    @Test
    void searchFindsABlockingCoalitionInALargeGameAndClaimsNothingOtherwise() {
        // 40 players: no exact check. The Shapley value of this convex game (estimated closely) is in the core;
        // a corrupted one takes 10 % of v(N) from players 0..4 and gives it to player 39.
        int n = 40;
        Game g = TextbookGames.convex(n, 12);
        double grand = SavingsSharing.grandValue(g);
        double[] x = Shapley.sampled(g, new Shapley.Sampling(400, 0.0, 3, 2)).values();
        CoreCheck fine = CoreCheck.search(g, x, grand, 4, 1, 2);
        assertThat(fine.status()).isEqualTo(CoreCheck.Status.NO_BLOCKING_COALITION_FOUND);
        assertThat(fine.inCore()).isEmpty();
        assertThat(fine.exact()).isFalse();
        double[] bad = x.clone();
        for (int i = 0; i < 5; i++) {
            bad[i] -= 0.02 * grand;
        }
        bad[39] += 0.1 * grand;
        CoreCheck caught = CoreCheck.search(g, bad, grand, 4, 1, 2);
        assertThat(caught.status()).isEqualTo(CoreCheck.Status.NOT_IN_CORE);
        assertThat(caught.inCore()).contains(false);
        assertThat(caught.worst()).doesNotContain(39);
        long mask = 0;
        double xs = 0;
        for (int i : caught.worst()) {
            mask |= 1L << i;
            xs += bad[i];
        }
        assertThat(caught.worstExcess()).isCloseTo(xs - g.value(mask), within(1e-9 * grand));
        assertThat(caught.worstExcess()).isLessThan(-1e-9 * grand);
        // The same answer with one thread.
        assertThat(CoreCheck.search(g, bad, grand, 4, 1, 1)).isEqualTo(caught);
        assertThat(Arrays.stream(bad).sum()).isCloseTo(grand, within(1e-9 * grand));
    }
}
