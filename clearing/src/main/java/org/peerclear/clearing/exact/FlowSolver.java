package org.peerclear.clearing.exact;

import org.peerclear.index.MarketIndex;
import org.peerclear.opt.Status;

/**
 * PeerClear's own solver of the unified market: exact, pure Java, specialised to the market's
 * structure (a convex-cost network flow, see {@link ForestSolver}). It returns the point in the
 * result's terms: asset set-points, trades and bilateral prices per arc, agent prices.
 */
public final class FlowSolver {
    /** The name results report as their solver. */
    public static final String NAME = "flow";

    /** A guard: the ascent ends by itself, but rounding could in principle keep it going. */
    static final int MAX_ROUNDS = 100_000;

    /** What the solver found. */
    public record Outcome(Status status, String message, int rounds, double[] assetPower,
                          double[] trades, double[] agentPrices, double[] tradePrices) {
    }

    private FlowSolver() {
    }

    /** Solves the market of {@code ix} (no network rows). */
    public static Outcome solve(MarketIndex ix) {
        ForestSolver f = new ForestSolver(ix);
        int maxRounds = MAX_ROUNDS;
        boolean ok = f.solve(maxRounds);
        return outcome(ix, f, ok);
    }

    static Outcome outcome(MarketIndex ix, ForestSolver f, boolean ok) {
        String stats = f.rounds() + " rounds, " + f.joins() + " joins, " + f.drops() + " drops";
        if (f.infeasible() || f.unbounded()) {
            return new Outcome(f.infeasible() ? Status.INFEASIBLE : Status.UNBOUNDED, f.failure(), f.rounds(),
                    null, null, null, null);
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
            double x = flows[j];
            t[k] = x;
            t[k + 1] = -x;
            if (f.isActive(j)) {
                // On a trading pair the prices are c apart; the bilateral price is the seller's
                // price plus its own fee (= the buyer's price minus the buyer's fee).
                lambda[k] = mu[n] + f.direction(j) * gamma[k];
            } else {
                double lo = Math.max(mu[n] - gamma[k], mu[o] - gamma[k + 1]);
                double hi = Math.min(mu[n] + gamma[k], mu[o] + gamma[k + 1]);
                lambda[k] = 0.5 * (lo + hi);
            }
            lambda[k + 1] = lambda[k];
        }
        int[] start = ix.assetStart();
        for (int n = 0; n < ix.numAgents(); n++) {
            if (start[n + 1] == start[n] && ix.arcStart()[n + 1] == ix.arcStart()[n]) {
                mu[n] = Double.NaN;
            }
        }
        return new Outcome(ok ? Status.OPTIMAL : Status.NOT_CONVERGED, ok ? stats : f.failure() + " (" + stats + ")", f.rounds(),
                f.assetPower().clone(), t, mu, lambda);
    }
}
