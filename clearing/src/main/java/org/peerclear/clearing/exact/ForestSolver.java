package org.peerclear.clearing.exact;

import java.util.Arrays;
import org.peerclear.index.MarketFeasibility;
import org.peerclear.index.MarketIndex;
import org.peerclear.result.ResultVerifier;

import static org.peerclear.clearing.NumericalTolerances.EXACT_DECISION;

/**
 * The exact optimum of the unified market without network rows, by dual block-coordinate ascent
 * on spanning forests: the primal–dual method of convex-cost network flow.
 *
 * <p>The market is a convex-cost flow problem. Agents are nodes with convex injection costs (the
 * sum of their assets' costs); each trading pair {@code j = (n, m)} is an uncapacitated arc whose
 * flow {@code x = t_nm = −t_mn} costs {@code c_j·|x|}, {@code c_j = gamma_nm + gamma_mn}. Its dual
 * maximises a concave separable function of the agents' prices subject to
 * {@code |mu_n − mu_m| ≤ c_j}. At the optimum a pair that trades has prices exactly {@code c_j}
 * apart (the seller cheaper), an idle pair at most {@code c_j} apart, and every agent's assets
 * sit at its price.
 *
 * <p>The state is a forest of trading pairs with their directions (each tree's prices move
 * together) and dual-feasible prices: at first one price for all, or the highest feasible prices
 * below a guess (ADMM's, on large sparse markets: {@link FlowSolver}). A round:
 * <ol>
 *   <li>sweeps every tree toward the root of its supply ({@link TreeSweep}), joining the trees
 *       whose pairs it makes tight on the way;</li>
 *   <li>polishes the price of every tree that reached its root ({@link ComponentRoot}), dispatches
 *       the assets and routes the trades (on a forest, uniquely: subtree sums);</li>
 *   <li>drops, in every tree at its root, each pair whose trade runs against its direction (its
 *       multiplier has the wrong sign): the parts then move apart in the next round.</li>
 * </ol>
 * Every move that changes prices raises the dual objective; drops and joins at a standstill do
 * not, so termination is not proven here (degenerate steps could in principle cycle; no market
 * tried has). The rounds are bounded, the caller falls back to a general back-end when this
 * solver does not end with a certified optimum, and an optimal answer is certified by the
 * result's verifier, not trusted.
 */
final class ForestSolver {
    /** Rounds between progress reports. */
    static final int PROGRESS_EVERY = 20;

    /** Told how the rounds go. */
    interface RoundListener {
        RoundListener NONE = (round, imbalance, joins, drops) -> { };

        void round(int round, double imbalance, int joins, int drops);
    }

    private final MarketIndex ix;
    private final Forest f;
    private final double[] mu;
    private final double scaleP;

    private int rounds;
    private int joins;
    private int drops;
    private String failure;
    private boolean infeasible;
    private boolean unbounded;
    private boolean timedOut;
    private long deadline;
    private RoundListener progress = RoundListener.NONE;

    ForestSolver(MarketIndex ix) {
        this.ix = ix;
        f = new Forest(ix);
        mu = new double[ix.numAgents()];
        scaleP = ResultVerifier.scales(ix).power();
    }

    /** Stops (not optimal, {@link #timedOut()}) once {@code System.nanoTime()} passes this; 0 for none. */
    void deadline(long nanoTime) {
        deadline = nanoTime;
    }

    void listener(RoundListener l) {
        progress = l;
    }

    /** The largest imbalance of a tree (0 at the optimum). */
    private double imbalance() {
        double m = 0;
        for (int k = 0; k < f.numComps; k++) {
            m = Math.max(m, Math.abs(f.sub[f.root(k)]));
        }
        return m;
    }

    /** Runs at most {@code maxRounds} rounds; true when the optimality conditions hold. */
    boolean solve(int maxRounds) {
        return solve(maxRounds, null);
    }

    /**
     * As {@link #solve(int)}, starting from the highest dual-feasible prices at or below
     * {@code guess} (approximate prices, e.g. ADMM's; null: the no-fee market price).
     */
    boolean solve(int maxRounds, double[] guess) {
        if (guess == null) {
            Arrays.fill(mu, startPrice());
        } else {
            feasibleBelow(guess);
        }
        double tolFlow = EXACT_DECISION * scaleP;
        double tolS = EXACT_DECISION * scaleP;
        TreeSweep sweep = new TreeSweep(f, tolS);
        boolean[] atRoot = new boolean[ix.numAgents()];
        boolean[] byAgent = new boolean[ix.numAgents()];
        ComponentRoot root = new ComponentRoot(ix, f.order, f.off);
        f.build();
        for (rounds = 1; rounds <= maxRounds; rounds++) {
            if (rounds > 1) {
                f.split(); // the last build's trees less the round's drops
            }
            align();
            if (!sweep.sweepAll(mu, atRoot)) {
                describeFailure(sweep);
                return false;
            }
            joins += sweep.joins;
            boolean[] rootOfOld = atRootByAgent(atRoot, byAgent);
            f.build();
            align();
            boolean allAtRoot = polish(rootOfOld, root);
            f.dispatch(mu);
            if (deadline != 0 && System.nanoTime() - deadline > 0) {
                // Before the drops, so that every pair that trades in the point is a tree pair.
                timedOut = true;
                failure = "time limit reached after " + rounds + " rounds";
                return false;
            }
            int dropped = 0;
            for (int n = 0; n < f.nA; n++) {
                int j = f.parentPair[n];
                if (j >= 0 && f.cost[j] > 0.0 && f.sigma[j] * f.flow[j] < -tolFlow && rootOfOld[n]) {
                    f.deactivate(j);
                    dropped++;
                }
            }
            drops += dropped;
            if (rounds % PROGRESS_EVERY == 0) {
                progress.round(rounds, imbalance(), joins, drops);
            }
            if (allAtRoot && sweep.joins == 0 && dropped == 0) {
                return true;
            }
        }
        failure = "no optimum after " + maxRounds + " rounds";
        return false;
    }

    /**
     * The highest dual-feasible prices at or below the guess ({@link MarketFeasibility}); an
     * entry that is not a number starts at the no-fee market price.
     */
    private void feasibleBelow(double[] guess) {
        double[] start = guess.clone();
        double fallback = Double.NaN;
        for (int n = 0; n < start.length; n++) {
            if (!Double.isFinite(start[n])) {
                fallback = Double.isNaN(fallback) ? startPrice() : fallback;
                start[n] = fallback;
            }
        }
        System.arraycopy(MarketFeasibility.highestFeasibleBelow(ix, start), 0, mu, 0, mu.length);
    }

    /** Per agent: whether its tree ended the sweep at its root. */
    private boolean[] atRootByAgent(boolean[] atRootByTree, boolean[] out) {
        for (int n = 0; n < out.length; n++) {
            out[n] = atRootByTree[f.comp[n]];
        }
        return out;
    }

    /** Each tree's prices from its root's and the offsets (the tensions hold to rounding). */
    private void align() {
        for (int k = 0; k < f.numComps; k++) {
            double c = mu[f.root(k)];
            for (int q = f.compStart[k]; q < f.compStart[k + 1]; q++) {
                int n = f.order[q];
                mu[n] = c + f.off[n];
            }
        }
    }

    /**
     * The exact root for every tree that reached it (the sweep's running sum carries rounding);
     * true when every tree did.
     */
    private boolean polish(boolean[] atRoot, ComponentRoot root) {
        double tolUnit = 8 * Math.ulp(1.0) * scaleP;
        boolean all = true;
        int[] start = ix.assetStart();
        for (int k = 0; k < f.numComps; k++) {
            int r = f.root(k);
            if (!atRoot[r]) {
                all = false;
                continue;
            }
            int size = 0;
            for (int q = f.compStart[k]; q < f.compStart[k + 1]; q++) {
                size += start[f.order[q] + 1] - start[f.order[q]];
            }
            double c = mu[r];
            root.solve(f.compStart[k], f.compStart[k + 1], c, tolUnit * Math.max(1, size));
            if (root.kind == ComponentRoot.POINT) {
                c = root.price;
            } else if (root.kind == ComponentRoot.INTERVAL) {
                c = Math.min(Math.max(c, root.lo), root.hi);
            }
            for (int q = f.compStart[k]; q < f.compStart[k + 1]; q++) {
                int n = f.order[q];
                mu[n] = c + f.off[n];
            }
        }
        return all;
    }

    private void describeFailure(TreeSweep sweep) {
        int[] members = sweep.members(sweep.failedTree);
        double minSum = 0;
        double maxSum = 0;
        StringBuilder ids = new StringBuilder();
        int[] start = ix.assetStart();
        int size = members.length;
        for (int q = 0; q < size; q++) {
            int n = members[q];
            for (int s = start[n]; s < start[n + 1]; s++) {
                minSum += ix.pMin()[s];
                maxSum += ix.pMax()[s];
            }
            if (q < 5) {
                ids.append(q == 0 ? "" : ", ").append(ix.agentId(n));
            }
        }
        String who = "agents " + ids + (size > 5 ? " and " + (size - 5) + " more" : "");
        if (sweep.failure == TreeSweep.UNBOUNDED) {
            unbounded = true;
            failure = who + " trade with agents that buy and sell without limit: the welfare is unbounded";
        } else {
            infeasible = true;
            failure = String.format(java.util.Locale.ROOT,
                    "%s can only trade among themselves and cannot balance: their assets inject between %s and %s",
                    who, minSum, maxSum);
        }
    }

    /**
     * A feasible common start price near the answer: the price that balances the whole market
     * without fees (the median of the assets' b when there is none).
     */
    private double startPrice() {
        double[] b = ix.b().clone();
        if (b.length == 0) {
            return 0.0;
        }
        Arrays.sort(b);
        double median = b[b.length / 2];
        int[] all = new int[ix.numAgents()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        ComponentRoot root = new ComponentRoot(ix, all, new double[all.length]);
        root.solve(0, all.length, median, 8 * Math.ulp(1.0) * scaleP * Math.max(1, ix.numAssets()));
        return root.kind == ComponentRoot.POINT && Double.isFinite(root.price) ? root.price : median;
    }

    int rounds() {
        return rounds;
    }

    int joins() {
        return joins;
    }

    int drops() {
        return drops;
    }

    String failure() {
        return failure;
    }

    boolean infeasible() {
        return infeasible;
    }

    boolean unbounded() {
        return unbounded;
    }

    boolean timedOut() {
        return timedOut;
    }

    double[] assetPower() {
        return f.assetP;
    }

    double[] agentPrices() {
        return mu;
    }

    /** Per pair: what the pair's first agent sells to the second. */
    double[] pairFlows() {
        return f.flow;
    }

    /** The tree agent n belongs to, {@code 0..numTrees()-1} (valid after a successful solve). */
    int tree(int n) {
        return f.comp[n];
    }

    int numTrees() {
        return f.numComps;
    }

    boolean isActive(int j) {
        return f.active[j];
    }

    byte direction(int j) {
        return f.sigma[j];
    }
}
