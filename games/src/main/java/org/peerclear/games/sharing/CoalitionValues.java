package org.peerclear.games.sharing;

/**
 * The value of every coalition of a small game, as an array indexed by coalition mask (bit i:
 * player i), computed once for the exact methods (Shapley value, nucleolus, core check).
 *
 * <p>Coalitions are visited in Gray-code order, so that each step adds or removes one player
 * and an incremental evaluator (a market game's aggregate curve, a warm-started clearing) does
 * one update per coalition. The order is cut into blocks of {@value #BLOCK} coalitions, each
 * evaluated from an empty coalition by its own evaluator, in parallel on a fixed number of
 * threads: the blocks do not depend on the thread count, so neither do the values.
 */
public final class CoalitionValues {
    /**
     * Largest number of players for which every coalition is evaluated: 2^24 values (128 MB of
     * doubles, and as many coalition evaluations) is the most the exact methods take.
     */
    public static final int MAX_PLAYERS = 24;

    /** Coalitions per block of the Gray-code order: each block is one task with its own evaluator. */
    static final int BLOCK = 1 << 10;

    private CoalitionValues() {
    }

    /**
     * v(S) for every mask S, {@code v[0] = 0}.
     *
     * @param game    the game, at most {@value #MAX_PLAYERS} players
     * @param threads the number of threads, at least 1; the values do not depend on it
     * @return {@code 2^n} values indexed by mask
     * @throws IllegalArgumentException if the game has more than {@value #MAX_PLAYERS} players or {@code threads < 1}
     */
    public static double[] of(Game game, int threads) {
        int n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("the value of every coalition of " + n + " players is 2^" + n
                    + " evaluations: at most " + MAX_PLAYERS + " players (use sampled Shapley for more)");
        }
        int total = 1 << n;
        double[] v = new double[total];
        int blocks = Math.max(1, total / BLOCK);
        int size = Math.min(total, BLOCK);
        Parallel.run(blocks, threads, b -> walk(game, b * size, size, v));
        v[0] = 0.0;
        return v;
    }

    /** Gray codes {@code from .. from + count - 1}: the first built from empty, each next one toggle. */
    private static void walk(Game game, int from, int count, double[] v) {
        Coalition c = game.coalition();
        int mask = from ^ (from >>> 1);
        for (int m = mask; m != 0; m &= m - 1) {
            c.add(Integer.numberOfTrailingZeros(m));
        }
        v[mask] = c.value();
        for (int g = from + 1; g < from + count; g++) {
            int player = Integer.numberOfTrailingZeros(g);
            mask ^= 1 << player;
            if ((mask & (1 << player)) != 0) {
                c.add(player);
            } else {
                c.remove(player);
            }
            v[mask] = c.value();
        }
    }
}
