package org.peerclear.games.sharing;

import java.util.Arrays;
import org.peerclear.generate.SplitMix64;

/**
 * The Shapley value: each player's marginal contribution {@code v(S ∪ i) − v(S)} averaged over
 * the orders in which the grand coalition can form. Exactly, from every coalition's value
 * ({@link #exact}); or estimated by sampling orders ({@link #sampled}).
 *
 * <h2>Exact</h2>
 * {@code φ_i = Σ_{S ∌ i} |S|!(n−|S|−1)!/n! · (v(S ∪ i) − v(S))} over the {@code 2^n} values of
 * {@link CoalitionValues}: at most {@value CoalitionValues#MAX_PLAYERS} players.
 *
 * <h2>Sampled</h2>
 * Random permutations in antithetic pairs: a permutation and its reverse, whose marginal
 * contributions are negatively correlated (a player early in one is late in the other, and in a
 * savings game early contributions are small where late ones are large), so the pair's mean
 * varies less than two independent orders. The estimate is the mean over pairs of the pair's mean
 * contribution; its standard error per player is the pairs' standard deviation over the square
 * root of their number. Each permutation's contributions telescope to {@code v(N)}, so the
 * estimate is efficient whatever the sample.
 *
 * <p>Determinism: pair k's permutation is drawn from a generator seeded by the seed and k only;
 * pairs are evaluated in fixed blocks of {@value #PAIRS_PER_TASK} pairs, one task each, whose
 * running means and variances are merged in block order. The numbers depend on the seed and the
 * number of samples, not on the thread count.
 */
public final class Shapley {
    /** Pairs of permutations per task: each task walks its pairs with one evaluator. */
    static final int PAIRS_PER_TASK = 8;
    /** Tasks between two looks at the stopping rule (the rule is looked at once per round of tasks). */
    static final int TASKS_PER_ROUND = 8;
    /**
     * Fewest pairs before the stopping rule may stop the sampling: a standard error from fewer
     * pairs is itself too uncertain to trust.
     */
    public static final int MIN_PAIRS = 32;

    private Shapley() {
    }

    /**
     * The exact Shapley value.
     *
     * @param game    the game, at most {@value CoalitionValues#MAX_PLAYERS} players
     * @param threads the number of threads for the coalition values, at least 1
     * @return one value per player
     * @throws IllegalArgumentException if the game has too many players (naming the limit) or {@code threads < 1}
     */
    public static double[] exact(Game game, int threads) {
        return fromValues(game.players(), CoalitionValues.of(game, threads));
    }

    /**
     * The exact Shapley value from every coalition's value.
     *
     * @param n the number of players
     * @param v {@code 2^n} values indexed by mask, {@code v[0] = 0}
     * @return one value per player
     * @throws IllegalArgumentException if {@code v} does not have {@code 2^n} entries
     */
    public static double[] fromValues(int n, double[] v) {
        if (n < 1 || n > CoalitionValues.MAX_PLAYERS || v.length != 1 << n) {
            throw new IllegalArgumentException("need 2^n coalition values for 1 <= n <= " + CoalitionValues.MAX_PLAYERS + ", got "
                    + v.length + " for n = " + n);
        }
        double[] weight = weights(n);
        double[] phi = new double[n];
        int total = 1 << n;
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            double sum = 0.0;
            for (int s = 0; s < total; s++) {
                if ((s & bit) == 0) {
                    sum += weight[Integer.bitCount(s)] * (v[s | bit] - v[s]);
                }
            }
            phi[i] = sum;
        }
        return phi;
    }

    /** {@code w[s] = s!(n−s−1)!/n! = 1/(n·C(n−1, s))}, from the binomials, which are exact in a double here. */
    static double[] weights(int n) {
        double[] w = new double[n];
        double binomial = 1.0;
        for (int s = 0; s < n; s++) {
            w[s] = 1.0 / (n * binomial);
            binomial = binomial * (n - 1 - s) / (s + 1);
        }
        return w;
    }

    /**
     * The sampling settings.
     *
     * @param samples           permutations to draw (rounded up to an even number: antithetic pairs), or the most to
     *                          draw when {@code targetRelativeError > 0}; at least 2
     * @param targetRelativeError stop once every player's standard error is at most this times the mean allocation
     *                          {@code |v(N)|/n} (checked every {@value #TASKS_PER_ROUND}·{@value #PAIRS_PER_TASK}
     *                          pairs, after at least {@value #MIN_PAIRS}); 0 to draw exactly {@code samples}
     * @param seed              the generator's seed
     * @param threads           the number of threads, at least 1; the estimate does not depend on it
     */
    public record Sampling(long samples, double targetRelativeError, long seed, int threads) {
        /**
         * Validates the settings.
         *
         * @param samples             at least 2
         * @param targetRelativeError {@code >= 0}, finite
         * @param seed                any value
         * @param threads             at least 1
         * @throws IllegalArgumentException if a setting is out of range
         */
        public Sampling {
            if (samples < 2) {
                throw new IllegalArgumentException("samples must be >= 2 (a permutation and its reverse), got " + samples);
            }
            if (!(targetRelativeError >= 0) || Double.isInfinite(targetRelativeError)) {
                throw new IllegalArgumentException("targetRelativeError must be a finite number >= 0, got " + targetRelativeError);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }
    }

    /**
     * A sampled Shapley value.
     *
     * @param values         the estimate per player (summing to v(N))
     * @param standardErrors the standard error per player
     * @param samples        the permutations drawn (twice the pairs)
     * @param targetReached  whether the stopping rule's target was met ({@code false} without a target)
     */
    public record Estimate(double[] values, double[] standardErrors, long samples, boolean targetReached) {
    }

    /**
     * The Shapley value estimated from antithetic pairs of random permutations (see class comment).
     *
     * @param game     the game, any number of players
     * @param sampling how many permutations, the stopping rule, the seed and the threads
     * @return the estimate with its standard errors
     */
    public static Estimate sampled(Game game, Sampling sampling) {
        int n = game.players();
        long maxPairs = (sampling.samples() + 1) / 2;
        boolean stopping = sampling.targetRelativeError() > 0;
        Block total = new Block(n);
        double grand = Double.NaN;
        long pairs = 0;
        boolean reached = false;
        try (Parallel parallel = new Parallel(sampling.threads())) {
            while (pairs < maxPairs) {
                long roundPairs = Math.min(maxPairs - pairs, (long) TASKS_PER_ROUND * PAIRS_PER_TASK);
                int tasks = (int) ((roundPairs + PAIRS_PER_TASK - 1) / PAIRS_PER_TASK);
                Block[] blocks = new Block[tasks];
                long first = pairs;
                parallel.run(tasks, t -> {
                    long from = first + (long) t * PAIRS_PER_TASK;
                    long to = Math.min(first + roundPairs, from + PAIRS_PER_TASK);
                    blocks[t] = walkPairs(game, sampling.seed(), from, to);
                });
                for (Block b : blocks) {
                    total.merge(b);
                    grand = b.grand;
                }
                pairs += roundPairs;
                if (stopping && pairs >= MIN_PAIRS) {
                    double target = sampling.targetRelativeError() * Math.abs(grand) / n;
                    if (total.maxStandardError() <= target) {
                        reached = true;
                        break;
                    }
                }
            }
        }
        return new Estimate(total.mean.clone(), total.standardErrors(), 2 * pairs, reached);
    }

    /** Pairs {@code from .. to − 1}: a permutation and its reverse each, their mean contribution per player. */
    private static Block walkPairs(Game game, long seed, long from, long to) {
        int n = game.players();
        Coalition c = game.coalition();
        int[] order = new int[n];
        double[] forward = new double[n];
        double[] pairMean = new double[n];
        Block block = new Block(n);
        for (long k = from; k < to; k++) {
            permutation(seed, k, order);
            block.grand = marginals(c, order, false, forward);
            marginals(c, order, true, pairMean);
            for (int i = 0; i < n; i++) {
                pairMean[i] = 0.5 * (forward[i] + pairMean[i]);
            }
            block.add(pairMean);
        }
        return block;
    }

    /** Adds the players in order (reversed when asked) to an empty coalition; returns v(N). */
    private static double marginals(Coalition c, int[] order, boolean reverse, double[] out) {
        c.clear();
        double previous = 0.0;
        int n = order.length;
        for (int k = 0; k < n; k++) {
            int player = order[reverse ? n - 1 - k : k];
            c.add(player);
            double value = c.value();
            out[player] = value - previous;
            previous = value;
        }
        return previous;
    }

    /** Pair k's permutation: Fisher–Yates on a generator seeded by the seed and k alone. */
    static void permutation(long seed, long k, int[] order) {
        SplitMix64 rnd = new SplitMix64(mix(seed ^ mix(k + 0x632BE59BD9B4E019L)));
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** SplitMix64's finaliser: spreads a counter over all 64 bits, so that neighbouring pairs' streams are unrelated. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Running means and sums of squared deviations per player (Welford), mergeable in a fixed order (Chan et al.). */
    private static final class Block {
        final double[] mean;
        final double[] m2;
        long count;
        double grand;

        Block(int n) {
            mean = new double[n];
            m2 = new double[n];
        }

        void add(double[] y) {
            count++;
            for (int i = 0; i < y.length; i++) {
                double d = y[i] - mean[i];
                mean[i] += d / count;
                m2[i] += d * (y[i] - mean[i]);
            }
        }

        void merge(Block o) {
            if (o.count == 0) {
                return;
            }
            long total = count + o.count;
            for (int i = 0; i < mean.length; i++) {
                double d = o.mean[i] - mean[i];
                mean[i] += d * o.count / total;
                m2[i] += o.m2[i] + d * d * ((double) count * o.count / total);
            }
            count = total;
        }

        double[] standardErrors() {
            double[] se = new double[mean.length];
            if (count < 2) {
                Arrays.fill(se, Double.NaN);
                return se;
            }
            for (int i = 0; i < se.length; i++) {
                se[i] = Math.sqrt(m2[i] / (count - 1) / count);
            }
            return se;
        }

        double maxStandardError() {
            double worst = 0.0;
            for (double s : standardErrors()) {
                worst = Math.max(worst, s);
            }
            return worst;
        }
    }
}
