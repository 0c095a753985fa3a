package org.peerclear.clearing.admm;

import java.util.Arrays;
import org.peerclear.clearing.NumericalTolerances;
import org.peerclear.index.MarketIndex;

/**
 * Recovers the exact equilibrium from a converged ADMM point's active set, so that balance,
 * reciprocity and the price relations hold to rounding, not to the ADMM's residuals:
 * <ol>
 *   <li>each pair is classified as trading (consensus trade clearly nonzero, or gamma = 0) or idle;
 *       trading pairs link their agents' prices, {@code mu_m = mu_n + sign(t_nm)·(gamma_nm + gamma_mn)};</li>
 *   <li>in each component of linked agents the prices are one unknown c plus known offsets; c is
 *       the exact root of the component's balance {@code Σ_s p_s(c + offset_n + pi_n) = 0}
 *       (monotone, piecewise linear: found between sorted breakpoints), the one nearest the
 *       ADMM's prices when the root is an interval;</li>
 *   <li>the assets follow from their prices; linear assets at their marginal price absorb the
 *       rest, starting from their ADMM values;</li>
 *   <li>trades are the ADMM consensus corrected by the least-squares flow that makes every agent
 *       balance: {@code t_nm += φ_n − φ_m} with {@code Lφ = imbalance} on the component's
 *       graph (conjugate gradients);</li>
 *   <li>pair prices: {@code mu_n + sign(t)·gamma} on trading pairs, the ADMM's price clamped into
 *       both agents' bands on idle ones.</li>
 * </ol>
 * {@code pi_n} (the network price component, if any) is kept from the ADMM. The polish fails
 * (returns null, with {@link #failure()}) when the active set read from the ADMM point is
 * inconsistent (a linked cycle whose offsets disagree, a component that cannot balance, a
 * correction that flips a trade's sign, an idle pair whose bands do not meet): then the ADMM's
 * own point is reported.
 */
final class AdmmPolish {
    private final MarketIndex ix;
    private String failure;

    /** The polished point. */
    record Point(double[] assetPower, double[] trades, double[] agentPrices, double[] tradePrices) {
    }

    AdmmPolish(MarketIndex ix) {
        this.ix = ix;
    }

    String failure() {
        return failure;
    }

    /**
     * @param raw   the agents' last local trades per arc
     * @param mu    the agents' prices
     * @param lam   bilateral prices per arc
     * @param p     asset set-points of the last local step
     * @param pi    network price component per agent (zeros without a network)
     */
    Point polish(double[] raw, double[] mu, double[] lam, double[] p, double[] pi) {
        int nA = ix.numAgents();
        int m = ix.numArcs();
        double[] gamma = ix.gamma();
        int[] from = ix.from();
        int[] to = ix.to();
        double scaleP = 1.0;
        double scaleL = 1.0;
        for (int s = 0; s < ix.numAssets(); s++) {
            if (Double.isFinite(ix.pMin()[s])) {
                scaleP = Math.max(scaleP, Math.abs(ix.pMin()[s]));
            }
            if (Double.isFinite(ix.pMax()[s])) {
                scaleP = Math.max(scaleP, Math.abs(ix.pMax()[s]));
            }
            scaleL = Math.max(scaleL, Math.abs(ix.b()[s]));
        }
        for (double g : gamma) {
            scaleL = Math.max(scaleL, g);
        }
        double tolL = NumericalTolerances.POLISH_PRICE_TIE * scaleL;
        // 1. Candidate trading pairs: gamma = 0, or both agents' own last trades nonzero and in
        // agreement (the soft threshold gives exactly 0 in the dead zone, so a pair idle at the
        // optimum has both at 0 once its agents' prices are inside its band).
        double[] t = new double[m];
        boolean[] linked = new boolean[m >> 1];
        boolean[] treeEdge = new boolean[m >> 1];
        int nc = 0;
        int[] cand = new int[m >> 1];
        double[] weight = new double[m >> 1];
        for (int k = 0; k < m; k += 2) {
            double zc = 0.5 * (raw[k] - raw[k + 1]);
            t[k] = zc;
            t[k + 1] = -zc;
            boolean free = gamma[k] == 0.0 && gamma[k + 1] == 0.0;
            if (free || raw[k] != 0.0 && raw[k + 1] != 0.0 && Math.signum(raw[k]) == -Math.signum(raw[k + 1])) {
                cand[nc] = k >> 1;
                weight[k >> 1] = free ? Double.POSITIVE_INFINITY : Math.abs(zc);
                nc++;
            }
        }
        // 2. A spanning forest of consistent links, largest trades first (Kruskal): generically the
        // pairs trading at the optimum form a forest, since around a cycle Σ ±(gamma_nm + gamma_mn) ≠ 0; a pair that
        // would close a cycle with inconsistent offsets is idle (its small trade not yet gone).
        Integer[] byWeight = new Integer[nc];
        for (int i = 0; i < nc; i++) {
            byWeight[i] = cand[i];
        }
        Arrays.sort(byWeight, (x, y) -> Double.compare(weight[y], weight[x]));
        int[] parent = new int[nA];
        double[] rel = new double[nA]; // offset of an agent relative to its parent
        for (int n = 0; n < nA; n++) {
            parent[n] = n;
        }
        for (int i = 0; i < nc; i++) {
            int j = byWeight[i];
            int k = 2 * j;
            int n = from[k];
            int o = to[k];
            double need = Math.signum(t[k]) * (gamma[k] + gamma[k + 1]);
            int rn = find(parent, rel, n);
            int ro = find(parent, rel, o);
            double offN = rel[n];
            double offO = rel[o];
            if (rn != ro) {
                // off(o) − off(n) = need: attach ro under rn.
                parent[ro] = rn;
                rel[ro] = offN + need - offO;
                linked[j] = true;
                treeEdge[j] = true;
            } else if (Math.abs(offO - offN - need) <= tolL) {
                linked[j] = true;
            }
        }
        for (int j = 0; j < (m >> 1); j++) {
            if (!linked[j]) {
                t[2 * j] = 0.0;
                t[2 * j + 1] = 0.0;
            }
        }
        int[] comp = new int[nA];
        Arrays.fill(comp, -1);
        double[] off = new double[nA];
        int[] queue = new int[nA];
        int[] arcStart = ix.arcStart();
        int[] arcsOf = ix.arcsOf();
        int nComp = 0;
        int[] compStart = new int[nA + 1];
        int[] order = new int[nA];
        int filled = 0;
        for (int root = 0; root < nA; root++) {
            if (comp[root] >= 0) {
                continue;
            }
            compStart[nComp] = filled;
            int head = 0;
            int tail = 0;
            queue[tail++] = root;
            comp[root] = nComp;
            off[root] = 0.0;
            while (head < tail) {
                int n = queue[head++];
                order[filled++] = n;
                for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                    int k = arcsOf[q];
                    if (!linked[k >> 1]) {
                        continue;
                    }
                    int o = to[k];
                    double expect = off[n] + Math.signum(t[k]) * (gamma[k] + gamma[k ^ 1]);
                    if (comp[o] < 0) {
                        comp[o] = nComp;
                        off[o] = expect;
                        queue[tail++] = o;
                    } else if (Math.abs(off[o] - expect) > 4 * tolL) {
                        failure = "the trading pairs' price offsets disagree around a cycle through " + ix.agentId(n);
                        return null;
                    }
                }
            }
            nComp++;
        }
        compStart[nComp] = filled;
        // 3-4. Component prices and assets.
        double[] pOut = p.clone();
        double[] muOut = new double[nA];
        for (int c = 0; c < nComp; c++) {
            if (!solveComponent(order, compStart[c], compStart[c + 1], off, mu, pi, pOut, muOut, scaleP, tolL)) {
                return null;
            }
        }
        // 5. Trades: the balancing correction, carried by the spanning forest of the links (on a
        // forest it is unique: each edge carries the excess of the subtree below it).
        double[] d = new double[nA];
        for (int n = 0; n < nA; n++) {
            double e = 0;
            for (int s = ix.assetStart()[n]; s < ix.assetStart()[n + 1]; s++) {
                e += pOut[s];
            }
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                e -= t[arcsOf[q]];
            }
            d[n] = e;
        }
        double[] delta = forestFlow(d, treeEdge, comp, nComp);
        for (int k = 0; k < m; k += 2) {
            if (!treeEdge[k >> 1]) {
                continue;
            }
            double nt = t[k] + delta[k >> 1];
            if (gamma[k] > 0.0 && Math.signum(nt) != Math.signum(t[k])) {
                failure = "the balancing correction reverses the trade on " + ix.agentId(from[k]) + "->" + ix.agentId(to[k]);
                return null;
            }
            t[k] = nt;
            t[k + 1] = -nt;
        }
        // 6. Pair prices.
        double[] lamOut = new double[m];
        for (int k = 0; k < m; k += 2) {
            int n = from[k];
            int o = to[k];
            double l;
            if (linked[k >> 1]) {
                l = muOut[n] + Math.signum(t[k]) * gamma[k];
            } else {
                double lo = Math.max(muOut[n] - gamma[k], muOut[o] - gamma[k + 1]);
                double hi = Math.min(muOut[n] + gamma[k], muOut[o] + gamma[k + 1]);
                if (lo > hi + tolL) {
                    failure = "idle pair " + ix.agentId(n) + "-" + ix.agentId(o) + " has prices " + muOut[n] + " and "
                            + muOut[o] + " further apart than its two gammas";
                    return null;
                }
                double l0 = 0.5 * (lam[k] + lam[k + 1]);
                l = Math.min(hi, Math.max(lo, Double.isFinite(l0) ? l0 : 0.5 * (lo + hi)));
            }
            lamOut[k] = l;
            lamOut[k + 1] = l;
        }
        for (int n = 0; n < nA; n++) {
            if (Double.isNaN(mu[n])) {
                muOut[n] = Double.NaN;
            }
        }
        return new Point(pOut, t, muOut, lamOut);
    }

    /** Union-find root of n, compressing the path and keeping rel[n] = offset of n relative to the root. */
    private static int find(int[] parent, double[] rel, int n) {
        int r = n;
        double acc = 0;
        while (parent[r] != r) {
            r = parent[r];
        }
        // Second pass: accumulate offsets from n up, then point everything at the root.
        int x = n;
        double total = 0;
        while (parent[x] != x) {
            total += rel[x];
            x = parent[x];
        }
        x = n;
        acc = total;
        while (parent[x] != x) {
            int next = parent[x];
            double own = rel[x];
            parent[x] = r;
            rel[x] = acc;
            acc -= own;
            x = next;
        }
        rel[r] = 0.0;
        return r;
    }

    /** Balance of a component at common price c: [lo, hi] of Σ p (linear assets at their price give a range). */
    private void eval(int[] order, int a0, int a1, double[] off, double[] pi, double c, double tolL, double[] out) {
        double lo = 0;
        double hi = 0;
        int[] st = ix.assetStart();
        double[] a = ix.a();
        double[] b = ix.b();
        double[] pMin = ix.pMin();
        double[] pMax = ix.pMax();
        for (int i = a0; i < a1; i++) {
            int n = order[i];
            double price = c + off[n] + pi[n];
            for (int s = st[n]; s < st[n + 1]; s++) {
                if (a[s] > 0) {
                    double v = Math.min(pMax[s], Math.max(pMin[s], (price - b[s]) / a[s]));
                    lo += v;
                    hi += v;
                } else if (price < b[s] - tolL) {
                    lo += pMin[s];
                    hi += pMin[s];
                } else if (price > b[s] + tolL) {
                    lo += pMax[s];
                    hi += pMax[s];
                } else {
                    lo += pMin[s];
                    hi += pMax[s];
                }
            }
        }
        out[0] = lo;
        out[1] = hi;
    }

    private boolean solveComponent(int[] order, int a0, int a1, double[] off, double[] mu, double[] pi, double[] pOut,
                                   double[] muOut, double scaleP, double tolL) {
        int[] st = ix.assetStart();
        double[] a = ix.a();
        double[] b = ix.b();
        double[] pMin = ix.pMin();
        double[] pMax = ix.pMax();
        // The ADMM's estimate of c.
        double c0 = 0;
        int cnt = 0;
        double[] bp = new double[16];
        int nbp = 0;
        for (int i = a0; i < a1; i++) {
            int n = order[i];
            if (Double.isFinite(mu[n])) {
                c0 += mu[n] - off[n];
                cnt++;
            }
            double shift = off[n] + pi[n];
            for (int s = st[n]; s < st[n + 1]; s++) {
                if (nbp + 2 > bp.length) {
                    bp = Arrays.copyOf(bp, 2 * bp.length);
                }
                if (a[s] > 0) {
                    if (Double.isFinite(pMin[s])) {
                        bp[nbp++] = b[s] + a[s] * pMin[s] - shift;
                    }
                    if (Double.isFinite(pMax[s])) {
                        bp[nbp++] = b[s] + a[s] * pMax[s] - shift;
                    }
                } else {
                    bp[nbp++] = b[s] - shift;
                }
            }
        }
        c0 = cnt > 0 ? c0 / cnt : 0.0;
        Arrays.sort(bp, 0, nbp);
        double[] g = new double[2];
        double cL;
        double cH;
        if (nbp == 0) {
            eval(order, a0, a1, off, pi, c0, tolL, g);
            if (Math.abs(g[0]) > NumericalTolerances.POLISH_BALANCE * scaleP) {
                failure = "a component without price-responsive assets cannot balance";
                return false;
            }
            cL = Double.NEGATIVE_INFINITY;
            cH = Double.POSITIVE_INFINITY;
        } else {
            cL = infHiNonNegative(order, a0, a1, off, pi, bp, nbp, tolL);
            cH = supLoNonPositive(order, a0, a1, off, pi, bp, nbp, tolL);
            if (Double.isNaN(cL) || Double.isNaN(cH) || cL > cH + tolL) {
                failure = "a component of " + (a1 - a0) + " agents (with " + ix.agentId(order[a0]) + ") cannot balance";
                return false;
            }
        }
        double c = Math.min(Math.max(c0, cL), Math.max(cL, cH));
        // Assets at their prices; linear ones at their price start from the ADMM value and absorb the rest.
        double rest = 0;
        for (int i = a0; i < a1; i++) {
            int n = order[i];
            muOut[n] = c + off[n];
            double price = c + off[n] + pi[n];
            for (int s = st[n]; s < st[n + 1]; s++) {
                double v;
                if (a[s] > 0) {
                    v = Math.min(pMax[s], Math.max(pMin[s], (price - b[s]) / a[s]));
                } else if (price < b[s] - tolL) {
                    v = pMin[s];
                } else if (price > b[s] + tolL) {
                    v = pMax[s];
                } else {
                    v = Math.min(pMax[s], Math.max(pMin[s], pOut[s]));
                }
                pOut[s] = v;
                rest -= v;
            }
        }
        for (int i = a0; i < a1 && rest != 0.0; i++) {
            int n = order[i];
            double price = c + off[n] + pi[n];
            for (int s = st[n]; s < st[n + 1] && rest != 0.0; s++) {
                if (a[s] == 0.0 && Math.abs(price - b[s]) <= tolL) {
                    double v = Math.min(pMax[s], Math.max(pMin[s], pOut[s] + rest));
                    rest -= v - pOut[s];
                    pOut[s] = v;
                }
            }
        }
        if (Math.abs(rest) > NumericalTolerances.POLISH_BALANCE * scaleP) {
            failure = "a component of " + (a1 - a0) + " agents (with " + ix.agentId(order[a0]) + ") is short of "
                    + rest + " at its price";
            return false;
        }
        return true;
    }

    /** inf{c : Ghi(c) ≥ 0}; NaN when G stays below 0. */
    private double infHiNonNegative(int[] order, int a0, int a1, double[] off, double[] pi, double[] bp, int nbp, double tolL) {
        double[] g = new double[2];
        int lo = 0;
        int hi = nbp; // first index with Ghi(bp) ≥ 0, nbp if none
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            eval(order, a0, a1, off, pi, bp[mid], tolL, g);
            if (g[1] >= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int i = lo;
        if (i == nbp) {
            double x0 = bp[nbp - 1];
            eval(order, a0, a1, off, pi, x0, tolL, g);
            double g0 = g[1];
            double x1 = x0 + 1.0;
            eval(order, a0, a1, off, pi, x1, tolL, g);
            double slope = g[1] - g0;
            return slope > 0 ? x0 - g0 / slope : Double.NaN;
        }
        eval(order, a0, a1, off, pi, bp[i], tolL, g);
        double loAt = g[0];
        if (loAt <= 0) {
            return bp[i];
        }
        if (i == 0) {
            double x1 = bp[0] - 1.0;
            eval(order, a0, a1, off, pi, x1, tolL, g);
            double slope = loAt - g[1];
            return slope > 0 ? bp[0] - loAt / slope : Double.NEGATIVE_INFINITY;
        }
        eval(order, a0, a1, off, pi, bp[i - 1], tolL, g);
        double hiPrev = g[1];
        return bp[i - 1] + (0 - hiPrev) * (bp[i] - bp[i - 1]) / (loAt - hiPrev);
    }

    /** sup{c : Glo(c) ≤ 0}; NaN when G stays above 0. */
    private double supLoNonPositive(int[] order, int a0, int a1, double[] off, double[] pi, double[] bp, int nbp, double tolL) {
        double[] g = new double[2];
        int lo = -1; // last index with Glo(bp) ≤ 0, -1 if none
        int hi = nbp - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >> 1;
            eval(order, a0, a1, off, pi, bp[mid], tolL, g);
            if (g[0] <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int i = lo;
        if (i < 0) {
            double x0 = bp[0];
            eval(order, a0, a1, off, pi, x0, tolL, g);
            double g0 = g[0];
            eval(order, a0, a1, off, pi, x0 - 1.0, tolL, g);
            double slope = g0 - g[1];
            return slope > 0 ? x0 - g0 / slope : Double.NaN;
        }
        eval(order, a0, a1, off, pi, bp[i], tolL, g);
        double hiAt = g[1];
        if (hiAt >= 0) {
            return bp[i];
        }
        if (i == nbp - 1) {
            eval(order, a0, a1, off, pi, bp[i] + 1.0, tolL, g);
            double slope = g[0] - hiAt;
            return slope > 0 ? bp[i] - hiAt / slope : Double.POSITIVE_INFINITY;
        }
        eval(order, a0, a1, off, pi, bp[i + 1], tolL, g);
        double loNext = g[0];
        return bp[i] + (0 - hiAt) * (bp[i + 1] - bp[i]) / (loNext - hiAt);
    }

    /**
     * The flow on the spanning forest that removes every agent's excess d: for each tree edge,
     * the change of the trade from its {@code from} agent to its {@code to} agent. Linear time:
     * agents are ordered from each component's root down (breadth first) and the subtree sums
     * accumulated back up. Each component's excesses are first shifted to sum to exactly zero
     * (they do up to rounding), as in a balanced component they must.
     */
    private double[] forestFlow(double[] d, boolean[] treeEdge, int[] comp, int nComp) {
        int nA = d.length;
        int[] arcStart = ix.arcStart();
        int[] arcsOf = ix.arcsOf();
        int[] to = ix.to();
        int[] deg = new int[nA];
        double[] sum = new double[nComp];
        int[] size = new int[nComp];
        for (int n = 0; n < nA; n++) {
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                if (treeEdge[arcsOf[q] >> 1]) {
                    deg[n]++;
                }
            }
            if (deg[n] > 0) {
                sum[comp[n]] += d[n];
                size[comp[n]]++;
            }
        }
        double[] excess = new double[nA];
        for (int n = 0; n < nA; n++) {
            excess[n] = deg[n] == 0 ? 0.0 : d[n] - sum[comp[n]] / size[comp[n]];
        }
        int[] order = new int[nA];
        int[] parentArc = new int[nA];
        boolean[] seen = new boolean[nA];
        int head = 0;
        int tail = 0;
        for (int root = 0; root < nA; root++) {
            if (seen[root] || deg[root] == 0) {
                continue;
            }
            seen[root] = true;
            parentArc[root] = -1;
            order[tail++] = root;
            while (head < tail) {
                int n = order[head++];
                for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                    int k = arcsOf[q];
                    int o = to[k];
                    if (treeEdge[k >> 1] && !seen[o]) {
                        seen[o] = true;
                        parentArc[o] = k ^ 1; // the arc from the child o back to n
                        order[tail++] = o;
                    }
                }
            }
        }
        double[] delta = new double[ix.numPairs()];
        for (int i = tail - 1; i >= 0; i--) {
            int c = order[i];
            int k = parentArc[c];
            if (k < 0) {
                continue;
            }
            // The child sends its subtree's excess to its parent along arc k (c → parent).
            double s = excess[c];
            delta[k >> 1] += (k & 1) == 0 ? s : -s;
            excess[to[k]] += s;
        }
        return delta;
    }
}
