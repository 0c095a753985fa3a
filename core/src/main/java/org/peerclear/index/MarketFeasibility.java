package org.peerclear.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.peerclear.opt.Status;

/**
 * Exact, cheap checks that tell an infeasible or unbounded market before any solver runs, so
 * that every clearing method can say so with the reason.
 *
 * <h2>Infeasible</h2>
 * Trades are free in sign and size, so the agents of one connected component of the trade
 * graph can move energy among themselves at will, and reciprocity makes their trades sum to 0:
 * the component balances if and only if {@code Σ pMin ≤ 0 ≤ Σ pMax} over its agents' assets.
 * Without a network this is the whole of feasibility; with one it is still necessary (the
 * network's rows only add limits), so it is checked either way.
 *
 * <h2>Unbounded</h2>
 * The market (a convex QP with linear rows) is bounded below exactly when it is infeasible or
 * its dual is feasible. The dual needs prices {@code mu} with
 * <ul>
 *   <li>{@code |mu_n − mu_m| ≤ gamma_nm + gamma_mn} on every pair (some lambda then exists
 *       with {@code |mu_n − lambda| ≤ gamma_nm} and {@code |mu_m − lambda| ≤ gamma_mn});</li>
 *   <li>{@code mu_n ≤ b_s} for every asset s of n with {@code a_s = 0} and {@code pMax = +∞}
 *       (else injecting more without limit earns more than it costs), and
 *       {@code mu_n ≥ b_s} for every such asset with {@code pMin = −∞};</li>
 * </ul>
 * assets with {@code a > 0} or finite bounds add no condition. These are difference
 * constraints with non-negative weights, so the largest admissible price of every agent is
 * {@code min_n (U_n + dist(n, m))} over agents n with an upper limit {@code U_n}, one
 * multi-source Dijkstra; the dual is infeasible exactly when some agent's lower limit is above
 * it, and the shortest path names the two agents and the fees in between. Only the grid's
 * import and export can be unlimited in a validated market, and with {@code importPrice ≥
 * exportPrice} and {@code gamma ≥ 0} they alone never make it unbounded; the check is exact for
 * any index (see {@link Data}) and runs only when some asset is unlimited. With a network the
 * rows may bound the injections, so {@link #check} leaves unboundedness to the solver there.
 *
 * <h2>Rounding</h2>
 * The sums are computed in double precision. A verdict is given only when the computed sum
 * clears 0 (or the price gap clears the path's fees) by more than the worst-case rounding of
 * that sum ({@code (terms + 1)·2⁻⁵²} times the sum of the magnitudes involved), so a verdict is
 * never an artefact of rounding; a market that is infeasible by less than that is left to the
 * solver and the certificate.
 */
public final class MarketFeasibility {
    /** Unit roundoff of double precision (2⁻⁵³) doubled, per operation of a sum. */
    private static final double ROUNDING = 0x1p-52;
    /** How many agents a reason names. */
    private static final int NAMED = 4;

    /** A verdict: {@link Status#INFEASIBLE} or {@link Status#UNBOUNDED} with the reason. */
    public record Verdict(Status status, String reason) {
    }

    /**
     * The arrays the checks read, in the layout of {@link MarketIndex}: assets grouped by agent
     * ({@code assetStart}), arcs in mirrored pairs {@code (k, k ^ 1)}, outgoing arcs of each
     * agent in {@code arcsOf[arcStart[n] .. arcStart[n+1]-1]}. Bounds may be infinite.
     */
    public record Data(int numAgents, int[] assetStart, double[] a, double[] b, double[] pMin, double[] pMax,
                       int[] from, int[] to, double[] gamma, int[] arcStart, int[] arcsOf,
                       IntFunction<String> agentId, IntFunction<String> assetId) {
        /**
         * The arrays of a market's index, shared, not copied.
         *
         * @param ix the index
         * @return its data, ids looked up through it
         */
        public static Data of(MarketIndex ix) {
            return new Data(ix.numAgents(), ix.assetStart(), ix.a(), ix.b(), ix.pMin(), ix.pMax(), ix.from(), ix.to(),
                    ix.gamma(), ix.arcStart(), ix.arcsOf(), ix::agentId, ix::assetId);
        }
    }

    private MarketFeasibility() {
    }

    /**
     * The highest prices at or below {@code start} that keep every pair within its band
     * ({@code |mu_n − mu_m| ≤ gamma_nm + gamma_mn}): {@code mu_n = min over m of (start_m + the
     * cheapest fee path from m to n)}, the shortest paths of the unboundedness check. Entries of
     * {@code start} must be finite.
     *
     * @param ix    the market's index
     * @param start a price per agent, currency per unit of power for one period; finite
     * @return a fresh array of prices, each {@code <=} its {@code start}
     */
    public static double[] highestFeasibleBelow(MarketIndex ix, double[] start) {
        return ShortestPaths.from(Data.of(ix), start).dist;
    }

    /**
     * Both checks on a market's index: infeasibility always, unboundedness without a network
     * ({@code withNetwork} false). Empty when neither fires.
     *
     * @param ix          the market's index
     * @param withNetwork {@code true} when network rows may bound the injections (skips the unboundedness check)
     * @return the verdict with a reason naming agents and assets; empty when the market may be solved
     */
    public static Optional<Verdict> check(MarketIndex ix, boolean withNetwork) {
        Data d = Data.of(ix);
        Optional<String> infeasible = infeasibility(d);
        if (infeasible.isPresent()) {
            return Optional.of(new Verdict(Status.INFEASIBLE, infeasible.get()));
        }
        if (withNetwork) {
            return Optional.empty();
        }
        return unboundedness(d).map(r -> new Verdict(Status.UNBOUNDED, r));
    }

    /**
     * The first component of the trade graph that cannot balance, or empty.
     *
     * @param d the market's arrays
     * @return the reason, naming the component's agents and the least they must inject or withdraw in total; empty when every component can
     */
    public static Optional<String> infeasibility(Data d) {
        int n = d.numAgents();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < d.from().length; k += 2) {
            int x = root(parent, d.from()[k]);
            int y = root(parent, d.to()[k]);
            if (x != y) {
                parent[x] = y;
            }
        }
        double[] sumMin = new double[n];
        double[] sumMax = new double[n];
        double[] absMin = new double[n];
        double[] absMax = new double[n];
        int[] terms = new int[n];
        for (int i = 0; i < n; i++) {
            int c = root(parent, i);
            for (int s = d.assetStart()[i]; s < d.assetStart()[i + 1]; s++) {
                sumMin[c] += d.pMin()[s];
                sumMax[c] += d.pMax()[s];
                absMin[c] += Math.abs(d.pMin()[s]);
                absMax[c] += Math.abs(d.pMax()[s]);
                terms[c]++;
            }
        }
        for (int c = 0; c < n; c++) {
            if (parent[c] != c) {
                continue;
            }
            // An infinite bound makes its sum infinite (and absMin/absMax too): never a verdict
            // on that side, since ∞ − ∞ is not formed (a lower bound is never +∞).
            double slackMin = (terms[c] + 1) * ROUNDING * absMin[c];
            double slackMax = (terms[c] + 1) * ROUNDING * absMax[c];
            if (sumMin[c] > slackMin) {
                return Optional.of(component(d, parent, c) + " must inject at least " + num(sumMin[c]) + " in total (the sum of"
                        + " its assets' pMin) and cannot balance: Σ pMin ≤ 0 ≤ Σ pMax is needed");
            }
            if (sumMax[c] < -slackMax) {
                return Optional.of(component(d, parent, c) + " must withdraw at least " + num(-sumMax[c]) + " in total (the sum"
                        + " of its assets' pMax is " + num(sumMax[c]) + ") and cannot balance: Σ pMin ≤ 0 ≤ Σ pMax is needed");
            }
        }
        return Optional.empty();
    }

    /**
     * Two agents joined by trading pairs whose unlimited linear assets make the market
     * unbounded (one can withdraw without limit at a value above what the other asks to inject
     * without limit, plus the fees of the path between them), or empty.
     *
     * @param d the market's arrays
     * @return the reason, naming the two agents, their assets and the fees between; empty when the dual is feasible
     */
    public static Optional<String> unboundedness(Data d) {
        int n = d.numAgents();
        double[] upper = new double[n];
        double[] lower = new double[n];
        int[] upperAsset = new int[n];
        int[] lowerAsset = new int[n];
        boolean anyLower = false;
        for (int i = 0; i < n; i++) {
            upper[i] = Double.POSITIVE_INFINITY;
            lower[i] = Double.NEGATIVE_INFINITY;
            upperAsset[i] = -1;
            lowerAsset[i] = -1;
            for (int s = d.assetStart()[i]; s < d.assetStart()[i + 1]; s++) {
                if (d.a()[s] != 0.0) {
                    continue;
                }
                if (d.pMax()[s] == Double.POSITIVE_INFINITY && d.b()[s] < upper[i]) {
                    upper[i] = d.b()[s];
                    upperAsset[i] = s;
                }
                if (d.pMin()[s] == Double.NEGATIVE_INFINITY && d.b()[s] > lower[i]) {
                    lower[i] = d.b()[s];
                    lowerAsset[i] = s;
                    anyLower = true;
                }
            }
        }
        if (!anyLower) {
            return Optional.empty();
        }
        ShortestPaths sp = ShortestPaths.from(d, upper);
        for (int m = 0; m < n; m++) {
            if (lowerAsset[m] < 0 || sp.source[m] < 0) {
                continue;
            }
            int src = sp.source[m];
            double fees = sp.dist[m] - upper[src];
            double slack = (sp.hops[m] + 2) * ROUNDING * (Math.abs(upper[src]) + Math.abs(fees) + Math.abs(lower[m]));
            if (lower[m] - sp.dist[m] > slack) {
                return Optional.of(unboundedReason(d, sp, src, m, upperAsset[src], lowerAsset[m], fees));
            }
        }
        return Optional.empty();
    }

    private static String unboundedReason(Data d, ShortestPaths sp, int src, int m, int inject, int withdraw, double fees) {
        List<String> path = new ArrayList<>();
        for (int v = m; v != src; v = d.from()[sp.via[v]]) {
            path.add(0, d.agentId().apply(v));
        }
        path.add(0, d.agentId().apply(src));
        String route = path.size() <= 2 * NAMED ? String.join(" -> ", path)
                : String.join(" -> ", path.subList(0, NAMED)) + " -> ... (" + (path.size() - 2 * NAMED) + " more) -> "
                + String.join(" -> ", path.subList(path.size() - NAMED, path.size()));
        double b0 = d.b()[inject];
        double b1 = d.b()[withdraw];
        String where = src == m ? "within agent " + d.agentId().apply(m) + " (no trade needed)"
                : "along " + route + ", whose trade coefficients (both directions of each pair) add up to " + num(fees);
        return "agent " + d.agentId().apply(src) + " can inject without limit at cost " + num(b0) + " (asset "
                + d.assetId().apply(inject) + ") and agent " + d.agentId().apply(m) + " can withdraw without limit at value "
                + num(b1) + " (asset " + d.assetId().apply(withdraw) + "): the margin " + num(b1 - b0) + " exceeds the fees "
                + where + ", so every unit passed on lowers the total cost without bound";
    }

    /** A number as short as Java prints it, without a trailing ".0". */
    private static String num(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String component(Data d, int[] parent, int c) {
        List<String> ids = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < d.numAgents(); i++) {
            if (root(parent, i) == c) {
                if (ids.size() < NAMED) {
                    ids.add(d.agentId().apply(i));
                }
                size++;
            }
        }
        if (size == 1) {
            return "agent " + ids.get(0) + " (it has no trading partner)";
        }
        return "the trading component of " + size + " agents (" + String.join(", ", ids) + (size > NAMED ? ", ..." : "") + ")";
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Multi-source Dijkstra on the pairs, weight {@code gamma_k + gamma_k^1} (≥ 0), from every
     * agent with a finite start value; lazy binary heap on primitive arrays.
     */
    private static final class ShortestPaths {
        final double[] dist;
        final int[] source;
        final int[] via;
        final int[] hops;

        private ShortestPaths(int n) {
            dist = new double[n];
            source = new int[n];
            via = new int[n];
            hops = new int[n];
        }

        static ShortestPaths from(Data d, double[] start) {
            int n = d.numAgents();
            ShortestPaths sp = new ShortestPaths(n);
            KeyedHeap heap = new KeyedHeap();
            for (int i = 0; i < n; i++) {
                sp.dist[i] = start[i];
                sp.source[i] = start[i] < Double.POSITIVE_INFINITY ? i : -1;
                sp.via[i] = -1;
                if (sp.source[i] >= 0) {
                    heap.push(start[i], i);
                }
            }
            boolean[] done = new boolean[n];
            while (!heap.isEmpty()) {
                int v = heap.topIndex();
                heap.pop();
                if (done[v]) {
                    continue;
                }
                done[v] = true;
                for (int q = d.arcStart()[v]; q < d.arcStart()[v + 1]; q++) {
                    int k = d.arcsOf()[q];
                    int w = d.to()[k];
                    double alt = sp.dist[v] + d.gamma()[k] + d.gamma()[k ^ 1];
                    if (alt < sp.dist[w]) {
                        sp.dist[w] = alt;
                        sp.source[w] = sp.source[v];
                        sp.via[w] = k;
                        sp.hops[w] = sp.hops[v] + 1;
                        heap.push(alt, w);
                    }
                }
            }
            return sp;
        }
    }
}
