package org.peerclear.games.sharing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;

/**
 * The exact cost of a coalition of a pool, in closed form: for a one-period market without a
 * network in which the players trade through one point at one price (a community's manager, or
 * every pair of players at one pair fee), the clearing is a single-price market and its cost
 * the maximum of a concave piecewise-quadratic function of that price.
 *
 * <h2>The structures it takes</h2>
 * <ul>
 *   <li><b>Community</b>: one community; every player is a member or its manager; the manager
 *       trades with its members and the grid only. The manager is the hub; a member trades with
 *       it at a fee per unit {@code h_i} (the pair's two arc coefficients), the manager's own
 *       assets at no fee, and the grid through the manager's grid leg at that leg's pair fee.</li>
 *   <li><b>Complete</b>: no community; every two players may trade, all at one pair fee g; each
 *       player has its own grid leg (at its own fee) or none; agents without assets have no
 *       arcs. A unit from a seller to a buyer pays g once on the direct pair, and routing through a
 *       third player pays at least 2g, so the market is a hub at which each player pays
 *       {@code h = g/2} per unit bought or sold (a flow through the hub decomposes into seller–buyer
 *       paths of cost g each), with its own grid leg behind it.</li>
 * </ul>
 * Anything else is not a pool, and {@link #detect} says why.
 *
 * <h2>The closed form</h2>
 * A participant j (a player; the community's grid leg, which is in every coalition) with assets
 * {@code f_s(p) = ½a p² + bp} on {@code [lo, hi]} (its private grid leg as two linear assets:
 * import at the import price plus the leg's fee, export at the export price minus it) selling
 * {@code x} to the hub at hub price μ pays {@code h|x|}. Its best answer has the value
 * <pre>
 *   φ_j(μ) = min_p Σ_s f_s(p_s) − μ·Σ_s p_s + h·|Σ_s p_s|  =  G_j(clamp(ρ0_j, μ − h, μ + h)),
 *   G_j(ρ) = Σ_s min_{p ∈ [lo_s, hi_s]} (f_s(p) − ρ p)
 * </pre>
 * where {@code G_j} is concave piecewise quadratic with {@code G_j' = −N_j} (its net supply at
 * internal price ρ) and {@code ρ0_j} is where {@code N_j} crosses 0 (its price alone): a
 * participant's internal price follows the hub's shifted by its fee, and stays at its own price
 * while the hub's is within its fee of it. By duality the coalition's cost is
 * {@code c(S) = max_μ Σ_{j ∈ S ∪ fixed} φ_j(μ)}, a concave piecewise quadratic in μ. An
 * unlimited grid side makes {@code φ_j = −∞} beyond a price (a wall): μ is searched between the
 * highest lower wall and the lowest upper wall.
 *
 * <h2>Incremental evaluation</h2>
 * Every participant's breakpoints are known in advance, so the sum's quadratic coefficients on
 * each segment between consecutive breakpoints are prefix sums of per-breakpoint deltas, kept in a
 * Fenwick tree: adding or removing a player is {@code O(k log B)} (k its breakpoints, B all of
 * them) and the maximum is found by a descent of the tree on the sign of the derivative,
 * {@code O(log B)}. Prices are shifted by the middle of the market's price range first, so that
 * the quadratics' coefficients do not cancel at large prices.
 */
final class PoolCost implements CoalitionCost {
    private final int players;
    /** Global breakpoints, ascending, in shifted prices. */
    private final double[] points;
    /** Per participant (players first, then the fixed ones): its entries in {@link #pos} etc. */
    private final int[] entryStart;
    /** Fenwick position (1-based, over segments 0..P) of each entry; the first entry of a participant is its base. */
    private final int[] pos;
    private final double[] d2;
    private final double[] d1;
    private final double[] d0;
    /** Per participant: its walls' Fenwick positions over breakpoints (1-based), 0 for none. */
    private final int[] lowerWall;
    private final int[] upperWall;
    private final int participants;
    private final String structure;
    /** The tree of the fixed participants alone: a cleared state starts as a copy of it. */
    private final double[] fixedTree;
    private final int[] fixedLower;
    private final int[] fixedUpper;

    private PoolCost(int players, List<Piecewise> parts, String structure) {
        this.players = players;
        this.participants = parts.size();
        this.structure = structure;
        double[] all = new double[parts.stream().mapToInt(p -> p.mu.length + 2).sum()];
        int k = 0;
        for (Piecewise p : parts) {
            for (double m : p.mu) {
                all[k++] = m;
            }
            if (Double.isFinite(p.wallLo)) {
                all[k++] = p.wallLo;
            }
            if (Double.isFinite(p.wallHi)) {
                all[k++] = p.wallHi;
            }
        }
        double[] sorted = Arrays.copyOf(all, k);
        Arrays.sort(sorted);
        int u = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (u == 0 || sorted[i] != sorted[u - 1]) {
                sorted[u++] = sorted[i];
            }
        }
        points = Arrays.copyOf(sorted, u);
        entryStart = new int[participants + 1];
        for (int j = 0; j < participants; j++) {
            entryStart[j + 1] = entryStart[j] + 1 + parts.get(j).mu.length;
        }
        int entries = entryStart[participants];
        pos = new int[entries];
        d2 = new double[entries];
        d1 = new double[entries];
        d0 = new double[entries];
        lowerWall = new int[participants];
        upperWall = new int[participants];
        for (int j = 0; j < participants; j++) {
            Piecewise p = parts.get(j);
            int e = entryStart[j];
            pos[e] = 1;
            d2[e] = p.c2[0];
            d1[e] = p.c1[0];
            d0[e] = p.c0[0];
            for (int q = 0; q < p.mu.length; q++) {
                int at = Arrays.binarySearch(points, p.mu[q]);
                // The delta enters the segment right of breakpoint `at`: segment at + 1, position at + 2.
                pos[e + 1 + q] = at + 2;
                d2[e + 1 + q] = p.c2[q + 1] - p.c2[q];
                d1[e + 1 + q] = p.c1[q + 1] - p.c1[q];
                d0[e + 1 + q] = p.c0[q + 1] - p.c0[q];
            }
            lowerWall[j] = Double.isFinite(p.wallLo) ? Arrays.binarySearch(points, p.wallLo) + 1 : 0;
            upperWall[j] = Double.isFinite(p.wallHi) ? Arrays.binarySearch(points, p.wallHi) + 1 : 0;
        }
        Tree fixed = new Tree(null, null, null);
        for (int j = players; j < participants; j++) {
            fixed.apply(j, 1.0);
        }
        fixedTree = fixed.t;
        fixedLower = fixed.lower;
        fixedUpper = fixed.upper;
    }

    @Override
    public int players() {
        return players;
    }

    /** {@return which structure was found, for notes} */
    String structure() {
        return structure;
    }

    @Override
    public State state() {
        return new Tree(fixedTree, fixedLower, fixedUpper);
    }

    /** The aggregate of the current members' (and the fixed participants') functions. */
    private final class Tree implements State {
        /** Coefficients (d2, d1, d0) interleaved per Fenwick position 1..P+1 (segments 0..P). */
        final double[] t;
        /** Walls per breakpoint position 1..P (counts). */
        final int[] lower;
        final int[] upper;
        int lowerCount;
        int upperCount;
        final int size = points.length + 1;

        Tree(double[] t0, int[] lower0, int[] upper0) {
            t = t0 == null ? new double[3 * (size + 1)] : t0.clone();
            lower = lower0 == null ? new int[points.length + 1] : lower0.clone();
            upper = upper0 == null ? new int[points.length + 1] : upper0.clone();
            lowerCount = count(lower);
            upperCount = count(upper);
        }

        private int count(int[] tree) {
            // The total is the prefix over every position: the roots of the Fenwick decomposition of P.
            int c = 0;
            for (int p = tree.length - 1; p > 0; p -= p & -p) {
                c += tree[p];
            }
            return c;
        }

        @Override
        public void set(int player, boolean member) {
            apply(player, member ? 1.0 : -1.0);
        }

        void apply(int j, double sign) {
            for (int e = entryStart[j]; e < entryStart[j + 1]; e++) {
                double a2 = sign * d2[e];
                double a1 = sign * d1[e];
                double a0 = sign * d0[e];
                for (int p = pos[e]; p <= size; p += p & -p) {
                    t[3 * p] += a2;
                    t[3 * p + 1] += a1;
                    t[3 * p + 2] += a0;
                }
            }
            int delta = sign > 0 ? 1 : -1;
            if (lowerWall[j] > 0) {
                lowerCount += delta;
                for (int p = lowerWall[j]; p < lower.length; p += p & -p) {
                    lower[p] += delta;
                }
            }
            if (upperWall[j] > 0) {
                upperCount += delta;
                for (int p = upperWall[j]; p < upper.length; p += p & -p) {
                    upper[p] += delta;
                }
            }
        }

        @Override
        public void clear() {
            System.arraycopy(fixedTree, 0, t, 0, t.length);
            System.arraycopy(fixedLower, 0, lower, 0, lower.length);
            System.arraycopy(fixedUpper, 0, upper, 0, upper.length);
            lowerCount = count(lower);
            upperCount = count(upper);
        }

        @Override
        public double cost() {
            // Descent: the last segment s whose left end the sum's derivative rises into (segment 0 by
            // convention), i.e. the segment holding the maximum of the concave sum.
            int p = 0;
            double a2 = 0.0;
            double a1 = 0.0;
            double a0 = 0.0;
            for (int step = Integer.highestOneBit(size); step > 0; step >>= 1) {
                int q = p + step;
                if (q > size) {
                    continue;
                }
                double c2 = a2 + t[3 * q];
                double c1 = a1 + t[3 * q + 1];
                if (q == 1 || 2.0 * c2 * points[q - 2] + c1 > 0.0) {
                    p = q;
                    a2 = c2;
                    a1 = c1;
                    a0 += t[3 * q + 2];
                }
            }
            int s = p - 1;
            double left = s >= 1 ? points[s - 1] : Double.NEGATIVE_INFINITY;
            double right = s < points.length ? points[s] : Double.POSITIVE_INFINITY;
            double mu;
            if (a2 < 0.0) {
                mu = Math.max(left, Math.min(right, -a1 / (2.0 * a2)));
            } else if (a1 > 0.0) {
                mu = right;
            } else if (a1 < 0.0) {
                mu = left;
            } else {
                mu = Double.isFinite(left) ? left : Double.isFinite(right) ? right : 0.0;
            }
            double lo = lowerCount > 0 ? points[lastPosition(lower, lowerCount) - 1] : Double.NEGATIVE_INFINITY;
            double hi = upperCount > 0 ? points[firstPosition(upper) - 1] : Double.POSITIVE_INFINITY;
            double clamped = Math.max(lo, Math.min(hi, mu));
            if (Double.isInfinite(clamped)) {
                throw new IllegalStateException("the coalition's market has no price at which it balances: it is infeasible"
                        + " (its members' fixed injections cannot be absorbed, or its fixed demand cannot be served)");
            }
            if (clamped != mu || clamped == left || clamped == right) {
                // At a breakpoint or a wall: read the coefficients of a segment that touches it (the
                // sum is continuous, so either side gives its value).
                int seg = segmentOf(clamped);
                double[] c = prefix(seg + 1);
                a2 = c[0];
                a1 = c[1];
                a0 = c[2];
            }
            return (a2 * clamped + a1) * clamped + a0;
        }

        /** A segment whose closure holds μ: the first breakpoint at or above it is its right end. */
        private int segmentOf(double mu) {
            int at = Arrays.binarySearch(points, mu);
            return at >= 0 ? at : -at - 1;
        }

        private double[] prefix(int q) {
            double c2 = 0.0;
            double c1 = 0.0;
            double c0 = 0.0;
            for (int p = q; p > 0; p -= p & -p) {
                c2 += t[3 * p];
                c1 += t[3 * p + 1];
                c0 += t[3 * p + 2];
            }
            return new double[] {c2, c1, c0};
        }

        /** The smallest position whose prefix count is at least 1: the lowest active upper wall. */
        private int firstPosition(int[] tree) {
            return searchCount(tree, 1);
        }

        /** The smallest position whose prefix count is the total: the highest active lower wall. */
        private int lastPosition(int[] tree, int total) {
            return searchCount(tree, total);
        }

        private int searchCount(int[] tree, int target) {
            int p = 0;
            int acc = 0;
            for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
                int q = p + step;
                if (q < tree.length && acc + tree[q] < target) {
                    p = q;
                    acc += tree[q];
                }
            }
            return p + 1;
        }
    }

    // ------------------------------------------------------------------------------------------
    // One participant's function φ(μ)
    // ------------------------------------------------------------------------------------------

    /**
     * A participant's φ as a piecewise quadratic in the (shifted) hub price: breakpoints {@code mu}
     * strictly inside its walls, coefficients per segment (one more than breakpoints), walls (±∞ for none).
     */
    record Piecewise(double[] mu, double[] c2, double[] c1, double[] c0, double wallLo, double wallHi) {
    }

    /**
     * The participant's φ (see class comment).
     *
     * @param a  quadratic coefficients, {@code >= 0}
     * @param b  linear coefficients, shifted prices
     * @param lo lower bounds; {@code −∞} only with {@code a = 0}
     * @param hi upper bounds; {@code +∞} only with {@code a = 0}
     * @param h  the fee per unit traded with the hub, {@code >= 0}
     * @return its piecewise form
     */
    static Piecewise piecewise(double[] a, double[] b, double[] lo, double[] hi, double h) {
        int k = a.length;
        double wallLoRho = Double.NEGATIVE_INFINITY;
        double wallHiRho = Double.POSITIVE_INFINITY;
        double[] r = new double[2 * k];
        int m = 0;
        for (int s = 0; s < k; s++) {
            if (lo[s] == hi[s]) {
                continue;
            }
            if (a[s] > 0.0) {
                r[m++] = b[s] + a[s] * lo[s];
                r[m++] = b[s] + a[s] * hi[s];
            } else {
                r[m++] = b[s];
                if (lo[s] == Double.NEGATIVE_INFINITY) {
                    wallLoRho = Math.max(wallLoRho, b[s]);
                }
                if (hi[s] == Double.POSITIVE_INFINITY) {
                    wallHiRho = Math.min(wallHiRho, b[s]);
                }
            }
        }
        r = unique(r, m);
        double rho0 = zero(a, b, lo, hi, r);
        // Breakpoints in μ: the supply's above ρ0 shifted up by h (selling), below shifted down (buying).
        double wallLo = wallLoRho - h;
        double wallHi = wallHiRho + h;
        double[] mu = new double[r.length + 2];
        int q = 0;
        for (double x : r) {
            double at = x > rho0 ? x + h : x < rho0 ? x - h : Double.NaN;
            if (at > wallLo && at < wallHi) {
                mu[q++] = at;
            }
        }
        if (Double.isFinite(rho0)) {
            for (double at : new double[] {rho0 - h, rho0 + h}) {
                if (at > wallLo && at < wallHi) {
                    mu[q++] = at;
                }
            }
        }
        mu = unique(mu, q);
        int segs = mu.length + 1;
        double[] c2 = new double[segs];
        double[] c1 = new double[segs];
        double[] c0 = new double[segs];
        for (int j = 0; j < segs; j++) {
            double left = j == 0 ? wallLo : mu[j - 1];
            double right = j == mu.length ? wallHi : mu[j];
            double rep = representative(left, right);
            double rho = Math.max(rep - h, Math.min(rep + h, rho0));
            double[] g = new double[3];
            if (rho == rep - h && rho > rho0) {
                quadratic(a, b, lo, hi, rho, g);
                // G(μ − h) as a polynomial in μ.
                c2[j] = g[0];
                c1[j] = g[1] - 2.0 * g[0] * h;
                c0[j] = (g[0] * h - g[1]) * h + g[2];
            } else if (rho == rep + h && rho < rho0) {
                quadratic(a, b, lo, hi, rho, g);
                c2[j] = g[0];
                c1[j] = g[1] + 2.0 * g[0] * h;
                c0[j] = (g[0] * h + g[1]) * h + g[2];
            } else {
                c0[j] = valueAt(a, b, lo, hi, rho0);
            }
        }
        return new Piecewise(mu, c2, c1, c0, wallLo, wallHi);
    }

    /** A point inside (left, right), which may be unbounded on a side (the segment is then a half-line). */
    private static double representative(double left, double right) {
        if (Double.isFinite(left) && Double.isFinite(right)) {
            return left == right ? left : 0.5 * (left + right);
        }
        if (Double.isFinite(left)) {
            return left + 1.0 + Math.abs(left);
        }
        if (Double.isFinite(right)) {
            return right - 1.0 - Math.abs(right);
        }
        return 0.0;
    }

    private static double[] unique(double[] x, int m) {
        double[] s = Arrays.copyOf(x, m);
        Arrays.sort(s);
        int u = 0;
        for (int i = 0; i < m; i++) {
            if (u == 0 || s[i] != s[u - 1]) {
                s[u++] = s[i];
            }
        }
        return Arrays.copyOf(s, u);
    }

    /**
     * Where the net supply N(ρ) crosses 0: a breakpoint where it jumps across 0, a point inside a
     * ramp, or −∞ (+∞) when it is positive (negative) everywhere; on a flat stretch at 0, its left end.
     */
    static double zero(double[] a, double[] b, double[] lo, double[] hi, double[] r) {
        if (r.length == 0) {
            double n = supply(a, b, lo, hi, 0.0, 0);
            return n > 0 ? Double.NEGATIVE_INFINITY : n < 0 ? Double.POSITIVE_INFINITY : 0.0;
        }
        for (int j = 0; j < r.length; j++) {
            double below = supply(a, b, lo, hi, r[j], -1);
            double above = supply(a, b, lo, hi, r[j], 1);
            if (below > 0) {
                // Positive already left of the first breakpoint, where N is constant: positive everywhere.
                return Double.NEGATIVE_INFINITY;
            }
            if (above >= 0) {
                return r[j];
            }
            if (j + 1 < r.length) {
                double next = supply(a, b, lo, hi, r[j + 1], -1);
                if (next > 0) {
                    // A ramp from `above` < 0 to `next` > 0: linear in between.
                    double x = r[j] + (r[j + 1] - r[j]) * (-above / (next - above));
                    return Math.min(r[j + 1], Math.max(r[j], x));
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * N(ρ), the net supply at internal price ρ; at a linear asset's price, its lower (side < 0) or
     * upper (side > 0) end.
     */
    static double supply(double[] a, double[] b, double[] lo, double[] hi, double rho, int side) {
        double n = 0.0;
        for (int s = 0; s < a.length; s++) {
            if (a[s] > 0.0) {
                double p = (rho - b[s]) / a[s];
                n += Math.max(lo[s], Math.min(hi[s], p));
            } else if (rho < b[s] || (rho == b[s] && side < 0)) {
                n += lo[s];
            } else {
                n += hi[s];
            }
        }
        return n;
    }

    /**
     * The coefficients {@code (g2, g1, g0)} of G(ρ) = Σ min_p (f_s(p) − ρp) on the stretch of ρ
     * that holds {@code rho} (a point that is no breakpoint).
     */
    static void quadratic(double[] a, double[] b, double[] lo, double[] hi, double rho, double[] g) {
        double g2 = 0.0;
        double g1 = 0.0;
        double g0 = 0.0;
        for (int s = 0; s < a.length; s++) {
            double bound;
            if (a[s] > 0.0 && lo[s] < hi[s] && rho > b[s] + a[s] * lo[s] && rho < b[s] + a[s] * hi[s]) {
                // Interior: p = (ρ − b)/a and min = −(ρ − b)²/(2a).
                double inv = 1.0 / a[s];
                g2 -= 0.5 * inv;
                g1 += b[s] * inv;
                g0 -= 0.5 * b[s] * b[s] * inv;
                continue;
            }
            if (a[s] > 0.0) {
                bound = rho <= b[s] + a[s] * lo[s] ? lo[s] : hi[s];
            } else {
                bound = rho < b[s] ? lo[s] : hi[s];
            }
            if (Double.isInfinite(bound)) {
                throw new IllegalStateException("an unlimited asset at its unlimited side inside its walls: a defect");
            }
            // At a bound P: min = ½aP² + (b − ρ)P, linear in ρ.
            g1 -= bound;
            g0 += (0.5 * a[s] * bound + b[s]) * bound;
        }
        g[0] = g2;
        g[1] = g1;
        g[2] = g0;
    }

    /** G(ρ) at any ρ inside the walls, from each asset's minimum (continuous, so exact at breakpoints too). */
    static double valueAt(double[] a, double[] b, double[] lo, double[] hi, double rho) {
        double g = 0.0;
        for (int s = 0; s < a.length; s++) {
            double c = b[s] - rho;
            double p;
            if (a[s] > 0.0) {
                p = Math.max(lo[s], Math.min(hi[s], -c / a[s]));
            } else {
                p = c > 0 ? lo[s] : c < 0 ? hi[s] : 0.0;
                if (c == 0.0) {
                    // At its price a linear asset costs nothing whatever it does: take 0 (or the bound nearest 0).
                    p = Math.max(lo[s], Math.min(hi[s], 0.0));
                }
            }
            g += (0.5 * a[s] * p + c) * p;
        }
        return g;
    }

    // ------------------------------------------------------------------------------------------
    // Detection
    // ------------------------------------------------------------------------------------------

    /** A pool, or why the market is none. */
    record Detection(PoolCost pool, String reason) {
    }

    /**
     * The pool of a market, if it is one (see class comment).
     *
     * @param market      a one-period market
     * @param ix          its index
     * @param playerAgent the agent index of each player
     * @return the pool, or the reason it is none
     */
    static Detection detect(Market market, MarketIndex ix, int[] playerAgent) {
        if (market.network().isPresent()) {
            return new Detection(null, "the market has a network");
        }
        int n = playerAgent.length;
        int[] agentPlayer = new int[ix.numAgents()];
        Arrays.fill(agentPlayer, -1);
        for (int p = 0; p < n; p++) {
            agentPlayer[playerAgent[p]] = p;
        }
        double origin = origin(ix);
        List<Piecewise> parts = new ArrayList<>();
        String structure;
        if (market.communities().size() == 1) {
            Community c = market.communities().get(0);
            int manager = ix.agentIndex(c.manager());
            boolean[] member = new boolean[ix.numAgents()];
            for (String m : c.members()) {
                member[ix.agentIndex(m)] = true;
            }
            for (int p = 0; p < n; p++) {
                if (!member[playerAgent[p]] && playerAgent[p] != manager) {
                    return new Detection(null, "player " + ix.agentId(playerAgent[p]) + " is outside the community");
                }
            }
            int leg = -1;
            double legFee = 0.0;
            double[] memberFee = new double[ix.numAgents()];
            for (int q = ix.arcStart()[manager]; q < ix.arcStart()[manager + 1]; q++) {
                int k = ix.arcsOf()[q];
                int other = ix.to()[k];
                double fee = ix.gamma()[k] + ix.gamma()[MarketIndex.mirror(k)];
                if (ix.isGridLeg(other)) {
                    leg = other;
                    legFee = fee;
                } else if (member[other]) {
                    memberFee[other] = fee;
                } else {
                    return new Detection(null, "the manager trades with " + ix.agentId(other) + ", outside its community");
                }
            }
            for (int p = 0; p < n; p++) {
                int agent = playerAgent[p];
                parts.add(participant(ix, agent, -1, 0.0, agent == manager ? 0.0 : memberFee[agent], origin));
            }
            if (leg >= 0) {
                parts.add(participant(ix, leg, -1, 0.0, legFee, origin));
            }
            structure = "community '" + c.id() + "': members trade with the manager '" + c.manager() + "' at one price"
                    + (leg >= 0 ? ", and the manager with the grid" : "");
        } else if (market.communities().isEmpty()) {
            double pairFee = Double.NaN;
            int[] legOf = new int[n];
            double[] legFee = new double[n];
            for (int agent = 0; agent < ix.firstGridLeg(); agent++) {
                int p = agentPlayer[agent];
                if (p < 0) {
                    if (ix.arcStart()[agent + 1] > ix.arcStart()[agent]) {
                        return new Detection(null, "agent " + ix.agentId(agent) + " has no assets but trades");
                    }
                    continue;
                }
                legOf[p] = -1;
                int partners = 0;
                for (int q = ix.arcStart()[agent]; q < ix.arcStart()[agent + 1]; q++) {
                    int k = ix.arcsOf()[q];
                    int other = ix.to()[k];
                    double fee = ix.gamma()[k] + ix.gamma()[MarketIndex.mirror(k)];
                    if (ix.isGridLeg(other)) {
                        legOf[p] = other;
                        legFee[p] = fee;
                    } else if (agentPlayer[other] >= 0) {
                        if (!Double.isNaN(pairFee) && fee != pairFee) {
                            return new Detection(null, "the players' pairs have different fees (" + pairFee + " and " + fee + ")");
                        }
                        pairFee = fee;
                        partners++;
                    } else {
                        return new Detection(null, "player " + ix.agentId(agent) + " trades with " + ix.agentId(other)
                                + ", which has no assets");
                    }
                }
                if (partners != n - 1) {
                    return new Detection(null, "player " + ix.agentId(agent) + " trades with " + partners + " of the "
                            + (n - 1) + " other players (not every pair may trade)");
                }
            }
            double h = Double.isNaN(pairFee) ? 0.0 : 0.5 * pairFee;
            for (int p = 0; p < n; p++) {
                parts.add(participant(ix, playerAgent[p], legOf[p], legFee[p], h, origin));
            }
            structure = "every two players trade at the pair fee " + (Double.isNaN(pairFee) ? 0.0 : pairFee)
                    + ", each with its own grid leg";
        } else {
            return new Detection(null, "the market has " + market.communities().size() + " communities");
        }
        return new Detection(new PoolCost(n, parts, structure), null);
    }

    /**
     * One participant: the assets of {@code agent}, and those of {@code leg} (its private grid leg,
     * −1 for none) with the leg's fee folded into the prices; {@code h} its fee per unit with the hub.
     */
    private static Piecewise participant(MarketIndex ix, int agent, int leg, double legFee, double h, double origin) {
        int from = ix.assetStart()[agent];
        int to = ix.assetStart()[agent + 1];
        int extra = leg >= 0 ? ix.assetStart()[leg + 1] - ix.assetStart()[leg] : 0;
        int k = to - from + extra;
        double[] a = new double[k];
        double[] b = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        int q = 0;
        for (int s = from; s < to; s++, q++) {
            a[q] = ix.a()[s];
            b[q] = ix.b()[s] - origin;
            lo[q] = ix.pMin()[s];
            hi[q] = ix.pMax()[s];
        }
        if (leg >= 0) {
            for (int s = ix.assetStart()[leg]; s < ix.assetStart()[leg + 1]; s++, q++) {
                // Bought from the leg it costs the leg's price plus the pair's fee; sold to it, the price minus the fee.
                boolean imports = Grid.IMPORT_ASSET_ID.equals(ix.assetId(s));
                a[q] = ix.a()[s];
                b[q] = ix.b()[s] - origin + (imports ? legFee : -legFee);
                lo[q] = ix.pMin()[s];
                hi[q] = ix.pMax()[s];
            }
        }
        return piecewise(a, b, lo, hi, h);
    }

    /** The middle of the market's linear costs: prices are measured from it. */
    private static double origin(MarketIndex ix) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : ix.b()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return lo <= hi ? 0.5 * (lo + hi) : 0.0;
    }
}
