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
 *
 * <p>Each named option's spec (its name, default, rule and description) is a constant here, e.g.
 * {@link #RHO} for {@code admm.rho}. A value that breaks its rule is an
 * {@link org.peerclear.options.InvalidOptionException} (an {@link IllegalArgumentException}) with the spec's message,
 * e.g. {@code invalid value '0' for option admm.rho: must be auto, or a finite number > 0}. The warm start and
 * the recording of the history have no name.
 */
public final class AdmmOptions {
    /** Stopping rules ({@code admm.stopping}); {@code eps} is {@link #eps()}. */
    public enum Stopping {
        /**
         * The published rule: {@code r ≤ eps} and {@code s ≤ eps}, the sums of squares of the primal and dual
         * residuals over directed arcs (energy squared). With asynchronous rounds the largest price dispersion
         * must also be at most {@code rho·√eps}, since agents that sat a round out add nothing to {@code s}.
         */
        PAPER,
        /**
         * Scaled: the root-mean-square residuals below {@code eps·(1 + rms t)} (primal) and
         * {@code eps·(1 + rms lambda)} (dual, in price units), and the largest price dispersion below
         * {@code eps·(1 + max |lambda|)}; {@code eps} is unitless.
         */
        RELATIVE
    }

    /**
     * {@code admm.rho}: the penalty, in price per unit of energy squared: a finite number {@code > 0}, or {@code auto}
     * (the default) to choose it from the market's data ({@link #rhoFromData(MarketIndex)}). From Java:
     * {@link #withRho(double)} and {@link #withRhoFromData()}.
     */
    public static final OptionSpec<OptionalDouble> RHO = OptionSpec.positiveOrAuto("admm.rho", "price per energy squared",
            "ADMM penalty; auto: a third of the median asset curvature");
    /** {@code admm.alpha}: the over-relaxation, a number in (0, 2); default 1, the published algorithm. */
    public static final OptionSpec<Double> ALPHA = OptionSpec.number("admm.alpha", 1.0, 0, true, 2, true, "",
            "ADMM over-relaxation (1: the published algorithm)");
    /**
     * {@code admm.eps}: the stopping tolerance, a finite number {@code > 0}; default 1e-4. Under the {@code paper}
     * rule it bounds the sums of squared residuals (energy squared), under {@code relative} it is unitless
     * ({@link Stopping}).
     */
    public static final OptionSpec<Double> EPS = OptionSpec.number("admm.eps", 1e-4, 0, true, Double.POSITIVE_INFINITY, true, "",
            "ADMM stopping tolerance (see admm.stopping)");
    /**
     * {@code admm.maxIter}: the iteration limit of one run (each refinement is a run of its own), an integer
     * {@code >= 1}; default 100,000. A run that reaches it ends {@code NOT_CONVERGED}.
     */
    public static final OptionSpec<Integer> MAX_ITERATIONS = OptionSpec.integer("admm.maxIter", 100_000, 1, Integer.MAX_VALUE, "",
            "ADMM iteration limit; at it the run ends NOT_CONVERGED");
    /** {@code admm.stopping}: the stopping rule, {@code paper} (the default) or {@code relative} ({@link Stopping}). */
    public static final OptionSpec<Stopping> STOPPING = OptionSpec.choice("admm.stopping", Stopping.class, Stopping.PAPER,
            "ADMM stopping rule: paper (sums of squared residuals <= eps) or relative (scaled root-mean-square residuals and"
                    + " price dispersion <= eps)");
    /**
     * {@code admm.threads}: threads of the agents' local steps, an integer {@code >= 1}; default 1. The iterates, and
     * so the result, are the same for any number; threads beyond the market's chunks of agents stay unused.
     */
    public static final OptionSpec<Integer> THREADS = OptionSpec.integer("admm.threads", 1, 1, Integer.MAX_VALUE, "",
            "threads of ADMM's local steps");
    /**
     * {@code admm.adaptiveRho}: residual balancing, {@code true} or {@code false}; default false. When on, every
     * {@code admm.adaptInterval} iterations rho is multiplied (divided) by {@code admm.tau} when the primal (dual)
     * residual norm exceeds {@code admm.mu} times the other.
     */
    public static final OptionSpec<Boolean> ADAPTIVE_RHO = OptionSpec.bool("admm.adaptiveRho", false,
            "residual balancing: multiply or divide rho when one residual dominates the other");
    /**
     * {@code admm.asyncFraction}: the share of agents updating at each round, a number in (0, 1]; default 1,
     * synchronous. Below 1 each agent takes part in a round with that probability, drawn from {@code admm.seed}.
     */
    public static final OptionSpec<Double> ASYNC_FRACTION = OptionSpec.number("admm.asyncFraction", 1.0, 0, true, 1, false, "",
            "share of agents updating at each round (1: synchronous), drawn with admm.seed");
    /**
     * {@code admm.seed}: the seed of the asynchronous draws, any 64-bit integer; default 0. Used only when
     * {@code admm.asyncFraction} is below 1; the draws do not depend on the number of threads.
     */
    public static final OptionSpec<Long> SEED = OptionSpec.anyLong("admm.seed", 0L, "seed of the asynchronous draws");
    /**
     * {@code admm.polish}: recompute a converged point exactly from its active set ({@code AdmmPolish}),
     * {@code true} or {@code false}; default true.
     */
    public static final OptionSpec<Boolean> POLISH = OptionSpec.bool("admm.polish", true,
            "recompute a converged point exactly from its active set");
    /**
     * {@code admm.mu}: residual balancing acts when one residual norm exceeds {@code mu} times the other; a finite
     * number {@code > 1}, default 10. Used only with {@code admm.adaptiveRho}.
     */
    public static final OptionSpec<Double> MU = OptionSpec.number("admm.mu", 10.0, 1, true, Double.POSITIVE_INFINITY, true, "",
            "residual balancing: act when one residual norm exceeds mu times the other (with admm.adaptiveRho)");
    /**
     * {@code admm.tau}: the factor residual balancing multiplies or divides rho by; a finite number {@code > 1},
     * default 2. Used only with {@code admm.adaptiveRho}.
     */
    public static final OptionSpec<Double> TAU = OptionSpec.number("admm.tau", 2.0, 1, true, Double.POSITIVE_INFINITY, true, "",
            "residual balancing: the factor rho is multiplied or divided by (with admm.adaptiveRho)");
    /**
     * {@code admm.adaptInterval}: iterations between two changes of rho by residual balancing, an integer {@code >= 1};
     * default 10. Used only with {@code admm.adaptiveRho}.
     */
    public static final OptionSpec<Integer> ADAPT_INTERVAL = OptionSpec.integer("admm.adaptInterval", 10, 1, Integer.MAX_VALUE,
            "", "residual balancing: iterations between two changes of rho (with admm.adaptiveRho)");
    /**
     * {@code admm.refinements}: how many times a run whose stopping rule held at a point not certified optimal
     * continues at a 100 times smaller eps, an integer {@code >= 0}; default 0, never (see {@link #refinements()}).
     */
    public static final OptionSpec<Integer> REFINEMENTS = OptionSpec.integer("admm.refinements", 0, 0, Integer.MAX_VALUE, "",
            "continuations at a 100 times smaller eps of a run that stopped at a point not certified optimal");
    /**
     * {@code admm.progressInterval}: iterations between two progress reports to the clear's
     * {@link org.peerclear.clearing.ProgressListener}, an integer {@code >= 1}; default 100. A report also comes when
     * the stopping rule holds and at the iteration limit.
     */
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

    /**
     * {@return the penalty, in price per unit of energy squared, finite and {@code > 0}: the one used when not
     * {@link #rhoFromData()} (1, unused, in {@link #DEFAULT})}
     */
    public double rho() {
        return rho;
    }

    /** {@return the over-relaxation {@code admm.alpha}, in (0, 2); 1 is the published algorithm} */
    public double alpha() {
        return alpha;
    }

    /**
     * {@return the stopping tolerance {@code admm.eps}, finite and {@code > 0}, in the units of the
     * {@link #stopping()} rule}
     */
    public double eps() {
        return eps;
    }

    /** {@return the iteration limit of one run, {@code admm.maxIter}, {@code >= 1}} */
    public int maxIterations() {
        return maxIterations;
    }

    /** {@return the stopping rule, {@code admm.stopping}; never null} */
    public Stopping stopping() {
        return stopping;
    }

    /** {@return the threads of the agents' local steps, {@code admm.threads}, {@code >= 1}} */
    public int threads() {
        return threads;
    }

    /** {@return {@code true} when residual balancing, {@code admm.adaptiveRho}, is on} */
    public boolean adaptiveRho() {
        return adaptiveRho;
    }

    /** {@return residual balancing's threshold ratio of the residual norms, {@code admm.mu}, {@code > 1}} */
    public double mu() {
        return mu;
    }

    /** {@return the factor residual balancing multiplies or divides rho by, {@code admm.tau}, {@code > 1}} */
    public double tau() {
        return tau;
    }

    /**
     * {@return the iterations between two changes of rho by residual balancing, {@code admm.adaptInterval},
     * {@code >= 1}}
     */
    public int adaptInterval() {
        return adaptInterval;
    }

    /** {@return the share of agents updating at each round, {@code admm.asyncFraction}, in (0, 1]; 1 is synchronous} */
    public double asyncFraction() {
        return asyncFraction;
    }

    /** {@return the seed of the asynchronous draws, {@code admm.seed}} */
    public long seed() {
        return seed;
    }

    /** {@return the iterations between two progress reports, {@code admm.progressInterval}, {@code >= 1}} */
    public int progressInterval() {
        return progressInterval;
    }

    /**
     * A copy with an explicit penalty ({@code admm.rho}), no longer chosen from the data: {@link #rhoFromData()} is
     * then false.
     *
     * @param v the penalty, in price per unit of energy squared: finite and {@code > 0}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v} is not finite and {@code > 0}, with {@code admm.rho}'s message
     */
    public AdmmOptions withRho(double v) {
        return new AdmmOptions(v, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, false, polish, refinements, recordHistory);
    }

    /**
     * A copy with another over-relaxation ({@code admm.alpha}).
     *
     * @param v in (0, 2); 1 is the published algorithm
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v} is outside (0, 2), with {@code admm.alpha}'s message
     */
    public AdmmOptions withAlpha(double v) {
        return copy(rho, v, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    /**
     * A copy with another stopping tolerance ({@code admm.eps}).
     *
     * @param v finite and {@code > 0}, in the units of the stopping rule ({@link Stopping})
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v} is not finite and {@code > 0}, with {@code admm.eps}'s message
     */
    public AdmmOptions withEps(double v) {
        return copy(rho, alpha, v, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    /**
     * A copy with another iteration limit of a run ({@code admm.maxIter}).
     *
     * @param v {@code >= 1}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v < 1}, with {@code admm.maxIter}'s message
     */
    public AdmmOptions withMaxIterations(int v) {
        return copy(rho, alpha, eps, v, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    /**
     * A copy with another stopping rule ({@code admm.stopping}).
     *
     * @param v the rule; not null
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v} is null, with {@code admm.stopping}'s message
     */
    public AdmmOptions withStopping(Stopping v) {
        return copy(rho, alpha, eps, maxIterations, v, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    /**
     * A copy with another number of threads for the local steps ({@code admm.threads}); the result does not depend
     * on it.
     *
     * @param v {@code >= 1}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v < 1}, with {@code admm.threads}'s message
     */
    public AdmmOptions withThreads(int v) {
        return copy(rho, alpha, eps, maxIterations, stopping, v, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    /**
     * A copy with residual balancing on or off ({@code admm.adaptiveRho}) and its factors ({@code admm.mu},
     * {@code admm.tau}), which are kept, and validated, even when it is off.
     *
     * @param on  {@code true} for residual balancing
     * @param mu  act when one residual norm exceeds {@code mu} times the other: finite and {@code > 1}
     * @param tau the factor rho is multiplied or divided by: finite and {@code > 1}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code mu} or {@code tau} is not finite and {@code > 1}, with
     *         {@code admm.mu}'s or {@code admm.tau}'s message
     */
    public AdmmOptions withAdaptiveRho(boolean on, double mu, double tau) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, on, mu, tau, adaptInterval, asyncFraction, seed, progressInterval);
    }

    /**
     * A copy with residual balancing on or off ({@code admm.adaptiveRho}), with this one's {@link #mu()} and
     * {@link #tau()}.
     *
     * @param on {@code true} for residual balancing
     * @return the copy
     */
    public AdmmOptions withAdaptiveRho(boolean on) {
        return withAdaptiveRho(on, mu, tau);
    }

    /**
     * A copy with another interval between two changes of rho by residual balancing ({@code admm.adaptInterval}).
     *
     * @param v iterations, {@code >= 1}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v < 1}, with {@code admm.adaptInterval}'s message
     */
    public AdmmOptions withAdaptInterval(int v) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, v, asyncFraction, seed, progressInterval);
    }

    /**
     * A copy with asynchronous rounds: at each round each agent updates with probability {@code fraction}, drawn
     * from {@code seed} ({@code admm.asyncFraction}, {@code admm.seed}).
     *
     * @param fraction in (0, 1]; 1 is synchronous
     * @param seed     the seed of the draws, any value
     * @return the validated copy
     * @throws IllegalArgumentException if {@code fraction} is outside (0, 1], with {@code admm.asyncFraction}'s message
     */
    public AdmmOptions withAsync(double fraction, long seed) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, fraction, seed, progressInterval);
    }

    /**
     * A copy with another interval between two progress reports ({@code admm.progressInterval}).
     *
     * @param v iterations, {@code >= 1}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v < 1}, with {@code admm.progressInterval}'s message
     */
    public AdmmOptions withProgressInterval(int v) {
        return copy(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval, asyncFraction, seed, v);
    }

    /** {@return the result to start from; empty for a cold start (see {@link #withWarmStart(ClearingResult)})} */
    public Optional<ClearingResult> warmStart() {
        return Optional.ofNullable(warmStart);
    }

    /**
     * A copy that starts from a previous result of a market with the same structure (the same agents, assets
     * and arcs, matched by id, in any order), e.g. the previous market period. It has no option name: a result is not a value a case file or
     * the command line can hold. A result of another structure is refused when the market is cleared.
     *
     * @param previous the result to start from; null for a cold start ({@code t = 0}, {@code lambda = 0})
     * @return the validated copy
     * @throws IllegalArgumentException if {@code previous} has no solution (its status is named in the message)
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
     * {@return {@code true} (the default) when rho is chosen from the market's data
     * ({@link #rhoFromData(MarketIndex)}), {@code admm.rho} {@code auto}; {@link #withRho(double)} sets it explicitly
     * and turns this off}
     */
    public boolean rhoFromData() {
        return rhoFromData;
    }

    /** {@return whether a converged point is polished ({@code AdmmPolish}), {@code admm.polish}; on by default} */
    public boolean polish() {
        return polish;
    }

    /**
     * A copy with the polish ({@code admm.polish}) on or off.
     *
     * @param on {@code true} to recompute a converged point exactly from its active set
     * @return the copy
     */
    public AdmmOptions withPolish(boolean on) {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, rhoFromData, on, refinements, recordHistory);
    }

    /**
     * How many times a run whose stopping rule held at a point that is not certified {@code OPTIMAL} continues from
     * its last iterate at a 100 times smaller eps ({@code admm.refinements}; 0, the default: never). Each continuation
     * has its own {@link #maxIterations()}; the result's iterations and seconds cover every run. Applies to method
     * {@code admm} and to the ADMM run of method {@code auto}.
     *
     * @return the number of refinements, {@code >= 0}
     */
    public int refinements() {
        return refinements;
    }

    /**
     * A copy with another number of refinements ({@code admm.refinements}).
     *
     * @param n {@code >= 0}; 0 for none
     * @return the validated copy
     * @throws IllegalArgumentException if {@code n < 0}, with {@code admm.refinements}'s message
     */
    public AdmmOptions withRefinements(int n) {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, rhoFromData, polish, n, recordHistory);
    }

    /**
     * {@return whether the result carries the residuals of every iteration ({@code ClearingResult.convergence()},
     * {@code convergence} in the result JSON); off by default, since a long run records many}
     */
    public boolean recordHistory() {
        return recordHistory;
    }

    /**
     * A copy that records the residuals of every iteration, or not. It has no option name (the command line asks for
     * it with its own flag).
     *
     * @param on {@code true} to keep the residuals of every iteration in the result
     * @return the copy
     */
    public AdmmOptions withRecordHistory(boolean on) {
        return new AdmmOptions(rho, alpha, eps, maxIterations, stopping, threads, adaptiveRho, mu, tau, adaptInterval,
                asyncFraction, seed, progressInterval, warmStart, rhoFromData, polish, refinements, on);
    }

    /**
     * A copy with rho chosen from the data again ({@link #rhoFromData(MarketIndex)}; {@code admm.rho} {@code auto}).
     * {@link #rho()} keeps its value, unused.
     *
     * @return the copy
     */
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
     *
     * @param ix the market's index
     * @return rho, in price per unit of energy squared, {@code > 0}
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

    /** {@return {@code true} when the rounds are asynchronous: {@link #asyncFraction()} below 1} */
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
