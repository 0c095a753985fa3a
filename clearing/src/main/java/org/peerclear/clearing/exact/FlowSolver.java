package org.peerclear.clearing.exact;

import org.peerclear.clearing.DecayEstimate;
import org.peerclear.clearing.NumericalTolerances;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.Status;
import org.peerclear.result.ResultVerifier;

/**
 * PeerClear's own solver of the unified market without a network: exact, pure Java, specialised
 * to the market's structure (a convex-cost network flow, solved by {@link ForestSolver}). It
 * returns the point in the result's terms: asset set-points, trades and bilateral prices per
 * arc, agent prices. Its status is a claim for the caller to certify.
 */
public final class FlowSolver {
    /** The name results report as their solver. */
    public static final String NAME = "flow";

    /**
     * From this many agents on, on a sparse market ({@link #ADMM_START_MAX_PAIRS_PER_AGENT}), the
     * ascent starts from the caller's {@link PriceGuess} (ADMM's approximate prices). Measured on
     * generated markets × 10 partners, whole solve, cold start vs ADMM start: 10,000 agents 0.63
     * vs 0.95 s, 20,000 1.85 vs 1.31 s, 30,000 2.54 vs 2.03 s, 60,000 8.1 vs 4.9 s, 100,000 15.3 vs 10.5 s; complete markets are
     * faster cold (1,000 agents 0.35 vs 4.8 s: ADMM is slow on dense graphs).
     */
    static final int ADMM_START_FROM_AGENTS = 15_000;
    static final int ADMM_START_MAX_PAIRS_PER_AGENT = 20;

    /** A guard: the ascent ends by itself, but rounding could in principle keep it going. */
    static final int MAX_ROUNDS = 100_000;

    /**
     * What the solver found: a point for OPTIMAL and TIME_LIMIT, none otherwise. With rows, also
     * the network price per bus and the rows' multipliers ({@link BusRows}); null without.
     *
     * @param status         the solver's claim: {@code OPTIMAL}, {@code TIME_LIMIT} (with its best point),
     *                       {@code INFEASIBLE}, {@code UNBOUNDED} or {@code NOT_CONVERGED}
     * @param message        the rounds and steps taken, or why it failed
     * @param rounds         the ascent's rounds (with rows: the network steps)
     * @param assetPower     set-points in index order, power unit ({@code > 0} injects); null without a point
     * @param trades         a trade per directed arc, power unit ({@code > 0}: the arc's from-agent sells); null
     *                       without a point
     * @param agentPrices    a price per agent, currency per unit of power for one period (NaN for an agent with neither assets nor
     *                       arcs); with rows, without the network component; null without a point
     * @param tradePrices    a bilateral price per directed arc, both directions of a pair alike, currency per unit
     *                       energy; null without a point
     * @param busPrices      the network price per bus of the rows, currency per unit of power for one period; null without rows
     * @param rowMultipliers a multiplier per row ({@code >= 0} at the lower bound, {@code <= 0} at the upper);
     *                       null without rows
     */
    public record Outcome(Status status, String message, int rounds, double[] assetPower,
                          double[] trades, double[] agentPrices, double[] tradePrices,
                          double[] busPrices, double[] rowMultipliers) {
        static Outcome without(Status status, String message, int rounds) {
            return new Outcome(status, message, rounds, null, null, null, null, null, null);
        }
    }

    /**
     * Told every few rounds: the round (with rows: the network step), the largest imbalance of a
     * tree (with rows: the largest row violation, in multiples of its tolerance), and an estimate of the rounds (steps) left,
     * NaN when unknown ({@link org.peerclear.clearing.DecayEstimate}).
     */
    public interface Listener {
        /**
         * One report.
         *
         * @param round    the round (with rows: the network step)
         * @param residual the largest imbalance of a tree, power unit (with rows: the largest row violation, in
         *                 multiples of its tolerance)
         * @param left     the estimated rounds (steps) left; NaN when unknown
         */
        void round(int round, double residual, double left);
    }

    private FlowSolver() {
    }

    /**
     * Solves the market of {@code ix} (no network rows), from its own start.
     *
     * @param ix            the market's index; infeasible and unbounded markets are reported as such
     * @param deadlineNanos a {@link System#nanoTime()} after which it stops with {@code TIME_LIMIT}; 0 for none
     * @param listener      told every few rounds; null for none
     * @return the outcome, a claim for the caller to certify
     */
    public static Outcome solve(MarketIndex ix, long deadlineNanos, Listener listener) {
        return solve(ix, (double[]) null, deadlineNanos, listener);
    }

    /**
     * As {@link #solve(MarketIndex, long, Listener)}, from the given agent prices ({@link FlowStart})
     * instead of its own start when {@code start} is not null.
     *
     * @param ix            the market's index
     * @param start         a price per agent, currency per unit of power for one period, NaN where unknown; null for the solver's
     *                      own start
     * @param deadlineNanos a {@link System#nanoTime()} after which it stops with {@code TIME_LIMIT}; 0 for none
     * @param listener      told every few rounds; null for none
     * @return the outcome, a claim for the caller to certify
     * @throws IllegalArgumentException if {@code start} does not have one price per agent
     */
    public static Outcome solve(MarketIndex ix, double[] start, long deadlineNanos, Listener listener) {
        return solve(ix, start, PriceGuess.NONE, deadlineNanos, listener);
    }

    /**
     * As {@link #solve(MarketIndex, double[], long, Listener)}; without a start, on a large sparse
     * market ({@link #ADMM_START_FROM_AGENTS}), the ascent starts from {@code guess}'s prices.
     *
     * @param ix            the market's index
     * @param start         a price per agent, currency per unit of power for one period, NaN where unknown; null for the solver's
     *                      own start or the guess
     * @param guess         where to start a large sparse market without {@code start}; asked only then, with
     *                      {@code deadlineNanos}
     * @param deadlineNanos a {@link System#nanoTime()} after which it stops with {@code TIME_LIMIT}; 0 for none
     * @param listener      told every few rounds; null for none
     * @return the outcome, a claim for the caller to certify
     * @throws IllegalArgumentException if {@code start} does not have one price per agent
     */
    public static Outcome solve(MarketIndex ix, double[] start, PriceGuess guess, long deadlineNanos, Listener listener) {
        requireStart(ix, start);
        boolean guessed = start == null && ix.numAgents() >= ADMM_START_FROM_AGENTS
                && ix.numPairs() <= (long) ADMM_START_MAX_PAIRS_PER_AGENT * ix.numAgents();
        double[] from = guessed ? guess.prices(ix, deadlineNanos) : start;
        ForestSolver f = new ForestSolver(ix);
        f.deadline(deadlineNanos);
        if (listener != null) {
            DecayEstimate remaining = new DecayEstimate();
            double tol = NumericalTolerances.EXACT_DECISION * ResultVerifier.scales(ix).power();
            f.listener((round, imbalance, joins, drops) -> listener.round(round, imbalance,
                    remaining.iterationsLeft(round, imbalance / tol)));
        }
        boolean ok = f.solve(MAX_ROUNDS, from);
        return outcome(ix, f, ok);
    }

    /**
     * Solves the market of {@code ix} with the feeder's rows {@code rows} ({@link FeederSolver}):
     * the network prices come back per bus, the agent prices without them (an asset at bus q
     * sees its agent's price plus {@code busPrices[q]}).
     *
     * @param ix            the market's index
     * @param rows          the feeder's rows on the buses' injections
     * @param deadlineNanos a {@link System#nanoTime()} after which it stops with {@code TIME_LIMIT}; 0 for none
     * @param listener      told every few network steps; null for none
     * @return the outcome with the bus prices and row multipliers, a claim for the caller to certify
     */
    public static Outcome solve(MarketIndex ix, BusRows rows, long deadlineNanos, Listener listener) {
        return solve(ix, rows, null, deadlineNanos, listener);
    }

    /**
     * As {@link #solve(MarketIndex, BusRows, long, Listener)}, the market's first solve from {@code start} when not
     * null.
     *
     * @param ix            the market's index
     * @param rows          the feeder's rows on the buses' injections
     * @param start         a price per agent for the first solve, currency per unit of power for one period, NaN where unknown; null
     *                      for the solver's own start
     * @param deadlineNanos a {@link System#nanoTime()} after which it stops with {@code TIME_LIMIT}; 0 for none
     * @param listener      told every few network steps; null for none
     * @return the outcome with the bus prices and row multipliers, a claim for the caller to certify
     * @throws IllegalArgumentException if {@code start} does not have one price per agent
     */
    public static Outcome solve(MarketIndex ix, BusRows rows, double[] start, long deadlineNanos, Listener listener) {
        requireStart(ix, start);
        FeederSolver fs = new FeederSolver(ix, rows);
        fs.deadline(deadlineNanos);
        fs.listener(listener);
        boolean ok = fs.solve(start);
        if (fs.infeasible() || fs.unbounded() || (!ok && !fs.timedOut())) {
            Status st = fs.infeasible() ? Status.INFEASIBLE : fs.unbounded() ? Status.UNBOUNDED : Status.NOT_CONVERGED;
            return Outcome.without(st, fs.failure() + " (" + fs.describe() + ")", fs.steps());
        }
        Outcome o = outcome(fs.shiftedIndex(), fs.market(), ok);
        return new Outcome(ok ? Status.OPTIMAL : Status.TIME_LIMIT, ok ? fs.describe() : fs.failure() + " (" + fs.describe() + ")",
                fs.steps(), o.assetPower(), o.trades(), o.agentPrices(), o.tradePrices(), fs.busPrices().clone(),
                fs.rowMultipliers().clone());
    }

    private static void requireStart(MarketIndex ix, double[] start) {
        if (start != null && start.length != ix.numAgents()) {
            throw new IllegalArgumentException("A start for solver " + NAME + " has one price per agent: got " + start.length
                    + ", the market has " + ix.numAgents());
        }
    }

    static Outcome outcome(MarketIndex ix, ForestSolver f, boolean ok) {
        String stats = f.rounds() + " rounds, " + f.joins() + " joins, " + f.drops() + " drops";
        if (f.infeasible() || f.unbounded()) {
            return Outcome.without(f.infeasible() ? Status.INFEASIBLE : Status.UNBOUNDED, f.failure(), f.rounds());
        }
        if (!ok && !f.timedOut()) {
            return Outcome.without(Status.NOT_CONVERGED, f.failure() + " (" + stats + ")", f.rounds());
        }
        int m = ix.numArcs();
        double[] t = new double[m];
        double[] lambda = new double[m];
        double[] mu = f.agentPrices().clone();
        double[] flows = f.pairFlows();
        double[] gamma = ix.gamma();
        for (int j = 0; j < ix.numPairs(); j++) {
            int k = 2 * j;
            int n = ix.from()[k];
            int o = ix.to()[k];
            t[k] = flows[j];
            t[k + 1] = -flows[j];
            if (f.isActive(j)) {
                // On a trading pair the prices are c apart; the bilateral price is the seller's
                // price plus its own fee (= the buyer's price minus the buyer's fee).
                lambda[k] = mu[n] + f.direction(j) * gamma[k];
            } else {
                // Idle: a price inside both agents' bands, which meet (the prices are dual feasible).
                double lo = Math.max(mu[n] - gamma[k], mu[o] - gamma[k + 1]);
                double hi = Math.min(mu[n] + gamma[k], mu[o] + gamma[k + 1]);
                lambda[k] = 0.5 * (lo + hi);
            }
            lambda[k + 1] = lambda[k];
        }
        int[] start = ix.assetStart();
        for (int n = 0; n < ix.numAgents(); n++) {
            if (start[n + 1] == start[n] && ix.arcStart()[n + 1] == ix.arcStart()[n]) {
                mu[n] = Double.NaN; // no assets and no partners: no price
            }
        }
        return new Outcome(ok ? Status.OPTIMAL : Status.TIME_LIMIT, ok ? stats : f.failure() + " (" + stats + ")",
                f.rounds(), f.assetPower().clone(), t, mu, lambda, null, null);
    }
}
