package org.peerclear.clearing.admm;

import java.util.Arrays;
import org.peerclear.index.MarketIndex;

/**
 * The ADMM iteration on primitive arrays, for synchronous and asynchronous rounds, with or
 * without the system operator. Every per-arc array is in the agents' CSR order, so an agent's
 * arcs are contiguous and each sweep streams memory sequentially.
 *
 * <p>Trades are recomputed rather than read from the partner. An agent's trade on arc k is the
 * soft threshold {@code t_k = S_gamma_k(v_k − mu_n)/rho} of its target
 * {@code v_k = lambda + rho·z_k} at its price {@code mu_n} (with the operator too: only its assets
 * see the operator's penalty), and the pair's state (lambda, z) is known at both ends of the pair.
 * So an agent that knows its partner m's price {@code mu_m} recomputes its partner's trade
 * {@code t_k'} with the same operations on the same numbers (its copy of z is the exact negation
 * of the partner's). The only message an agent needs per iteration is one price per partner, read
 * from an array of agents (small enough to stay in cache), instead of one trade per arc read from
 * a random place in an array of arcs. In asynchronous rounds an agent that sits a round out keeps
 * its last trade, which its targets no longer give; so there both ends also keep the partner's
 * last trade ({@link #otr}), updated identically at both ends.
 *
 * <p>One sweep over an agent does the price step of iteration i on its arcs (from {@code mu^i} of
 * both ends and the targets of iteration i − 1) and then its local step of iteration i + 1
 * (writing {@code mu^{i+1}} into the other price buffer): per arc it reads and writes lambda, z
 * and the last trade, and reads both directions' gamma and the partner's index. The residuals of
 * iteration i are summed in the same pass, and so is the first Newton step of the local step,
 * on each new target as soon as it is set: it is accepted only when it stays between the nearest
 * breakpoints below and above the previous price, found in the same pass. What that leaves (an
 * agent whose Newton step left its piece refines: more Newton steps, then the breakpoint walk,
 * {@link LocalStep#walk}; in asynchronous rounds the draw; with the operator its walk) is
 * finished after the pass over the agent's chunk, so that the pass itself makes no call. An agent
 * in the operator's consensus walks with the operator's target {@link #w}, and records its net
 * injection for the operator's step, which the caller runs between two sweeps (single-threaded).
 *
 * <p>Over a horizon the market is the periods stacked ({@link MarketIndex#stacked}) and an agent
 * whose assets are linked across periods is a group of neighbouring agents, one per period, in
 * one chunk: the sweep leaves its local step to after the chunk's pass, when every period's
 * targets are set, and takes it once for the group ({@link HorizonLocalQp}), which writes the
 * group's price in every period.
 *
 * <p>Residual sums are kept per chunk of agents (fixed by the market) and added in chunk order by
 * the caller, so any number of threads gives the same bits. Methods on disjoint chunk ranges may
 * run concurrently.
 */
final class AdmmEngine {
    /** Newton steps tried after the first before the breakpoint walk. */
    private static final int NEWTON_ATTEMPTS = 3;

    private final LocalStep local;
    private final int[] arcStart;
    private final int[] arcOf;
    private final int[] agentChunk;
    /** Per CSR arc q: the agent at the other end. */
    private final int[] partner;
    /**
     * The pair's targets seen from CSR arc q: {@code st[2q] = lambda + rho·z} (its own),
     * {@code st[2q+1] = lambda − rho·z} (its mirror's); at the mirror the same two numbers swapped.
     */
    final double[] st;
    /** {@code gg[2q] = gamma} of arc q, {@code gg[2q+1] = gamma} of its mirror. */
    private final double[] gg;
    /** Arc q's trade at the last completed iteration (and the previous one during a sweep). */
    final double[] trade;
    /** Asynchronous rounds only (else null): the mirror's trade at the last completed iteration, as this end knows it. */
    private final double[] otr;
    /**
     * Agent prices: two buffers, the completed iteration's and the next local step's; their
     * length is the power of two at or above the number of agents (see the constructor).
     */
    final double[][] mu;
    /** Asynchronous rounds only (else null): which agents took the local step, per price buffer. */
    private final byte[][] active;
    private final double asyncFraction;
    private final long seed;

    /** With the operator only (else null): agents in its consensus. */
    private final boolean[] covered;
    /** With the operator: its target {@code rho·x_n + pi_n} per agent, set by the caller after each operator step. */
    final double[] w;
    /** With the operator: the net injection of the latest local step (the operator's input). */
    final double[] injNext;
    /** With the operator: the net injection at the last completed iteration. */
    final double[] inj;
    /** With the operator: the price the assets saw ({@code mu + w − rho·P}), per price buffer. */
    final double[][] assetPrice;

    final double[] rC;
    final double[] dsC;
    final double[] ttC;
    final double[] llC;
    final double[] lmaxC;
    final long[] walkC;
    final long[] msgC;
    /** Per chunk: whether its last Newton attempt ({@link #attempt}) stayed on its piece. */
    private final boolean[] heldC;
    /**
     * Per agent slot of its chunk, during a sweep: the agents whose local step the sweep left
     * to finish after its pass, n (or ~n when its Newton step held on its piece).
     */
    private final int[] deferred;
    /**
     * Over a horizon (a stacked market, {@link MarketIndex#stacked}), else null: per agent of
     * the stacked market, the local QP of its agent over all periods when that agent's assets
     * are linked across periods (its periods are one group, neighbours in the agents' order and
     * in one chunk), else null: that agent's periods separate and each takes the walk.
     */
    private final HorizonLocalQp[] group;
    /** Per chunk: local QPs over the horizon that ended without a KKT point. */
    final long[] qpFailC;

    AdmmEngine(MarketIndex ix, LocalStep local, int[] agentChunk, AdmmOptions opt, AdmmNetworkOperator net) {
        this(ix, local, agentChunk, opt, net, null);
    }

    AdmmEngine(MarketIndex ix, LocalStep local, int[] agentChunk, AdmmOptions opt, SystemOperator net,
               HorizonLocalQp[] group) {
        this.local = local;
        this.group = group;
        this.arcStart = ix.arcStart();
        this.arcOf = ix.arcsOf();
        this.agentChunk = agentChunk;
        int m = ix.numArcs();
        int n = ix.numAgents();
        this.partner = new int[m];
        this.gg = new double[2 * m];
        double[] gamma = ix.gamma();
        for (int q = 0; q < m; q++) {
            int k = arcOf[q];
            partner[q] = ix.to()[k];
            gg[2 * q] = gamma[k];
            gg[2 * q + 1] = gamma[k ^ 1];
        }
        this.st = new double[2 * m];
        this.trade = new double[m];
        // A power-of-two length, so that the sweep's partner index masked with length − 1 (a
        // no-op: every index is below n) needs no bounds check in the arc loop.
        int muLength = Integer.highestOneBit(Math.max(1, n - 1)) << 1;
        this.mu = new double[][] {new double[muLength], new double[muLength]};
        boolean async = opt.isAsync();
        this.otr = async ? new double[m] : null;
        this.active = async ? new byte[][] {new byte[n], new byte[n]} : null;
        this.asyncFraction = opt.asyncFraction();
        this.seed = opt.seed();
        if (net != null) {
            this.covered = new boolean[n];
            for (int i = 0; i < n; i++) {
                covered[i] = net.covers(i);
            }
            this.w = new double[n];
            this.injNext = new double[n];
            this.inj = new double[n];
            this.assetPrice = new double[][] {new double[n], new double[n]};
        } else {
            this.covered = null;
            this.w = null;
            this.injNext = null;
            this.inj = null;
            this.assetPrice = null;
        }
        int nc = agentChunk.length - 1;
        this.rC = new double[nc];
        this.dsC = new double[nc];
        this.ttC = new double[nc];
        this.llC = new double[nc];
        this.lmaxC = new double[nc];
        this.walkC = new long[nc];
        this.msgC = new long[nc];
        this.heldC = new boolean[nc];
        this.deferred = new int[n];
        this.qpFailC = new long[nc];
    }

    void clear() {
        Arrays.fill(st, 0.0);
        Arrays.fill(trade, 0.0);
        Arrays.fill(mu[0], 0.0);
        Arrays.fill(mu[1], 0.0);
        if (otr != null) {
            Arrays.fill(otr, 0.0);
        }
        if (covered != null) {
            Arrays.fill(w, 0.0);
            Arrays.fill(injNext, 0.0);
            Arrays.fill(inj, 0.0);
            Arrays.fill(assetPrice[0], 0.0);
            Arrays.fill(assetPrice[1], 0.0);
        }
    }

    /**
     * Sets the state of a completed iteration at penalty r: trades and pair prices per arc id,
     * agent prices; z is half the trade difference (exactly negated at the mirror).
     */
    void set(double[] trades, double[] pairPrices, double[] agentPrices, double[] muOut, double r) {
        for (int q = 0; q < trade.length; q++) {
            int k = arcOf[q];
            trade[q] = trades[k];
            if (otr != null) {
                otr[q] = trades[k ^ 1];
            }
            double rz = r * (0.5 * (trades[k] - trades[k ^ 1]));
            st[2 * q] = pairPrices[k] + rz;
            st[2 * q + 1] = pairPrices[k] - rz;
        }
        System.arraycopy(agentPrices, 0, muOut, 0, agentPrices.length);
    }

    /** Starts the injections (with the operator) from given values per agent, 0 where not covered. */
    void setInjections(double[] injections) {
        for (int n = 0; n < inj.length; n++) {
            double v = covered[n] ? injections[n] : 0.0;
            inj[n] = v;
            injNext[n] = v;
        }
    }

    HorizonLocalQp group(int n) {
        return group == null ? null : group[n];
    }

    /** The pair price lambda seen from CSR arc q. */
    double lambda(int q) {
        return 0.5 * (st[2 * q] + st[2 * q + 1]);
    }

    /**
     * A new penalty: the targets {@code lambda ± rho·z} move to the new rho with lambda and z
     * kept; both ends of a pair compute the same numbers, so they stay mirror images.
     */
    void rescale(double factor) {
        for (int q = 0; q < trade.length; q++) {
            double vk = st[2 * q];
            double vm = st[2 * q + 1];
            double c = 0.5 * (vk + vm);
            st[2 * q] = c + factor * (vk - c);
            st[2 * q + 1] = c + factor * (vm - c);
        }
    }

    /**
     * The local step alone for agent chunks [c0, c1), iteration {@code it}, from the stored
     * targets at penalty r: prices from buffer {@code from} (the search's start) into buffer
     * {@code from ^ 1}.
     */
    void localOnly(int c0, int c1, double r, int from, long it) {
        final double[] mc = mu[from];
        for (int c = c0; c < c1; c++) {
            walkC[c] = 0;
            long msg = 0;
            for (int n = agentChunk[c]; n < agentChunk[c + 1]; n++) {
                if (local.isIdle(n)) {
                    continue;
                }
                if (group != null && group[n] != null) {
                    msg += groupStep(n, c, r, from, it);
                    continue;
                }
                double mu0 = start(mc[n]);
                double m = attempt(n, r, mu0, c);
                msg += step(n, c, r, from, it, mu0, m, heldC[c]);
            }
            msgC[c] = msg;
        }
    }

    /** Where agent n's local step starts its search: its last price, or 0 when that is not finite. */
    private static double start(double mu) {
        return Double.isFinite(mu) ? mu : 0.0;
    }

    /**
     * Agent n's local step of iteration {@code it} (prices from buffer {@code from} into
     * {@code from ^ 1}), given its first Newton attempt from mu0 (the point m, and whether it
     * held on its piece); returns the trade messages it sends (its arcs, or 0 when it sits the
     * round out).
     */
    private int step(int n, int c, double r, int from, long it, double mu0, double m, boolean held) {
        final double[] mc = mu[from];
        final double[] mn = mu[from ^ 1];
        if (active != null) {
            boolean on = draw(it, n) < asyncFraction;
            active[from ^ 1][n] = (byte) (on ? 1 : 0);
            if (!on) {
                mn[n] = mc[n];
                if (covered != null) {
                    assetPrice[from ^ 1][n] = assetPrice[from][n];
                }
                return 0;
            }
        }
        if (covered != null && covered[n]) {
            double wn = w[n];
            double mw = local.walk(n, st, r, mu0, wn, r);
            double t = tradeSum(n, mw, 0.5 / r);
            mn[n] = mw;
            injNext[n] = t;
            assetPrice[from ^ 1][n] = mw + wn - r * t;
            walkC[c]++;
        } else {
            mn[n] = held ? m : refine(n, r, mu0, m, c);
        }
        return arcStart[n + 1] - arcStart[n];
    }

    /**
     * The local step of a group (an agent whose assets are linked across periods) at its first
     * period's agent n, for all its periods at once; nothing at the group's other agents. In
     * asynchronous rounds the group takes the step or sits it out as one agent (its first
     * period's draw). Returns the trade messages sent.
     */
    private int groupStep(int n, int c, double r, int from, long it) {
        HorizonLocalQp g = group[n];
        if (n != g.first) {
            return 0;
        }
        final int tEnd = g.periods;
        final double[] mc = mu[from];
        final double[] mn = mu[from ^ 1];
        if (active != null) {
            boolean on = draw(it, n) < asyncFraction;
            for (int t = 0; t < tEnd; t++) {
                active[from ^ 1][n + t] = (byte) (on ? 1 : 0);
            }
            if (!on) {
                for (int t = 0; t < tEnd; t++) {
                    mn[n + t] = mc[n + t];
                    if (covered != null) {
                        assetPrice[from ^ 1][n + t] = assetPrice[from][n + t];
                    }
                }
                g.keep(from);
                return 0;
            }
        }
        if (covered != null && covered[n]) {
            if (!g.solve(st, r, mn, from ^ 1, w, injNext, assetPrice[from ^ 1])) {
                qpFailC[c]++;
            }
        } else if (!g.solve(st, r, mn, from ^ 1, null, null, null)) {
            qpFailC[c]++;
        }
        walkC[c]++;
        return arcStart[n + tEnd] - arcStart[n];
    }

    /** Σ of agent n's trades at price m, with the same operations as the sweep's (h = 1/(2 rho)). */
    private double tradeSum(int n, double m, double h) {
        double ts = 0.0;
        for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
            ts += threshold(st[2 * q] - m, gg[2 * q], h);
        }
        return ts;
    }

    /** A uniform draw in [0, 1) from (seed, round, agent): the same for any thread layout. */
    private double draw(long it, int n) {
        long x = seed + it * 0x9E3779B97F4A7C15L + (n + 1L) * 0xC2B2AE3D27D4EB4FL;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x = x ^ (x >>> 31);
        return (x >>> 11) * 0x1.0p-53;
    }

    /**
     * One Newton attempt of agent n's local step on its targets {@code st[2q]} from mu, in one
     * pass over its arcs: returns the Newton point and records in {@code heldC[c]} whether it
     * stays on the piece it was taken on (then it is the local step's root). The sweep does the
     * same pass fused with the price step ({@link #sweep}).
     */
    private double attempt(int n, double r, double mu, int c) {
        final double invRho = 1.0 / r;
        final double[] gm = gg;
        final double[] s = st;
        double ts = 0.0;
        long act = 0;
        long hiU = Long.MAX_VALUE;
        long loB = Long.MAX_VALUE;
        for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
            double w = s[2 * q] - mu;
            double go = gm[2 * q];
            ts += span(w, go);
            long b1 = Double.doubleToRawLongBits(w - go);
            long b2 = Double.doubleToRawLongBits(w + go);
            act += active(b1, b2);
            hiU = above(hiU, b1, b2);
            loB = below(loB, b1, b2);
        }
        act += arcStart[n + 1] - arcStart[n];
        double m = local.newtonStep(n, mu, -ts * (0.5 * invRho), act * invRho);
        heldC[c] = local.onPiece(n, mu, m, upper(hiU), lower(loB));
        return m;
    }

    /**
     * Agent n's local step after a first Newton attempt from mu0 gave m off its piece: Newton
     * again from where it landed, a few times, else the breakpoint walk (counted in chunk c's
     * walks). Rare once a run is under way, so kept out of the sweep.
     */
    private double refine(int n, double r, double mu0, double m, int c) {
        double mu = mu0;
        double mk = m;
        for (int a = 1; a <= NEWTON_ATTEMPTS && Double.isFinite(mk); a++) {
            mu = mk;
            mk = attempt(n, r, mu, c);
            if (heldC[c]) {
                return mk;
            }
        }
        if (Double.isFinite(mk)) {
            mu = mk;
        }
        walkC[c]++;
        return local.walk(n, st, r, mu, 0.0, 0.0);
    }

    /**
     * The active-piece count at the offsets x1 ≤ x2 (bits b1, b2) less 1: each of x1 ≥ +0 and
     * x2 < 0 (or −0) counts once. From the same sign masks as the bounds, so that the compiler
     * shares them; the caller adds 1 per arc once, after its loop.
     */
    private static long active(long b1, long b2) {
        return (b1 >> 63) - (b2 >> 63);
    }

    // x1 ≤ x2 (gamma ≥ 0), so each arc's two candidates are ordered: min(u1, u2) is u1 unless
    // x1 is negative, min(b1, b2) is b1 unless x2 is negative. Selecting with the sign masks
    // leaves one running minimum per bound instead of two.
    private static long above(long hiU, long b1, long b2) {
        long u1 = b1 ^ Long.MIN_VALUE;
        long u2 = b2 ^ Long.MIN_VALUE;
        return Math.min(hiU, u1 ^ ((u1 ^ u2) & (b1 >> 63)));
    }

    private static long below(long loB, long b1, long b2) {
        return Math.min(loB, b1 ^ ((b1 ^ b2) & (b2 >> 63)));
    }

    /*
     * The piece of g at mu0, in one pass without branches. Each breakpoint offset x = v ± gamma − mu0
     * bounds the piece from above when its sign bit is clear (x ≥ +0) and from below otherwise,
     * the same sign test that counts the arc as active; that makes the bounds exact for the slope
     * counted. Nearest bound above: the least x ≥ +0, i.e. the signed minimum of bits(x) with the
     * sign bit flipped (negative x then rank above every other). Nearest bound below: the x < 0 of
     * least magnitude, i.e. the signed minimum of bits(x) (non-negative x rank above every
     * negative one).
     */
    private static double upper(long hiU) {
        return hiU < 0 ? Double.longBitsToDouble(hiU ^ Long.MIN_VALUE) : Double.POSITIVE_INFINITY;
    }

    private static double lower(long loB) {
        return loB < 0 ? Double.longBitsToDouble(loB) : Double.NEGATIVE_INFINITY;
    }

    /**
     * One sweep over agent chunks [c0, c1): the price step of the iteration {@code it − 1} whose
     * local step's prices are in buffer {@code from} (residuals into the chunk sums; the norms of
     * the relative rule only when {@code norms}), then the local step of iteration {@code it}
     * into buffer {@code from ^ 1}.
     */
    void sweep(int c0, int c1, double r, double alpha, boolean norms, int from, long it) {
        final double invRho = 1.0 / r;
        final double h = 0.5 * invRho;
        final double om = 1.0 - alpha;
        final boolean plain = alpha == 1.0;
        final double[] s = st;
        final double[] gm = gg;
        final double[] tr = trade;
        final double[] ot = otr;
        final int[] pt = partner;
        final double[] mc = mu[from];
        final double[] mn = mu[from ^ 1];
        // Loop-invariant: the compiler unswitches the arc loop on it, so synchronous runs pay
        // nothing for the asynchronous case.
        final boolean async = active != null;
        final byte[] on = async ? active[from] : null;
        // Synchronous without the operator every agent takes the plain local step and sends one
        // message per arc: only the agents whose Newton step left its piece are left to finish.
        final boolean plainStep = !async && covered == null;
        for (int c = c0; c < c1; c++) {
            double rr = 0.0;
            double ds = 0.0;
            double tt = 0.0;
            double ll = 0.0;
            double lmax = 0.0;
            walkC[c] = 0;
            final int a0 = agentChunk[c];
            int pending = 0;
            for (int n = a0; n < agentChunk[c + 1]; n++) {
                final int q0 = arcStart[n];
                final int q1 = arcStart[n + 1];
                if (q0 == q1 && local.isIdle(n)) {
                    continue;
                }
                final double mu0 = mc[n];
                final double muS = start(mu0);
                final boolean onN = !async || on[n] != 0;
                // The first Newton attempt of the agent's next local step: attempt()'s pass from
                // muS, repeated here to run on each target as soon as it is set. As a separate
                // pass (inlined, its sums in chunk slots) the two arc loops compiled to 106
                // instructions per arc, against 87 for the fused one.
                double ts = 0.0;
                long act = 0;
                long hiU = Long.MAX_VALUE;
                long loB = Long.MAX_VALUE;
                for (int q = q0; q < q1; q++) {
                    final int i2 = 2 * q;
                    double vk = s[i2];
                    double vm = s[i2 + 1];
                    final double go = gm[i2];
                    final int p = pt[q];
                    final boolean onM = !async || on[p] != 0;
                    double tk = onN ? threshold(vk - mu0, go, h) : tr[q];
                    // p < n: the mask changes nothing but spares the bounds check (see mu).
                    double tm = onM ? threshold(vm - mc[p & (mc.length - 1)], gm[i2 + 1], h) : ot[q];
                    if (async) {
                        ot[q] = tm;
                    }
                    double e = tk + tm;
                    // A pair moves when either end took the step (always, in synchronous runs).
                    if (onN | onM) {
                        double cc = 0.5 * (vk + vm);
                        if (plain) {
                            vk = cc - r * tm;
                            vm = cc - r * tk;
                        } else {
                            double z = (vk - vm) * h;
                            double vkN = cc - r * (alpha * tm - om * z);
                            vm = cc - r * (alpha * tk + om * z);
                            vk = vkN;
                        }
                        s[i2] = vk;
                        s[i2 + 1] = vm;
                    }
                    double d = tk - tr[q];
                    tr[q] = tk;
                    rr += e * e;
                    ds += d * d;
                    if (norms) {
                        double lN = 0.5 * (vk + vm);
                        tt += tk * tk;
                        ll += lN * lN;
                        double al = Math.abs(lN);
                        if (al > lmax) {
                            lmax = al;
                        }
                    }
                    double w = vk - muS;
                    ts += span(w, go);
                    long b1 = Double.doubleToRawLongBits(w - go);
                    long b2 = Double.doubleToRawLongBits(w + go);
                    act += active(b1, b2);
                    hiU = above(hiU, b1, b2);
                    loB = below(loB, b1, b2);
                }
                act += q1 - q0;
                double m = local.newtonStep(n, muS, -ts * h, act * invRho);
                boolean held = local.onPiece(n, muS, m, upper(hiU), lower(loB));
                mn[n] = m;
                if (!plainStep && covered != null && covered[n]) {
                    double pn = injNext[n];
                    double dp = pn - inj[n];
                    ds += dp * dp;
                    inj[n] = pn;
                }
                if (group != null && group[n] != null) {
                    // Its step needs the targets of every period: after the chunk's pass.
                    deferred[a0 + pending++] = n;
                } else if (!plainStep) {
                    deferred[a0 + pending++] = held ? ~n : n;
                } else if (!held) {
                    deferred[a0 + pending++] = n;
                }
            }
            // What the Newton step left, after the chunk's pass: each of these reads and writes
            // only its own agent's state, so the order changes no bit. A call in the pass itself
            // made the compiler keep the arc loop's counter and sums in memory.
            long msg = 0;
            for (int k = 0; k < pending; k++) {
                final int e = deferred[a0 + k];
                final int n = e < 0 ? ~e : e;
                final double muS = start(mc[n]);
                if (group != null && group[n] != null) {
                    msg += groupStep(n, c, r, from, it);
                } else if (plainStep) {
                    mn[n] = refine(n, r, muS, mn[n], c);
                } else {
                    msg += step(n, c, r, from, it, muS, mn[n], e < 0);
                }
            }
            rC[c] = rr;
            dsC[c] = ds;
            ttC[c] = tt;
            llC[c] = ll;
            lmaxC[c] = lmax;
            // An idle agent has no arcs, so every arc of the chunk sent its message.
            msgC[c] = plainStep ? arcStart[agentChunk[c + 1]] - arcStart[agentChunk[c]] : msg;
        }
    }

    /**
     * The trade {@code S_g(x)/rho} ({@code h = 1/(2 rho)}), without branches: which side of the
     * dead zone a trade is on varies from arc to arc, which defeats a branch predictor.
     */
    private static double threshold(double x, double g, double h) {
        return span(x, g) * h;
    }

    /** {@code 2·S_g(x)}: the trade before its scaling by {@code 1/(2 rho)}. */
    private static double span(double x, double g) {
        double x1 = x - g;
        double x2 = x + g;
        return (x1 + Math.abs(x1)) + (x2 - Math.abs(x2));
    }

    /** Agent n's price dispersion term over its arcs at prices {@code m}: see {@link ConsensusAdmm#computeDispersion}. */
    double dispersion(int nAgents, double[] m) {
        double d = 0.0;
        for (int n = 0; n < nAgents; n++) {
            double mn = m[n];
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                double e = LocalStep.priceGap(mn, lambda(q), gg[2 * q], trade[q]);
                if (!(e <= d)) {
                    d = e;
                }
            }
        }
        return d;
    }

    /**
     * Agent n's assets at the completed iteration (prices in buffer {@code cur}): with the
     * operator at the price its assets saw, producing its recorded injection; else at its price,
     * producing the sum of its trades.
     */
    void dispatch(int n, int cur, double[] p) {
        if (group != null && group[n] != null) {
            HorizonLocalQp g = group[n];
            int t = n - g.first;
            double[] x = g.point[cur];
            for (int k = 0; k < g.numAssets(); k++) {
                p[local.assetStart(n) + k] = x[g.assetVar(k, t)];
            }
        } else if (covered != null && covered[n]) {
            local.dispatch(n, assetPrice[cur][n], inj[n], p);
        } else {
            local.dispatchCsr(n, mu[cur][n], trade, p);
        }
    }
}
