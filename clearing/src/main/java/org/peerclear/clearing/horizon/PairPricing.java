package org.peerclear.clearing.horizon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.NumericalTolerances;
import org.peerclear.clearing.admm.AdmmPriceGuess;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.Status;
import org.peerclear.result.ResultVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A horizon solved on the trading pairs that matter, the others priced out (column generation on
 * the trade graph). On a complete graph of n households, n²/2 pairs may trade but at most n − 1
 * do in any period (an optimum's trades form a forest), so the whole problem is mostly idle arcs.
 * <ol>
 *   <li>Start from the pairs with a grid leg or an agent without assets (a manager's price is only
 *       defined through its pairs), and the pairs that trade in some period when that period is
 *       cleared alone, exactly ({@link FlowSolver}), with its stores idle.</li>
 *   <li>Solve the horizon on those pairs ({@link HorizonClearing#whole}), certified by that
 *       problem's KKT certificate.</li>
 *   <li>Price the others: a pair {n, m} left out gains from trading in period t when
 *       {@code |mu_n − mu_m|} exceeds the fees of its two arcs. Such pairs join and 2 repeats.</li>
 * </ol>
 * When no pair left out gains by more than the certificate's price tolerance, the point with those
 * pairs idle and their bilateral price between their agents' prices within the fees satisfies the
 * whole problem's KKT conditions: idle pairs change neither the cost, nor any row, nor the gap, and
 * their arcs' reduced costs are exactly what the pricing checked. The restricted problem's
 * certificate and the pricing together certify the whole problem.
 */
final class PairPricing {
    /** Rounds of pricing before the whole problem is solved instead (the markets tried need one or two). */
    static final int MAX_ROUNDS = 20;
    /** The restriction is worth it when it leaves out at least this share of the pairs. */
    static final double WORTH = 0.5;
    private static final Logger LOG = LoggerFactory.getLogger(PairPricing.class);

    private final Horizon h;
    private final ClearingOptions options;
    private final long start;
    private final MarketIndex first;
    private final Memory memory;

    /**
     * The pairs that traded in the last solve, to start the next one from (a rolling horizon's
     * windows overlap, and so do the pairs that trade in them): the warm start. Empty at first.
     */
    static final class Memory {
        private boolean[] traded;
    }

    /** @param memory where the last solve's pairs are, and this one's go; null for none */
    PairPricing(Horizon h, ClearingOptions options, long start, Memory memory) {
        this.h = h;
        this.options = options;
        this.start = start;
        this.memory = memory;
        first = h.periods().get(0);
    }

    HorizonResult clear() {
        int np = first.numPairs();
        boolean[] keep = seed();
        if (count(keep) > WORTH * np) {
            return HorizonClearing.whole(h, options, start);
        }
        double tol = ResultVerifier.Tolerances.DEFAULT.price(HorizonClearing.scales(h));
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            int[] pairs = list(keep);
            HorizonResult r = HorizonClearing.whole(restrict(pairs), options, start);
            if (r.status() != Status.OPTIMAL) {
                return whole(String.format(Locale.ROOT, "the horizon on %d of its %d trading pairs ended %s (%s)", pairs.length,
                        np, r.status(), r.message()));
            }
            double gain = price(r, keep, first, tol);
            int added = count(keep) - pairs.length;
            LOG.debug("round {} at {} s: {} of {} pairs, {} join", round, HorizonClearing.seconds(start), pairs.length, np, added);
            if (added == 0) {
                String note = String.format(Locale.ROOT, "solved on %d of %d trading pairs in %d round%s, the other %d priced"
                        + " out: none gains from trading by more than %.3g (tolerance %.3g)", pairs.length, np, round,
                        round == 1 ? "" : "s", np - pairs.length, Math.max(gain, 0.0), tol);
                HorizonResult done = expand(r, pairs, note);
                remember(done);
                return done;
            }
            if (options.timeUp(start)) {
                return whole("the time limit came before the pricing settled");
            }
        }
        return whole("the pricing did not settle in " + MAX_ROUNDS + " rounds");
    }

    /** The whole problem on the default back-end, saying why the pairs were not priced out. */
    private HorizonResult whole(String why) {
        HorizonResult r = HorizonClearing.whole(h, options, start);
        return new HorizonResult(r.status(), r.message() + "; whole problem solved: " + why, r.solver(), r.objective(),
                r.seconds(), r.assetPower(), r.trades(), r.agentPrices(), r.tradePrices(), r.energy(), r.charge(),
                r.discharge(), r.agentNetworkPrices(), r.network());
    }

    private boolean[] seed() {
        boolean[] keep = new boolean[first.numPairs()];
        int[] from = first.from();
        int[] to = first.to();
        int[] assetStart = first.assetStart();
        for (int j = 0; j < keep.length; j++) {
            int n = from[2 * j];
            int m = to[2 * j];
            keep[j] = first.isGridLeg(n) || first.isGridLeg(m) || assetStart[n + 1] == assetStart[n]
                    || assetStart[m + 1] == assetStart[m];
        }
        if (memory != null && memory.traded != null && memory.traded.length == keep.length) {
            for (int j = 0; j < keep.length; j++) {
                keep[j] |= memory.traded[j];
            }
            return keep;
        }
        long deadline = options.deadlineNanos(start);
        double tol = NumericalTolerances.PAIR_TRADED * ResultVerifier.scales(first).power();
        for (MarketIndex ix : h.periods()) {
            FlowSolver.Outcome o = FlowSolver.solve(idleStores(ix), null, AdmmPriceGuess.INSTANCE, deadline, null);
            if (o.status() != Status.OPTIMAL) {
                continue; // a seed only: the pricing finds whatever this period's solve would have said
            }
            for (int j = 0; j < keep.length; j++) {
                keep[j] |= Math.abs(o.trades()[2 * j]) > tol;
            }
        }
        return keep;
    }

    /** The period's market with its stores held at 0 (their value comes from the other periods, unknown here). */
    private MarketIndex idleStores(MarketIndex ix) {
        if (h.storages().isEmpty()) {
            return ix;
        }
        double[] lo = ix.pMin().clone();
        double[] hi = ix.pMax().clone();
        for (StorageLink s : h.storages()) {
            if (lo[s.asset()] <= 0 && hi[s.asset()] >= 0) {
                lo[s.asset()] = 0.0;
                hi[s.asset()] = 0.0;
            }
        }
        return ix.withBounds(lo, hi);
    }

    private Horizon restrict(int[] pairs) {
        List<MarketIndex> periods = new ArrayList<>(h.length());
        for (MarketIndex ix : h.periods()) {
            periods.add(ix.withPairs(pairs));
        }
        return new Horizon(periods, h.periodHours(), h.storages(), h.shiftables(), h.ramps(), h.networks());
    }

    /**
     * Marks pairs left out that gain from trading (or whose agent has no price): in every period,
     * each agent's pair that gains most. Returns the largest gain, beyond the fees, over the pairs
     * left out before the call (≤ tol: none gains, nothing marked).
     */
    static double price(HorizonResult r, boolean[] keep, MarketIndex first, double tol) {
        int[] from = first.from();
        int[] to = first.to();
        double[] gamma = first.gamma();
        int na = first.numAgents();
        double largest = Double.NEGATIVE_INFINITY;
        double[] best = new double[na];
        int[] bestPair = new int[na];
        boolean[] join = new boolean[keep.length];
        for (double[] mu : r.agentPrices()) {
            java.util.Arrays.fill(best, tol);
            java.util.Arrays.fill(bestPair, -1);
            for (int j = 0; j < keep.length; j++) {
                if (keep[j]) {
                    continue;
                }
                int n = from[2 * j];
                int m = to[2 * j];
                double gain = Math.abs(mu[n] - mu[m]) - gamma[2 * j] - gamma[2 * j + 1];
                if (Double.isNaN(gain)) {
                    gain = Double.POSITIVE_INFINITY; // an agent without a price: only trading can tell
                }
                largest = Math.max(largest, gain);
                if (gain > best[n]) {
                    best[n] = gain;
                    bestPair[n] = j;
                }
                if (gain > best[m]) {
                    best[m] = gain;
                    bestPair[m] = j;
                }
            }
            for (int n = 0; n < na; n++) {
                if (bestPair[n] >= 0) {
                    join[bestPair[n]] = true;
                }
            }
        }
        for (int j = 0; j < keep.length; j++) {
            keep[j] |= join[j];
        }
        return largest;
    }

    /**
     * The restricted result on the whole trade graph: pairs left out idle, their bilateral price
     * the middle of what both arcs' fees allow ({@code |lambda − mu_n| ≤ gamma_k} on each idle arc).
     */
    private HorizonResult expand(HorizonResult r, int[] pairs, String note) {
        int tEnd = h.length();
        int arcs = first.numArcs();
        int[] from = first.from();
        int[] to = first.to();
        double[] gamma = first.gamma();
        double[][] trades = new double[tEnd][];
        double[][] lambda = new double[tEnd][];
        for (int t = 0; t < tEnd; t++) {
            trades[t] = new double[arcs];
            lambda[t] = new double[arcs];
            double[] mu = r.agentPrices()[t];
            for (int j = 0; j < first.numPairs(); j++) {
                int n = from[2 * j];
                int m = to[2 * j];
                double lo = Math.max(mu[n] - gamma[2 * j], mu[m] - gamma[2 * j + 1]);
                double hi = Math.min(mu[n] + gamma[2 * j], mu[m] + gamma[2 * j + 1]);
                lambda[t][2 * j] = 0.5 * (lo + hi);
                lambda[t][2 * j + 1] = lambda[t][2 * j];
            }
            for (int i = 0; i < pairs.length; i++) {
                for (int d = 0; d < 2; d++) {
                    trades[t][2 * pairs[i] + d] = r.trades()[t][2 * i + d];
                    lambda[t][2 * pairs[i] + d] = r.tradePrices()[t][2 * i + d];
                }
            }
        }
        String message = r.message().isEmpty() ? note : r.message() + "; " + note;
        return new HorizonResult(r.status(), message, r.solver(), r.objective(), HorizonClearing.seconds(start), r.assetPower(),
                trades, r.agentPrices(), lambda, r.energy(), r.charge(), r.discharge(), r.agentNetworkPrices(), r.network());
    }

    private void remember(HorizonResult r) {
        if (memory == null) {
            return;
        }
        boolean[] traded = new boolean[first.numPairs()];
        for (double[] t : r.trades()) {
            for (int j = 0; j < traded.length; j++) {
                traded[j] |= t[2 * j] != 0.0;
            }
        }
        memory.traded = traded;
    }

    private static int[] list(boolean[] keep) {
        int[] out = new int[count(keep)];
        int i = 0;
        for (int j = 0; j < keep.length; j++) {
            if (keep[j]) {
                out[i++] = j;
            }
        }
        return out;
    }

    private static int count(boolean[] keep) {
        int c = 0;
        for (boolean k : keep) {
            c += k ? 1 : 0;
        }
        return c;
    }
}
