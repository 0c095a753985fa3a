package org.peerclear.clearing.admm;

import java.util.Optional;
import java.util.OptionalDouble;
import org.peerclear.index.MarketIndex;
import org.peerclear.options.OptionSpec;
import org.peerclear.result.ClearingResult;

/**
 * Options of the consensus-ADMM clearing ({@link AdmmClearing}). Immutable and self-validating;
 * each {@code with...} returns a validated copy. Pass them with
 * {@code ClearingOptions.withMethodOptions(AdmmOptions)}. The options a user sets by name
 * ({@code admm.*}) are validated by their specs here, so Java, a case file and the command line
 * meet one rule and one message.
 *
 * <ul>
 *   <li>{@code rho > 0}: penalty, in price per unit of energy squared. By default chosen from the
 *       data ({@link #rhoFromData(MarketIndex)}: a third of the median asset curvature);
 *       {@link #withRho(double)} sets it, and {@link #rho()} is then the value used (1, the
 *       published setting, in {@link #DEFAULT}, where it is not used).</li>
 *   <li>{@code polish}: recompute a converged point exactly from its active set (on by default;
 *       see {@code AdmmClearing}).</li>
 *   <li>{@code alpha ∈ (0, 2)}: over-relaxation; 1 is the published algorithm.</li>
 *   <li>{@code eps > 0} and {@code stopping}: {@link Stopping#PAPER} stops when
 *       {@code r ≤ eps} and {@code s ≤ eps} (sums of squares over directed arcs, as published:
 *       {@code r = Σ (t_nm + t_mn)²}, {@code s = Σ (t_nm^k − t_nm^{k−1})²}; the trade
 *       preferences and fees gamma enter the local step only, as {@code gamma·|t|} in each
 *       agent's cost, never the residuals);
 *       {@link Stopping#RELATIVE} stops when the root-mean-square residuals are below
 *       {@code eps·(1 + rms t)} (primal) and {@code eps·(1 + rms lambda)} (dual, in price units)
 *       and the largest price dispersion is below {@code eps·(1 + max |lambda|)}.</li>
 *   <li>{@code maxIterations ≥ 1}, {@code threads ≥ 1}.</li>
 *   <li>Iterations are counted from 1 from the start {@code t = 0, lambda = 0}: iteration k is
 *       the k-th local step of every agent followed by the k-th price update, and the stopping
 *       rule is tested after that update, on the residuals of iteration k (s compares with the
 *       trades of iteration k − 1, the start's zeros for k = 1). A run reported as k iterations
 *       took k local steps; the start is not an iteration. (The published counts of the 50-agent
 *       case could not be consulted here: see the README's ADMM section.)</li>
 *   <li>{@code adaptiveRho}: residual balancing (Boyd et al. §3.4.1): every
 *       {@code adaptInterval} iterations rho is multiplied (divided) by {@code tau > 1} when the
 *       primal (dual) residual norm exceeds {@code mu > 1} times the other.</li>
 *   <li>{@code asyncFraction ∈ (0, 1]}: the share of agents updating at each round (1 is
 *       synchronous), drawn with {@code seed}.</li>
 *   <li>{@code progressInterval ≥ 1}: iterations between progress reports.</li>
 *   <li>{@code warmStart}: a previous result of the same market structure to start from.</li>
 *   <li>{@code refinements ≥ 0}: continuations at a smaller eps of a run whose point is not
 *       certified (see {@link #refinements()}).</li>
 *   <li>{@code recordHistory}: keep the residuals of every iteration in the result.</li>
 * </ul>
 */
public final class AdmmOptions {
    /** Stopping rules. */
    public enum Stopping { PAPER, RELATIVE }

    public static final OptionSpec<OptionalDouble> RHO = OptionSpec.positiveOrAuto("admm.rho", "price per energy squared",
            "ADMM penalty; auto: a third of the median asset curvature");
    public static final OptionSpec<Double> ALPHA = OptionSpec.number("admm.alpha", 1.0, 0, true, 2, true, "",
            "ADMM over-relaxation (1: the published algorithm)");
    public static final OptionSpec<Double> EPS = OptionSpec.number("admm.eps", 1e-4, 0, true, Double.POSITIVE_INFINITY, true, "",
            "ADMM stopping tolerance (see admm.stopping)");
    public static final OptionSpec<Integer> MAX_ITERATIONS = OptionSpec.integer("admm.maxIter", 100_000, 1, Integer.MAX_VALUE, "",
            "ADMM iteration limit; at it the run ends NOT_CONVERGED");
    public static final OptionSpec<Stopping> STOPPING = OptionSpec.choice("admm.stopping", Stopping.class, Stopping.PAPER,
            "ADMM stopping rule: paper (sums of squared residuals <= eps) or relative (scaled root-mean-square residuals and"
                    + " price dispersion <= eps)");
    public static final OptionSpec<Integer> THREADS = OptionSpec.integer("admm.threads", 1, 1, Integer.MAX_VALUE, "",
            "threads of ADMM's local steps");
    public static final OptionSpec<Boolean> ADAPTIVE_RHO = OptionSpec.bool("admm.adaptiveRho", false,
            "residual balancing: multiply or divide rho when one residual dominates the other");
    public static final OptionSpec<Double> ASYNC_FRACTION = OptionSpec.number("admm.asyncFraction", 1.0, 0, true, 1, false, "",
            "share of agents updating at each round (1: synchronous), drawn with admm.seed");
    public static final OptionSpec<Long> SEED = OptionSpec.anyLong("admm.seed", 0L, "seed of the asynchronous draws");
    public static final OptionSpec<Boolean> POLISH = OptionSpec.bool("admm.polish", true,
            "recompute a converged point exactly from its active set");
    public static final OptionSpec<Double> MU = OptionSpec.number("admm.mu", 10.0, 1, true, Double.POSITIVE_INFINITY, true, "",
            "residual balancing: act when one residual norm exceeds mu times the other (with admm.adaptiveRho)");
    public static final OptionSpec<Double> TAU = OptionSpec.number("admm.tau", 2.0, 1, true, Double.POSITIVE_INFINITY, true, "",
            "residual balancing: the factor rho is multiplied or divided by (with admm.adaptiveRho)");
    public static final OptionSpec<Integer> ADAPT_INTERVAL = OptionSpec.integer("admm.adaptInterval", 10, 1, Integer.MAX_VALUE,
            "", "residual balancing: iterations between two changes of rho (with admm.adaptiveRho)");
    public static final OptionSpec<Integer> REFINEMENTS = OptionSpec.integer("admm.refinements", 0, 0, Integer.MAX_VALUE, "",
            "continuations at a 100 times smaller eps of a run that stopped at a point not certified optimal");
    public static final OptionSpec<Integer> PROGRESS_INTERVAL = OptionSpec.integer("admm.progressInterval", 100, 1,
            Integer.MAX_VALUE, "", "iterations between two progress reports");

    /**
     * The published algorithm (no over-relaxation, paper rule at 1e-4, one thread, synchronous)
     * with rho chosen from the data and the polish on: the specs' defaults. Its rho, 1 (the
     * published setting), is not used while rho is chosen from the data.
     */
    public static final AdmmOptions DEFAULT = new AdmmOptions(1.0, ALPHA.defaultValue(), EPS.defaultValue(),
            MAX_ITERATIONS.defaultValue(), STOPPING.defaultValue(), THREADS.defaultValue(), ADAPTIVE_RHO.defaultValue(),
            MU.defaultValue(), TAU.defaultValue(), ADAPT_INTERVAL.defaultValue(), ASYNC_FRACTION.defaultValue(),
            SEED.defaultValue(), PROGRESS_INTERVAL.defaultValue(), null, RHO.defaultValue().isEmpty(), POLISH.defaultValue(),
            REFINEMENTS.defaultValue(), false);

    private final double rho;
    private final double alpha;
    private final double eps;
    private final int maxIterations;
    private final Stopping stopping;
    private final int threads;
    private final boolean adaptiveRho;
    private final double mu;
    private final double tau;
    private final int adaptInterval;
    private final double asyncFraction;
    private final long seed;
    private final int progressInterval;
    private final ClearingResult warmStart;
    private final boolean rhoFromData;
    private final boolean polish;
    private final int refinements;
    private final boolean recordHistory;

    private AdmmOptions(double rho, double alpha, double eps, int maxIterations, Stopping stopping, int threads,
                        boolean adaptiveRho, double mu, double tau, int adaptInterval, double asyncFraction, long seed,
                        int progressInterval, ClearingResult warmStart, boolean rhoFromData, boolean polish, int refinements,
                        boolean recordHistory) {
        RHO.validate(OptionalDouble.of(rho));
        ALPHA.validate(alpha);
        EPS.validate(eps);
        MAX_ITERATIONS.validate(maxIterations);
        STOPPING.validate(stopping);
        THREADS.validate(threads);
        ASYNC_FRACTION.validate(asyncFraction);
        MU.validate(mu);
        TAU.validate(tau);
        ADAPT_INTERVAL.validate(adaptInterval);
        PROGRESS_INTERVAL.validate(progressInterval);
        REFINEMENTS.validate(refinements);
        this.rho = rho;
        this.alpha = alpha;
        this.eps = eps;
        this.maxIterations = maxIterations;
        this.stopping = stopping;
        this.threads = threads;
        this.adaptiveRho = adaptiveRho;
        this.mu = mu;
        this.tau = tau;
        this.adaptInterval = adaptInterval;
        this.asyncFraction = asyncFraction;
        this.seed = seed;
        this.progressInterval = progressInterval;
        this.warmStart = warmStart;
        this.rhoFromData = rhoFromData;
        this.polish = polish;
        this.refinements = refinements;
        this.recordHistory = recordHistory;
    }

    private AdmmOptions copy(double rho, double alpha, double eps, int maxIterations, Stopping stopping, int threads,
                             boolean adaptiveRho, double mu, double tau, int adaptInterval, double asyncFraction,
                             long seed, int progressInterval) {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, rhoFromData, polish, refinements, recordHistory);
    }

    public double rho() {
        return rho;
    }

    public double alpha() {
        return alpha;
    }

    public double eps() {
        return eps;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public Stopping stopping() {
        return stopping;
    }

    public int threads() {
        return threads;
    }

    public boolean adaptiveRho() {
        return adaptiveRho;
    }

    public double mu() {
        return mu;
    }

    public double tau() {
        return tau;
    }

    public int adaptInterval() {
        return adaptInterval;
    }

    public double asyncFraction() {
        return asyncFraction;
    }

    public long seed() {
        return seed;
    }

    public int progressInterval() {
        return progressInterval;
    }

    /** An explicit rho (and so no longer {@link #rhoFromData()}). */
    public AdmmOptions withRho(double v) {
        return new AdmmOptions(v, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, false, polish, refinements, recordHistory);
    }

    public AdmmOptions withAlpha(double v) {
        return copy(rho, v, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    public AdmmOptions withEps(double v) {
        return copy(rho, alpha, v, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    public AdmmOptions withMaxIterations(int v) {
        return copy(rho, alpha, eps, v, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    public AdmmOptions withStopping(Stopping v) {
        return copy(rho, alpha, eps, maxIterations, v, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    public AdmmOptions withThreads(int v) {
        return copy(rho, alpha, eps, maxIterations, stopping, v, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    /** Residual balancing on or off, with its factors {@code mu > 1} and {@code tau > 1}. */
    public AdmmOptions withAdaptiveRho(boolean on, double mu, double tau) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, on, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    public AdmmOptions withAdaptiveRho(boolean on) {
        return withAdaptiveRho(on, mu, tau);
    }

    public AdmmOptions withAdaptInterval(int v) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, v, asyncFraction, seed, progressInterval);
    }

    /** Asynchronous rounds: each agent updates with probability {@code fraction}, drawn from {@code seed}. */
    public AdmmOptions withAsync(double fraction, long seed) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, fraction, seed, progressInterval);
    }

    public AdmmOptions withProgressInterval(int v) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, v);
    }

    /** The result to start from, if any (see {@link #withWarmStart(ClearingResult)}). */
    public Optional<ClearingResult> warmStart() {
        return Optional.ofNullable(warmStart);
    }

    /**
     * Start from a previous result of a market with the same structure (agents, assets and arcs
     * in the same order), e.g. the previous market period; null for a cold start
     * ({@code t = 0}, {@code lambda = 0}). A result without a solution is an invalid value.
     */
    public AdmmOptions withWarmStart(ClearingResult previous) {
        if (previous != null && !previous.hasSolution()) {
            throw new IllegalArgumentException("Invalid value for parameter warmStart: a result with status "
                    + previous.status() + " has no solution to start from");
        }
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, previous, rhoFromData, polish, refinements, recordHistory);
    }

    /**
     * True (the default) when rho is chosen from the market's data ({@link #rhoFromData(MarketIndex)});
     * {@link #withRho(double)} sets it explicitly and turns this off.
     */
    public boolean rhoFromData() {
        return rhoFromData;
    }

    /** Whether a converged point is polished ({@code AdmmPolish}); on by default. */
    public boolean polish() {
        return polish;
    }

    public AdmmOptions withPolish(boolean on) {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, rhoFromData, on, refinements, recordHistory);
    }

    /**
     * How many times a run whose stopping rule held at a point that is not certified
     * {@code OPTIMAL} continues from its last iterate at a 100 times smaller eps (0, the
     * default: never). Used by method {@code auto}; the result's iterations and seconds cover
     * every run.
     */
    public int refinements() {
        return refinements;
    }

    public AdmmOptions withRefinements(int n) {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, rhoFromData, polish, n, recordHistory);
    }

    /**
     * Whether the result carries the residuals of every iteration ({@code ClearingResult.convergence()},
     * {@code convergence} in the result JSON); off by default, since a long run records many.
     */
    public boolean recordHistory() {
        return recordHistory;
    }

    public AdmmOptions withRecordHistory(boolean on) {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, rhoFromData, polish, refinements, on);
    }

    /** Back to rho chosen from the data. */
    public AdmmOptions withRhoFromData() {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, true, polish, refinements, recordHistory);
    }

    /**
     * The penalty chosen from the data: a third of the median curvature {@code a} of the
     * quadratic assets. rho is in price per unit of energy squared, like {@code a}, and the local
     * step balances an agent's assets (slope {@code 1/a}) against its trades (slope
     * {@code 1/rho} each): rho of the order of the agents' own curvature keeps both sides of that
     * balance and the two residuals comparable whatever the market's units. The factor 1/3 was
     * the best round figure over the generated markets (10-2,000 peers, sparse and complete, with
     * and without gamma), IEEE 14 with a grid and case33bw at the paper rule with eps 1e-8 (with rho
     * = 1, the published setting, some of them need 10-100 times more iterations). Without
     * quadratic assets: the spread of the linear prices over the median finite asset range, else 1.
     */
    public static double rhoFromData(MarketIndex ix) {
        double[] a = ix.a();
        double[] v = new double[a.length];
        int c = 0;
        for (double x : a) {
            if (x > 0) {
                v[c++] = x;
            }
        }
        if (c > 0) {
            java.util.Arrays.sort(v, 0, c);
            return v[c / 2] / 3.0;
        }
        double bMin = Double.POSITIVE_INFINITY;
        double bMax = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < a.length; s++) {
            bMin = Math.min(bMin, ix.b()[s]);
            bMax = Math.max(bMax, ix.b()[s]);
            double range = ix.pMax()[s] - ix.pMin()[s];
            if (Double.isFinite(range) && range > 0) {
                v[c++] = range;
            }
        }
        if (c == 0 || !(bMax > bMin)) {
            return 1.0;
        }
        java.util.Arrays.sort(v, 0, c);
        return (bMax - bMin) / v[c / 2];
    }

    public boolean isAsync() {
        return asyncFraction < 1.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdmmOptions x && x.toString().equals(toString()) && x.warmStart == warmStart;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "AdmmOptions{rho=" + rho + ", alpha=" + alpha + ", eps=" + eps + ", maxIterations=" + maxIterations
                + ", stopping=" + stopping + ", threads=" + threads + ", adaptiveRho=" + adaptiveRho
                + (adaptiveRho ? ", mu=" + mu + ", tau=" + tau + ", adaptInterval=" + adaptInterval : "")
                + ", asyncFraction=" + asyncFraction + (asyncFraction < 1 ? ", seed=" + seed : "")
                + ", progressInterval=" + progressInterval + (rhoFromData ? ", rhoFromData" : "") + (polish ? "" : ", polish=false")
                + (refinements > 0 ? ", refinements=" + refinements : "") + (recordHistory ? ", recordHistory" : "")
                + (warmStart != null ? ", warmStart=" + warmStart.method() : "") + "}";
    }
}
