package org.peerclear.games.sharing;

import java.util.SplittableRandom;

/** Games with known solutions, and seeded random games, for the tests. */
final class TextbookGames {
    private TextbookGames() {
    }

    /**
     * The three-player glove game: player 0 holds a left glove, players 1 and 2 a right glove
     * each; a coalition is worth 1 per matched pair: v(S) = 1 when S holds player 0 and at least
     * one of 1, 2, else 0 (Shapley & Shubik's market games; the standard first example of the
     * core, e.g. Maschler, Solan &amp; Zamir, Game Theory, 2013).
     */
    static Game glove() {
        return Game.of(3, s -> (s & 1) != 0 && (s & 6) != 0 ? 1.0 : 0.0);
    }

    /**
     * The bankruptcy game of an estate E and claims d: a coalition gets what the others' claims
     * leave of the estate, {@code v(S) = max(0, E − Σ_{i ∉ S} d_i)} (O'Neill 1982; Aumann &amp;
     * Maschler 1985, whose nucleoli are the Talmud's divisions).
     */
    static Game bankruptcy(double estate, double... claims) {
        int n = claims.length;
        return Game.of(n, s -> {
            double others = 0.0;
            for (int i = 0; i < n; i++) {
                if ((s & (1L << i)) == 0) {
                    others += claims[i];
                }
            }
            return Math.max(0.0, estate - others);
        });
    }

    /**
     * A random convex game: {@code v(S) = w(S)^3 − Σ_{i ∈ S} w_i^3 + Σ_{i<j ∈ S} q_ij} with random
     * {@code w_i > 0} and {@code q_ij >= 0}: a convex function of a sum plus non-negative pair
     * terms, so a player's marginal contribution grows with the coalition (supermodular), and no
     * two players are symmetric. Convex, so its Shapley value is in its core (Shapley 1971). (Not
     * quadratic: for {@code w(S)^2} a permutation and its reverse would give every player the same
     * mean contribution, and antithetic sampling would be exact.)
     */
    static Game convex(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[n];
        double[][] pair = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 + rnd.nextDouble();
            for (int j = 0; j < i; j++) {
                pair[i][j] = rnd.nextDouble();
            }
        }
        return Game.of(n, s -> {
            double sum = 0.0;
            double squares = 0.0;
            double pairs = 0.0;
            for (int i = 0; i < n; i++) {
                if ((s & (1L << i)) != 0) {
                    sum += w[i];
                    squares += w[i] * w[i] * w[i];
                    for (int j = 0; j < i; j++) {
                        if ((s & (1L << j)) != 0) {
                            pairs += pair[i][j];
                        }
                    }
                }
            }
            return sum * sum * sum - squares + pairs;
        });
    }

    /** A game with random values on every coalition (not superadditive in general), {@code v(∅) = 0}. */
    static Game random(int n, long seed) {
        double[] v = new double[1 << n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int s = 1; s < v.length; s++) {
            v[s] = Long.bitCount(s) * rnd.nextDouble();
        }
        return Game.of(n, s -> v[(int) s]);
    }
}
