package org.peerclear.clearing.exact;

import java.util.Arrays;
import org.peerclear.index.MarketIndex;

/**
 * The active set of the market solver, a forest of trading pairs each with its direction, and
 * its trees: a breadth-first order of every tree, parents, and each agent's price offset to its
 * tree's root ({@code mu_m = mu_n + c_j} along a pair where n sells to m, {@code c_j = gamma_nm +
 * gamma_mn}). Also the dispatch at given prices: asset set-points, and the trade on each tree
 * pair, which on a forest is the net injection of the subtree behind it.
 */
final class Forest {
    final MarketIndex ix;
    final int nA;
    final int nP;
    /** Per pair: c_j, the two directions' coefficients added. */
    final double[] cost;
    final int[] pairFrom;
    final int[] pairTo;

    final boolean[] active;
    /** Per pair: +1 when pairFrom sells to pairTo, −1 the other way. */
    final byte[] sigma;

    final int[] order;
    final int[] parent;
    final int[] parentPair;
    final int[] comp;
    final double[] off;
    int numComps;
    /** Tree k is {@code order[compStart[k] .. compStart[k+1]-1]}, for k < numComps. */
    final int[] compStart;

    final double[] assetP;
    /** Per pair: what pairFrom sells to pairTo. */
    final double[] flow;
    /** Per agent: net injection of its subtree; at a root, the tree's imbalance. */
    final double[] sub;

    private final int[] adjStart;
    private final int[] adj;
    private final int[] fill;
    private final int[] newRoot;
    private final int[] newOrder;
    private final double[] rebased;
    /** The active pairs as of the last build, then those activated since (some may be inactive again). */
    private int[] listed;
    private int numListed;

    Forest(MarketIndex ix) {
        this.ix = ix;
        nA = ix.numAgents();
        nP = ix.numPairs();
        cost = new double[nP];
        pairFrom = new int[nP];
        pairTo = new int[nP];
        double[] gamma = ix.gamma();
        for (int j = 0; j < nP; j++) {
            cost[j] = gamma[2 * j] + gamma[2 * j + 1];
            pairFrom[j] = ix.from()[2 * j];
            pairTo[j] = ix.to()[2 * j];
        }
        active = new boolean[nP];
        sigma = new byte[nP];
        order = new int[nA];
        parent = new int[nA];
        parentPair = new int[nA];
        comp = new int[nA];
        off = new double[nA];
        assetP = new double[ix.numAssets()];
        flow = new double[nP];
        sub = new double[nA];
        adjStart = new int[nA + 1];
        adj = new int[2 * nP];
        fill = new int[nA];
        newRoot = new int[nA];
        newOrder = new int[nA];
        rebased = new double[nA];
        compStart = new int[nA + 1];
        listed = new int[Math.max(16, nA)];
    }

    /** Makes pair j trade in direction dir (+1: pairFrom sells). */
    void activate(int j, byte dir) {
        active[j] = true;
        sigma[j] = dir;
        if (numListed == listed.length) {
            listed = Arrays.copyOf(listed, 2 * numListed);
        }
        listed[numListed++] = j;
    }

    void deactivate(int j) {
        active[j] = false;
    }

    int other(int j, int n) {
        return pairFrom[j] == n ? pairTo[j] : pairFrom[j];
    }

    /**
     * Rebuilds the trees of the active pairs (adjacency, breadth-first order, offsets), in time
     * linear in the agents and the pairs activated since the last build, not in all pairs.
     */
    void build() {
        // Keep each active pair once: a pair dropped and joined again is listed twice.
        int kept = 0;
        for (int i = 0; i < numListed; i++) {
            int j = listed[i];
            if (!active[j]) {
                flow[j] = 0.0; // dropped: it trades no more
            } else if (flow[j] != Double.MAX_VALUE) {
                listed[kept++] = j;
                flow[j] = Double.MAX_VALUE; // a mark, cleared below
            }
        }
        numListed = kept;
        Arrays.fill(adjStart, 0);
        for (int i = 0; i < kept; i++) {
            int j = listed[i];
            flow[j] = 0.0;
            adjStart[pairFrom[j] + 1]++;
            adjStart[pairTo[j] + 1]++;
        }
        for (int i = 0; i < nA; i++) {
            adjStart[i + 1] += adjStart[i];
        }
        Arrays.fill(fill, 0);
        for (int i = 0; i < kept; i++) {
            int j = listed[i];
            adj[adjStart[pairFrom[j]] + fill[pairFrom[j]]++] = j;
            adj[adjStart[pairTo[j]] + fill[pairTo[j]]++] = j;
        }
        Arrays.fill(comp, -1);
        int head = 0;
        int tail = 0;
        int k = 0;
        for (int r = 0; r < nA; r++) {
            if (comp[r] >= 0) {
                continue;
            }
            compStart[k] = tail;
            comp[r] = k;
            parent[r] = -1;
            parentPair[r] = -1;
            off[r] = 0.0;
            order[tail++] = r;
            while (head < tail) {
                int n = order[head++];
                for (int q = adjStart[n]; q < adjStart[n + 1]; q++) {
                    int j = adj[q];
                    int o = other(j, n);
                    if (comp[o] >= 0) {
                        continue;
                    }
                    comp[o] = k;
                    parent[o] = n;
                    parentPair[o] = j;
                    double d = sigma[j] * cost[j];
                    off[o] = pairFrom[j] == n ? off[n] + d : off[n] - d;
                    order[tail++] = o;
                }
            }
            k++;
        }
        numComps = k;
        compStart[k] = tail;
    }

    /**
     * The trees after pairs of the last {@link #build} were deactivated (and none activated):
     * each tree pair that no longer trades cuts its subtree off as a tree of its own. Linear in
     * the agents, without the adjacency and breadth-first walk of a build: members keep their
     * order (parents before children), offsets are re-based on the new roots.
     */
    void split() {
        int k = 0;
        for (int q = 0; q < nA; q++) {
            int n = order[q];
            int j = parentPair[n];
            if (j < 0 || !active[j]) {
                if (j >= 0) {
                    flow[j] = 0.0; // cut: it trades no more
                }
                parent[n] = -1;
                parentPair[n] = -1;
                newRoot[n] = n;
                comp[n] = k++;
            } else {
                int r = newRoot[parent[n]];
                newRoot[n] = r;
                comp[n] = comp[r];
            }
        }
        for (int q = 0; q < nA; q++) {
            int n = order[q];
            int r = newRoot[n];
            if (r != n) {
                rebased[n] = off[n] - off[r];
            }
        }
        Arrays.fill(compStart, 0, k + 1, 0);
        for (int n = 0; n < nA; n++) {
            compStart[comp[n] + 1]++;
        }
        for (int i = 0; i < k; i++) {
            compStart[i + 1] += compStart[i];
        }
        System.arraycopy(compStart, 0, fill, 0, k);
        for (int q = 0; q < nA; q++) {
            int n = order[q];
            newOrder[fill[comp[n]]++] = n;
            off[n] = newRoot[n] == n ? 0.0 : rebased[n];
        }
        System.arraycopy(newOrder, 0, order, 0, nA);
        numComps = k;
    }

    int root(int k) {
        return order[compStart[k]];
    }

    /** Assets at the prices mu (linear assets on their breakpoint fill what their tree needs), then trades. */
    void dispatch(double[] mu) {
        double[] a = ix.a();
        double[] b = ix.b();
        double[] pMin = ix.pMin();
        double[] pMax = ix.pMax();
        int[] start = ix.assetStart();
        for (int k = 0; k < numComps; k++) {
            double jumpLo = 0;
            double jumpHi = 0;
            double fixed = 0;
            boolean anyJump = false;
            for (int q = compStart[k]; q < compStart[k + 1]; q++) {
                int n = order[q];
                double m = mu[n];
                for (int s = start[n]; s < start[n + 1]; s++) {
                    double v;
                    if (a[s] > 0.0) {
                        v = Math.min(Math.max((m - b[s]) / a[s], pMin[s]), pMax[s]);
                    } else if (Supply.atBreakpoint(m, b[s], off[n])) {
                        v = Double.NaN;
                        jumpLo += pMin[s];
                        jumpHi += pMax[s];
                        anyJump = true;
                    } else {
                        v = m > b[s] ? pMax[s] : pMin[s];
                    }
                    assetP[s] = v;
                    if (!Double.isNaN(v)) {
                        fixed += v;
                    }
                }
            }
            if (anyJump) {
                fillJump(k, -fixed, jumpLo, jumpHi, mu);
            }
        }
        for (int n = 0; n < nA; n++) {
            double e = 0;
            for (int s = start[n]; s < start[n + 1]; s++) {
                e += assetP[s];
            }
            sub[n] = e;
        }
        for (int q = nA - 1; q >= 0; q--) {
            int n = order[q];
            int j = parentPair[n];
            if (j >= 0) {
                // The subtree behind n sells its net injection to n's parent.
                flow[j] = pairFrom[j] == n ? sub[n] : -sub[n];
                sub[parent[n]] += sub[n];
            }
        }
    }

    /**
     * The linear assets on their breakpoint share what the rest of the tree leaves: each starts
     * at the same fraction of its range (or, with an infinite range, at the point nearest 0) and
     * then, in index order, they move as far as needed.
     */
    private void fillJump(int k, double target, double jumpLo, double jumpHi, double[] mu) {
        double[] pMin = ix.pMin();
        double[] pMax = ix.pMax();
        int[] start = ix.assetStart();
        double t = Math.min(Math.max(target, jumpLo), jumpHi);
        boolean finite = Double.isFinite(jumpLo) && Double.isFinite(jumpHi) && jumpHi > jumpLo;
        double frac = finite ? (t - jumpLo) / (jumpHi - jumpLo) : 0.0;
        double placed = 0;
        for (int q = compStart[k]; q < compStart[k + 1]; q++) {
            int n = order[q];
            for (int s = start[n]; s < start[n + 1]; s++) {
                if (Double.isNaN(assetP[s])) {
                    assetP[s] = finite ? pMin[s] + frac * (pMax[s] - pMin[s]) : Math.min(Math.max(0.0, pMin[s]), pMax[s]);
                    placed += assetP[s];
                }
            }
        }
        if (finite) {
            return;
        }
        double rest = t - placed;
        for (int q = compStart[k]; q < compStart[k + 1] && rest != 0.0; q++) {
            int n = order[q];
            for (int s = start[n]; s < start[n + 1] && rest != 0.0; s++) {
                if (ix.a()[s] == 0.0 && Supply.atBreakpoint(mu[n], ix.b()[s], off[n])) {
                    double v = Math.min(Math.max(assetP[s] + rest, pMin[s]), pMax[s]);
                    rest -= v - assetP[s];
                    assetP[s] = v;
                }
            }
        }
    }
}
