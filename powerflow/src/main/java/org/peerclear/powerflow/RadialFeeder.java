package org.peerclear.powerflow;

/**
 * Compact, index-based model of a radial feeder, built once from a {@link Feeder} by
 * {@link Feeder#radial()} and shared by the radial methods (LinDistFlow, backward/forward sweep).
 *
 * <p>Buses are renumbered in depth-first pre-order from the slack bus: internal position {@code k}
 * has {@code parent[k] < k}, the subtree of {@code k} is the contiguous range
 * {@code [k, k + subtreeSize[k])}, and the leaves-first order is simply {@code k = n-1 ... 1}. Each
 * non-root position {@code k} owns the branch to its parent. Arrays are per unit on the feeder's
 * base MVA. Positions are mapped to feeder bus indices with {@link #busOf(int)} / {@link #posOf(int)}.
 *
 * <p>Immutable; the arrays are exposed to the solvers of this module only.
 */
public final class RadialFeeder {
    final Feeder feeder;
    final int n;
    /** Feeder bus index of position k. */
    final int[] busOf;
    /** Position of feeder bus index i. */
    final int[] posOf;
    /** Parent position, -1 for the root (position 0). */
    final int[] parent;
    /** Subtree size (including k). */
    final int[] subtreeSize;
    /** Feeder branch index joining k to its parent (-1 for the root). */
    final int[] branchOf;
    /** true if the branch's from bus is the parent. */
    final boolean[] forward;
    /** Series resistance / reactance of the branch to the parent, pu. */
    final double[] r;
    final double[] x;
    /** Fixed net constant-power consumption (loads minus fixed generation), pu. */
    final double[] pLoad;
    final double[] qLoad;
    /** LinDistFlow fixed net consumption: loads, shunts and half line charging as constant powers at 1 pu. */
    final double[] pFixLin;
    final double[] qFixLin;
    /** Bus shunt admittance (pu), null if no bus has a shunt. */
    final double[] shuntG;
    final double[] shuntB;
    /** true if every branch is a plain series impedance (no tap, shift or charging). */
    final boolean allPlain;
    /** LinDistFlow tap factors w_k = ga w_p - 2 gb (r P + x Q); null when all taps are 1. */
    final double[] linGa;
    final double[] linGb;
    /** LinDistFlow angle offset of the branch (phase shift), rad; null if none. */
    final double[] linShift;
    /** Sweep coefficients (complex, re/im): V_k = A V_p - B J_k; I_p = C V_p + D J_k; null when allPlain. */
    final double[] aRe, aIm, bRe, bIm, cRe, cIm, dRe, dIm;
    /** Slack squared voltage and angle (rad). */
    final double w0;
    final double theta0;
    /** Power scale: pu per kW. */
    final double puPerKw;
    /** true if position k is feeder bus index k for all k (no gather needed). */
    final boolean identity;

    RadialFeeder(Feeder f, int[] from, int[] to) {
        this.feeder = f;
        n = f.busCount();
        int m = f.branchCount();
        double base = f.baseMva();
        puPerKw = 1.0 / (1000.0 * base);
        // CSR adjacency
        int[] deg = new int[n + 1];
        for (int b = 0; b < m; b++) {
            deg[from[b] + 1]++;
            deg[to[b] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            deg[i + 1] += deg[i];
        }
        int[] adj = new int[2 * m];
        int[] fill = new int[n];
        for (int b = 0; b < m; b++) {
            adj[deg[from[b]] + fill[from[b]]++] = b;
            adj[deg[to[b]] + fill[to[b]]++] = b;
        }
        busOf = new int[n];
        posOf = new int[n];
        parent = new int[n];
        branchOf = new int[n];
        forward = new boolean[n];
        subtreeSize = new int[n];
        java.util.Arrays.fill(posOf, -1);
        // iterative DFS pre-order
        int[] stack = new int[n];
        int[] stackParentPos = new int[n];
        int[] stackBranch = new int[n];
        int sp = 0;
        stack[sp] = f.slackIndex();
        stackParentPos[sp] = -1;
        stackBranch[sp] = -1;
        sp++;
        int next = 0;
        while (sp > 0) {
            sp--;
            int bus = stack[sp];
            int k = next++;
            busOf[k] = bus;
            posOf[bus] = k;
            parent[k] = stackParentPos[sp];
            branchOf[k] = stackBranch[sp];
            if (branchOf[k] >= 0) {
                forward[k] = from[branchOf[k]] != bus;
            }
            // push children in reverse adjacency order so the first neighbour is visited first
            for (int a = deg[bus + 1] - 1; a >= deg[bus]; a--) {
                int b = adj[a];
                if (b == branchOf[k]) {
                    continue;
                }
                int other = from[b] == bus ? to[b] : from[b];
                if (posOf[other] >= 0) {
                    continue; // cannot happen in a tree; defensive
                }
                stack[sp] = other;
                stackParentPos[sp] = k;
                stackBranch[sp] = b;
                sp++;
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            subtreeSize[k] += 1;
            if (parent[k] >= 0) {
                subtreeSize[parent[k]] += subtreeSize[k];
            }
        }
        r = new double[n];
        x = new double[n];
        pLoad = new double[n];
        qLoad = new double[n];
        pFixLin = new double[n];
        qFixLin = new double[n];
        boolean anyShunt = false;
        boolean plain = true;
        boolean anyTap = false;
        boolean anyShift = false;
        for (int k = 0; k < n; k++) {
            Bus bus = f.buses().get(busOf[k]);
            pLoad[k] = (bus.pLoadKw() - bus.pGenKw()) * puPerKw;
            qLoad[k] = (bus.qLoadKvar() - bus.qGenKvar()) * puPerKw;
            pFixLin[k] = pLoad[k] + bus.gsKw() * puPerKw;
            qFixLin[k] = qLoad[k] - bus.bsKvar() * puPerKw;
            anyShunt |= bus.gsKw() != 0 || bus.bsKvar() != 0;
            if (k > 0) {
                Branch br = f.branches().get(branchOf[k]);
                r[k] = br.rPu();
                x[k] = br.xPu();
                plain &= br.isPlainLine();
                anyTap |= br.tap() != 1.0;
                anyShift |= br.shiftDeg() != 0.0;
            }
        }
        // half line charging as constant reactive injections at 1 pu (LinDistFlow)
        for (int k = 1; k < n; k++) {
            double hb = f.branches().get(branchOf[k]).bPu() / 2;
            qFixLin[k] -= hb;
            qFixLin[parent[k]] -= hb;
        }
        allPlain = plain;
        if (anyShunt) {
            shuntG = new double[n];
            shuntB = new double[n];
            for (int k = 0; k < n; k++) {
                Bus bus = f.buses().get(busOf[k]);
                shuntG[k] = bus.gsKw() * puPerKw;
                shuntB[k] = bus.bsKvar() * puPerKw;
            }
        } else {
            shuntG = null;
            shuntB = null;
        }
        if (anyTap) {
            linGa = new double[n];
            linGb = new double[n];
            linGa[0] = 1;
            linGb[0] = 1;
            for (int k = 1; k < n; k++) {
                double t = f.branches().get(branchOf[k]).tap();
                if (forward[k]) {
                    linGa[k] = 1 / (t * t);
                    linGb[k] = 1;
                } else {
                    linGa[k] = t * t;
                    linGb[k] = t * t;
                }
            }
        } else {
            linGa = null;
            linGb = null;
        }
        if (anyShift) {
            linShift = new double[n];
            for (int k = 1; k < n; k++) {
                double s = Math.toRadians(f.branches().get(branchOf[k]).shiftDeg());
                linShift[k] = forward[k] ? -s : s;
            }
        } else {
            linShift = null;
        }
        if (plain) {
            aRe = aIm = bRe = bIm = cRe = cIm = dRe = dIm = null;
        } else {
            aRe = new double[n];
            aIm = new double[n];
            bRe = new double[n];
            bIm = new double[n];
            cRe = new double[n];
            cIm = new double[n];
            dRe = new double[n];
            dIm = new double[n];
            double[] y = new double[8];
            for (int k = 1; k < n; k++) {
                Branch br = f.branches().get(branchOf[k]);
                if (br.isPlainLine()) {
                    aRe[k] = 1;
                    bRe[k] = br.rPu();
                    bIm[k] = br.xPu();
                    dRe[k] = 1;
                    continue;
                }
                BranchModel.admittances(br, y);
                // y = Yff, Yft, Ytf, Ytt (re, im pairs)
                double ppRe, ppIm, pcRe, pcIm, cpRe, cpIm, ccRe, ccIm;
                if (forward[k]) {
                    ppRe = y[0]; ppIm = y[1]; pcRe = y[2]; pcIm = y[3];
                    cpRe = y[4]; cpIm = y[5]; ccRe = y[6]; ccIm = y[7];
                } else {
                    ppRe = y[6]; ppIm = y[7]; pcRe = y[4]; pcIm = y[5];
                    cpRe = y[2]; cpIm = y[3]; ccRe = y[0]; ccIm = y[1];
                }
                double den = ccRe * ccRe + ccIm * ccIm;
                // B = 1/Ycc
                bRe[k] = ccRe / den;
                bIm[k] = -ccIm / den;
                // A = -Ycp * B
                aRe[k] = -(cpRe * bRe[k] - cpIm * bIm[k]);
                aIm[k] = -(cpRe * bIm[k] + cpIm * bRe[k]);
                // D = -Ypc * B
                dRe[k] = -(pcRe * bRe[k] - pcIm * bIm[k]);
                dIm[k] = -(pcRe * bIm[k] + pcIm * bRe[k]);
                // C = Ypp + Ypc * A
                cRe[k] = ppRe + (pcRe * aRe[k] - pcIm * aIm[k]);
                cIm[k] = ppIm + (pcRe * aIm[k] + pcIm * aRe[k]);
            }
        }
        boolean id = true;
        for (int k = 0; k < n && id; k++) {
            id = busOf[k] == k;
        }
        identity = id;
        w0 = f.slackVmPu() * f.slackVmPu();
        theta0 = Math.toRadians(f.slackVaDeg());
    }

    /** {@return the feeder this model was built from} */
    public Feeder feeder() {
        return feeder;
    }

    /** {@return the number of buses, the same as the feeder's {@link Feeder#busCount()}} */
    public int size() {
        return n;
    }

    /**
     * Feeder bus index at internal position {@code k} (position 0 is the slack bus).
     *
     * @param k an internal position, {@code 0..size()-1}; parents come before their children
     * @return the feeder bus index
     */
    public int busOf(int k) {
        return busOf[k];
    }

    /**
     * Internal position of feeder bus index {@code i}; the inverse of {@link #busOf}.
     *
     * @param i a feeder bus index
     * @return its internal position, 0 for the slack bus
     */
    public int posOf(int i) {
        return posOf[i];
    }

    /**
     * Parent of feeder bus index {@code i} as a feeder bus index, {@code -1} for the slack bus.
     *
     * @param i a feeder bus index
     * @return the bus one step towards the slack, or {@code -1}
     */
    public int parentBus(int i) {
        int p = parent[posOf[i]];
        return p < 0 ? -1 : busOf[p];
    }

    /**
     * Feeder branch index joining bus {@code i} to its parent, {@code -1} for the slack bus.
     *
     * @param i a feeder bus index
     * @return the branch index, or {@code -1}; the branch may point either way
     */
    public int branchToParent(int i) {
        return branchOf[posOf[i]];
    }

    /** {@return the feeder bus indices leaves first (every bus before its parent; slack last), a fresh array} */
    public int[] leavesFirstOrder() {
        int[] o = new int[n];
        for (int k = 0; k < n; k++) {
            o[k] = busOf[n - 1 - k];
        }
        return o;
    }

    /** {@return each feeder bus index's parent bus index ({@code -1} for the slack bus), a fresh array} */
    public int[] parentArray() {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = parentBus(i);
        }
        return p;
    }
}
