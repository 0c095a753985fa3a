package org.peerclear.clearing.exact;

import java.util.Arrays;
import org.peerclear.index.KeyedHeap;
import org.peerclear.index.MarketIndex;

import static org.peerclear.clearing.NumericalTolerances.EXACT_WINDOW_MIN;

/**
 * One round of block-coordinate ascent on the dual: each tree in turn moves its price toward
 * the root of its supply, with every other price fixed, and stops there, or joins the first
 * idle pair its move makes tight and goes on with the joined tree. The move is an exact sweep
 * over events in the direction of motion (an asset starts or stops moving with the price, a
 * linear asset jumps, a pair's band is reached), so a tree crosses any number of breakpoints
 * and joins any number of neighbours in one round. Prices stay dual feasible (no idle pair
 * outside its band) and every move that changes a price raises the dual objective.
 */
final class TreeSweep {
    /** How a tree's move ended. */
    static final int AT_ROOT = 0;
    /** The tree joined a neighbour and the joined tree wants to move the other way. */
    static final int REVERSED = 1;
    static final int INFEASIBLE = 2;
    static final int UNBOUNDED = 3;

    private static final int SLOPE_ON = 0;
    private static final int SLOPE_OFF = 1;
    private static final int JUMP = 2;
    private static final int PAIR = 3;

    private final Forest f;
    private final MarketIndex ix;
    private final KeyedHeap heap = new KeyedHeap();
    private final Supply supply = new Supply();
    private final Supply scratch = new Supply();
    private final int[] owner;
    private final int[] next;
    private final int[] head;
    private final int[] tail;
    private final int[] size;
    private final double tolS;

    int joins;
    /** Widenings before a sweep queues every remaining event. */
    private static final int MAX_WIDENINGS = 4;
    /** How much a window grows when a move would leave it. */
    private static final double WIDENING = 7;
    /** The key up to which the current sweep's events are queued. */
    private double window;
    /** Per tree of the round: ended at its root. */
    private boolean[] atRoot;
    /** While true, events are appended and ordered at once afterwards. */
    private boolean bulk;
    /** The tree that ended infeasible or unbounded (see {@link #members(int)}). */
    int failedTree = -1;

    TreeSweep(Forest f, double tolS) {
        this.f = f;
        this.ix = f.ix;
        this.tolS = tolS;
        owner = new int[f.nA];
        next = new int[f.nA];
        head = new int[f.nA];
        tail = new int[f.nA];
        size = new int[f.nA];
    }

    /** How the failed tree ended: {@link #INFEASIBLE} or {@link #UNBOUNDED}. */
    int failure;

    /**
     * Sweeps every tree of the forest once (trees in index order; a tree joined by an earlier one
     * moves with it). Sets {@code atRoot[k]} per tree and returns false on an infeasible or
     * unbounded tree ({@link #failedTree}, {@link #failure}).
     */
    boolean sweepAll(double[] mu, boolean[] atRoot) {
        joins = 0;
        Arrays.fill(head, -1);
        for (int k = 0; k < f.numComps; k++) {
            int prev = -1;
            for (int q = f.compStart[k]; q < f.compStart[k + 1]; q++) {
                int u = f.order[q];
                owner[u] = k;
                if (prev < 0) {
                    head[k] = u;
                } else {
                    next[prev] = u;
                }
                prev = u;
            }
            next[prev] = -1;
            tail[k] = prev;
            size[k] = f.compStart[k + 1] - f.compStart[k];
        }
        Arrays.fill(atRoot, 0, f.numComps, false);
        this.atRoot = atRoot;
        for (int k = 0; k < f.numComps; k++) {
            if (owner[f.root(k)] != k) {
                continue;
            }
            int r = sweep(k, mu);
            if (r == INFEASIBLE || r == UNBOUNDED) {
                failedTree = k;
                failure = r;
                return false;
            }
            atRoot[k] = r == AT_ROOT;
        }
        // A tree joined into another takes its flag.
        for (int k = 0; k < f.numComps; k++) {
            int o = owner[f.root(k)];
            if (o != k) {
                atRoot[k] = atRoot[o];
            }
        }
        return true;
    }

    private int sweep(int t, double[] mu) {
        double c = mu[f.root(t)];
        double below = supplyAt(t, c, -1, supply);
        double above = supplyAt(t, c, +1, supply);
        if (Double.isNaN(below) || Double.isNaN(above)) {
            return UNBOUNDED;
        }
        if (below <= tolS && above >= -tolS) {
            return AT_ROOT;
        }
        int d = above < 0 ? +1 : -1;
        if (d < 0) {
            supplyAt(t, c, -1, supply);
        }
        heap.clear();
        // Only the events up to a window ahead are queued: most moves are short, and a large
        // tree would otherwise queue every event of every member each round. The window grows
        // (members rescanned) whenever the move would leave it.
        double s0 = supply.value();
        window = Double.isFinite(s0) && supply.slope > 0.0
                ? d * c + Math.max(2 * Math.abs(s0) / supply.slope, EXACT_WINDOW_MIN * Math.max(1.0, Math.abs(c)))
                : Double.POSITIVE_INFINITY;
        bulk = true;
        for (int u = head[t]; u >= 0; u = next[u]) {
            pushEvents(u, t, c, d, mu, d * c, Double.NEGATIVE_INFINITY, window);
        }
        bulk = false;
        heap.heapify();
        int result;
        int widenings = 0;
        loop:
        while (true) {
            double s = supply.value();
            if (Double.isNaN(s)) {
                result = UNBOUNDED;
                break;
            }
            double slope = supply.slope;
            boolean finite = Double.isFinite(s);
            double nextKey = heap.isEmpty() ? Double.POSITIVE_INFINITY : heap.topKey();
            double rootKey = finite && slope > 0.0 ? d * (c - s / slope) : Double.POSITIVE_INFINITY;
            if (Math.min(nextKey, rootKey) > window && window < Double.POSITIVE_INFINITY) {
                double wider = ++widenings > MAX_WIDENINGS ? Double.POSITIVE_INFINITY : window + WIDENING * (window - d * c);
                bulk = true;
                for (int u = head[t]; u >= 0; u = next[u]) {
                    pushEvents(u, t, c, d, mu, window, window, wider);
                }
                bulk = false;
                heap.heapify();
                window = wider;
                continue;
            }
            if (heap.isEmpty()) {
                if (finite && slope > 0.0) {
                    c -= s / slope;
                    result = AT_ROOT;
                } else {
                    result = INFEASIBLE;
                }
                break;
            }
            double xe = d * heap.topKey();
            if (d > 0 ? xe < c : xe > c) {
                xe = c; // an event a hair behind (rounding): it happens here
            }
            if (finite && slope > 0.0) {
                double root = c - s / slope;
                if (d > 0 ? root <= xe : root >= xe) {
                    c = root;
                    result = AT_ROOT;
                    break;
                }
            }
            supply.fin += slope * (xe - c);
            c = xe;
            int e = heap.topIndex();
            heap.pop();
            int id = e >>> 2;
            switch (e & 3) {
                case SLOPE_ON -> supply.slope += 1.0 / ix.a()[id];
                case SLOPE_OFF -> supply.slope = Math.max(0.0, supply.slope - 1.0 / ix.a()[id]);
                case JUMP -> {
                    supply.bound(d > 0 ? ix.pMin()[id] : ix.pMax()[id], -1);
                    supply.bound(d > 0 ? ix.pMax()[id] : ix.pMin()[id], +1);
                }
                default -> {
                    if (join(id, t, c, d, mu)) {
                        // Joined a larger tree: it moves as a whole in the next round, rather than
                        // once for every small tree that joins it in this one.
                        result = REVERSED;
                        break loop;
                    }
                }
            }
            double after = supply.value();
            if (Double.isNaN(after)) {
                result = UNBOUNDED;
                break;
            }
            if (d > 0 ? after >= -tolS : after <= tolS) {
                // Crossed zero on a jump or a join: the root is here, unless a join overshot it by
                // more than the linear assets on their breakpoint can take back.
                if ((e & 3) == PAIR && (d > 0 ? supplyAt(t, c, -1, scratch) > tolS : supplyAt(t, c, +1, scratch) < -tolS)) {
                    result = REVERSED;
                } else {
                    result = AT_ROOT;
                }
                break;
            }
        }
        for (int u = head[t]; u >= 0; u = next[u]) {
            mu[u] = c + f.off[u];
        }
        return result;
    }

    /** The agents of tree t as this round has grown it. */
    int[] members(int t) {
        int[] out = new int[size[t]];
        int i = 0;
        for (int u = head[t]; u >= 0; u = next[u]) {
            out[i++] = u;
        }
        return out;
    }

    /** Tree t's supply at price c seen from {@code side} (its members at c plus their offsets), into {@code into}. */
    private double supplyAt(int t, double c, int side, Supply into) {
        into.clear();
        for (int u = head[t]; u >= 0; u = next[u]) {
            into.add(ix, u, c + f.off[u], f.off[u], side);
        }
        return into.value();
    }

    /**
     * Pair j became tight as tree t moved in direction d: it trades, and its other tree joins t.
     * True when that tree was larger than t: then only the pair and the ownership change.
     */
    private boolean join(int j, int t, double c, int d, double[] mu) {
        boolean fromIn = owner[f.pairFrom[j]] == t;
        boolean toIn = owner[f.pairTo[j]] == t;
        if (fromIn == toIn) {
            return false; // both already in t (joined through another pair)
        }
        int n = fromIn ? f.pairFrom[j] : f.pairTo[j];
        int o = f.other(j, n);
        // Rising, t is the dearer side and buys over j; falling, it sells.
        int seller = d > 0 ? o : n;
        f.activate(j, (byte) (seller == f.pairFrom[j] ? 1 : -1));
        joins++;
        int l = owner[o];
        if (size[l] > size[t]) {
            double cl = mu[f.root(l)];
            for (int u = head[t]; u >= 0; u = next[u]) {
                owner[u] = l;
                mu[u] = c + f.off[u];
                f.off[u] = mu[u] - cl; // offsets are to the price of the tree an agent belongs to
            }
            next[tail[l]] = head[t];
            tail[l] = tail[t];
            size[l] += size[t];
            head[t] = -1;
            atRoot[l] = false; // if it was swept already, it no longer balances
            return true;
        }
        for (int u = head[l]; u >= 0; u = next[u]) {
            owner[u] = t;
            f.off[u] = mu[u] - c;
            supply.add(ix, u, mu[u], f.off[u], d);
        }
        // A large joined tree's events are appended and the heap reordered at once.
        bulk = size[l] >= heap.size() / 4;
        for (int u = head[l]; u >= 0; u = next[u]) {
            pushEvents(u, t, c, d, mu, d * c, Double.NEGATIVE_INFINITY, window);
        }
        if (bulk) {
            heap.heapify();
            bulk = false;
        }
        next[tail[t]] = head[l];
        tail[t] = tail[l];
        size[t] += size[l];
        head[l] = -1;
        return false;
    }

    private void event(double key, int e) {
        if (bulk) {
            heap.add(key, e);
        } else {
            heap.push(key, e);
        }
    }

    /**
     * The events, in direction d, of agent u's assets with keys in {@code (assetsAfter, upTo]}
     * and of its pairs leaving tree t with keys in {@code (pairsAfter, upTo]} (a key is d times
     * the price at which the event happens; a pair's may lie a hair behind c, by rounding).
     */
    private void pushEvents(int u, int t, double c, int d, double[] mu, double assetsAfter, double pairsAfter, double upTo) {
        double[] a = ix.a();
        double[] b = ix.b();
        double[] pMin = ix.pMin();
        double[] pMax = ix.pMax();
        int[] start = ix.assetStart();
        double o = f.off[u];
        double m = mu[u];
        for (int s = start[u]; s < start[u + 1]; s++) {
            if (a[s] > 0.0) {
                double x1 = b[s] + a[s] * pMin[s] - o;
                double x2 = b[s] + a[s] * pMax[s] - o;
                // Rising, an asset starts moving at x1 and stops at x2; falling, the other way.
                double on = d * (d > 0 ? x1 : x2);
                double off = d * (d > 0 ? x2 : x1);
                if (on > assetsAfter && on <= upTo) {
                    event(on, s << 2 | SLOPE_ON);
                }
                if (off > assetsAfter && off <= upTo) {
                    event(off, s << 2 | SLOPE_OFF);
                }
            } else if (!Supply.atBreakpoint(m, b[s], o) && (d > 0 ? m < b[s] : m > b[s])) {
                double key = d * (b[s] - o);
                if (key > assetsAfter && key <= upTo) {
                    event(key, s << 2 | JUMP);
                }
            }
        }
        int[] arcStart = ix.arcStart();
        int[] arcsOf = ix.arcsOf();
        for (int q = arcStart[u]; q < arcStart[u + 1]; q++) {
            int j = arcsOf[q] >> 1;
            int v = f.other(j, u);
            if (owner[v] == t) {
                continue;
            }
            double key = d * (d > 0 ? mu[v] + f.cost[j] - o : mu[v] - f.cost[j] - o);
            if (key > pairsAfter && key <= upTo) {
                event(key, j << 2 | PAIR);
            }
        }
    }
}
