package org.peerclear.clearing.admm;

import java.util.Arrays;
import org.peerclear.index.MarketIndex;

/**
 * The synchronous ADMM iteration without a system operator, laid out for speed: every per-arc
 * array is in the agents' CSR order, so an agent's arcs are contiguous and each sweep streams
 * memory sequentially.
 *
 * <p>Trades are not stored, they are recomputed. An agent's trade on arc k is the soft
 * threshold {@code t_k = S_gamma_k(v_k − mu_n)/rho} of its target {@code v_k = lambda + rho·z_k}
 * at its price {@code mu_n}, and the pair's state (lambda, z) is known at both ends of the pair.
 * So an agent that knows its partner m's price {@code mu_m} recomputes its partner's trade
 * {@code t_k'} bit for bit, with the same operations on the same numbers (its copy of z is the
 * exact negation of the partner's). The only message an agent needs per iteration is one price
 * per partner, read from an array of agents (small enough to stay in cache), instead of one trade
 * per arc read from a random place in an array of arcs.
 *
 * <p>One sweep over an agent does the price step of iteration i on its arcs (from {@code mu^i} of
 * both ends and the targets of iteration i − 1) and then its local step of iteration i + 1
 * (writing {@code mu^{i+1}} into the other price buffer): per arc it reads and writes lambda, z
 * and the last trade, and reads both directions' gamma and the partner's index. The residuals of
 * iteration i are summed in the same pass. Its Newton step is accepted only when it stays between
 * the nearest breakpoints below and above the previous price, found in the same pass; otherwise
 * the agent refines (more Newton steps, then the breakpoint walk).
 *
 * <p>Residual sums are kept per chunk of agents (fixed by the market) and added in chunk order by
 * the caller, so any number of threads gives the same bits. Methods on disjoint chunk ranges may
 * run concurrently.
 */
final class SyncEngine {
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
    /** Agent prices: two buffers, the completed iteration's and the next local step's. */
    final double[][] mu;

    final double[] rC;
    final double[] dsC;
    final double[] ttC;
    final double[] llC;
    final double[] lmaxC;
    final long[] walkC;
    final int maxChunkArcs;

    SyncEngine(MarketIndex ix, LocalStep local, int[] agentChunk) {
        this.local = local;
        this.arcStart = ix.arcStart();
        this.arcOf = ix.arcsOf();
        this.agentChunk = agentChunk;
        int m = ix.numArcs();
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
        this.mu = new double[][] {new double[ix.numAgents()], new double[ix.numAgents()]};
        int nc = agentChunk.length - 1;
        this.rC = new double[nc];
        this.dsC = new double[nc];
        this.ttC = new double[nc];
        this.llC = new double[nc];
        this.lmaxC = new double[nc];
        this.walkC = new long[nc];
        int mx = 0;
        for (int c = 0; c < nc; c++) {
            mx = Math.max(mx, arcStart[agentChunk[c + 1]] - arcStart[agentChunk[c]]);
        }
        this.maxChunkArcs = mx;
    }

    void clear() {
        Arrays.fill(st, 0.0);
        Arrays.fill(trade, 0.0);
        Arrays.fill(mu[0], 0.0);
        Arrays.fill(mu[1], 0.0);
    }

    /**
     * Sets the state of a completed iteration at penalty r: trades and pair prices per arc id,
     * agent prices; z is half the trade difference (exactly negated at the mirror).
     */
    void set(double[] trades, double[] pairPrices, double[] agentPrices, double[] muOut, double r) {
        for (int q = 0; q < trade.length; q++) {
            int k = arcOf[q];
            trade[q] = trades[k];
            double rz = r * (0.5 * (trades[k] - trades[k ^ 1]));
            st[2 * q] = pairPrices[k] + rz;
            st[2 * q + 1] = pairPrices[k] - rz;
        }
        System.arraycopy(agentPrices, 0, muOut, 0, agentPrices.length);
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
     * The local step alone for agent chunks [c0, c1), from the stored targets at penalty r:
     * prices from {@code mc} (the search's start) to {@code mn}. {@code v} is scratch of at least
     * {@link #maxChunkArcs}.
     */
    void localOnly(int c0, int c1, double r, double[] mc, double[] mn, double[] v) {
        for (int c = c0; c < c1; c++) {
            walkC[c] = 0;
            final int base = arcStart[agentChunk[c]];
            for (int n = agentChunk[c]; n < agentChunk[c + 1]; n++) {
                if (local.isIdle(n)) {
                    continue;
                }
                final double mu0 = Double.isFinite(mc[n]) ? mc[n] : 0.0;
                double m = solve(n, v, base, r, mu0, c);
                mn[n] = m;
            }
        }
    }

    /** Newton steps tried after the first before the breakpoint walk. */
    private static final int NEWTON_ATTEMPTS = 3;

    /**
     * Agent n's local step on its targets {@code st[2q]}: Newton from mu0, accepted when it
     * stays on the piece it was taken on; else Newton again from where it landed, a few times;
     * else the breakpoint walk on the targets copied to {@code v[q − base]} (counted in chunk c's
     * walks).
     */
    private double solve(int n, double[] v, int base, double r, double mu0, int c) {
        final double invRho = 1.0 / r;
        final double h = 0.5 * invRho;
        final double[] gm = gg;
        final double[] s = st;
        final int q0 = arcStart[n];
        final int q1 = arcStart[n + 1];
        double mu = mu0;
        for (int attempt = 0; attempt <= NEWTON_ATTEMPTS; attempt++) {
            double ts = 0.0;
            long act = 0;
            long hiU = Long.MAX_VALUE;
            long loB = Long.MAX_VALUE;
            for (int q = q0; q < q1; q++) {
                double w = s[2 * q] - mu;
                double go = gm[2 * q];
                double x1 = w - go;
                double x2 = w + go;
                ts += (x1 + Math.abs(x1)) + (x2 - Math.abs(x2));
                long b1 = Double.doubleToRawLongBits(x1);
                long b2 = Double.doubleToRawLongBits(x2);
                long u1 = b1 ^ Long.MIN_VALUE;
                long u2 = b2 ^ Long.MIN_VALUE;
                act += (u1 >>> 63) + (b2 >>> 63);
                // x1 ≤ x2 (gamma ≥ 0), so each arc's two candidates are ordered: min(u1, u2) is
                // u1 unless x1 is negative, min(b1, b2) is b1 unless x2 is negative. Selecting
                // with the sign masks leaves one running minimum per bound instead of two.
                long s1 = b1 >> 63;
                long s2 = b2 >> 63;
                hiU = Math.min(hiU, u1 ^ ((u1 ^ u2) & s1));
                loB = Math.min(loB, b1 ^ ((b1 ^ b2) & s2));
            }
            double m = local.newtonStep(n, mu, -ts * h, act * invRho);
            if (local.onPiece(n, mu, m, upper(hiU), lower(loB))) {
                return m;
            }
            if (!Double.isFinite(m)) {
                break;
            }
            mu = m;
        }
        walkC[c]++;
        for (int q = q0; q < q1; q++) {
            v[q - base] = s[2 * q];
        }
        return local.priceOn(n, v, base, r, Double.isFinite(mu) ? mu : mu0);
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
     * One sweep over agent chunks [c0, c1): the price step of the iteration whose prices are
     * {@code mc} (residuals into the chunk sums; the norms of the relative rule only when
     * {@code norms}), then the next local step into {@code mn}.
     */
    void sweep(int c0, int c1, double r, double alpha, boolean norms, double[] mc, double[] mn, double[] v) {
        final double invRho = 1.0 / r;
        final double h = 0.5 * invRho;
        final double om = 1.0 - alpha;
        final boolean plain = alpha == 1.0;
        final double[] s = st;
        final double[] gm = gg;
        final double[] tr = trade;
        final int[] pt = partner;
        for (int c = c0; c < c1; c++) {
            final int base = arcStart[agentChunk[c]];
            double rr = 0.0;
            double ds = 0.0;
            double tt = 0.0;
            double ll = 0.0;
            double lmax = 0.0;
            walkC[c] = 0;
            for (int n = agentChunk[c]; n < agentChunk[c + 1]; n++) {
                final int q0 = arcStart[n];
                final int q1 = arcStart[n + 1];
                if (q0 == q1 && local.isIdle(n)) {
                    continue;
                }
                final double mu0 = mc[n];
                for (int q = q0; q < q1; q++) {
                    final int i2 = 2 * q;
                    double vk = s[i2];
                    double vm = s[i2 + 1];
                    double go = gm[i2];
                    double gp = gm[i2 + 1];
                    double wk = vk - mu0;
                    double k1 = wk - go;
                    double k2 = wk + go;
                    double tk = ((k1 + Math.abs(k1)) + (k2 - Math.abs(k2))) * h;
                    double wm = vm - mc[pt[q]];
                    double m1 = wm - gp;
                    double m2 = wm + gp;
                    double tm = ((m1 + Math.abs(m1)) + (m2 - Math.abs(m2))) * h;
                    double e = tk + tm;
                    double cc = 0.5 * (vk + vm);
                    double vkN;
                    double vmN;
                    if (plain) {
                        vkN = cc - r * tm;
                        vmN = cc - r * tk;
                    } else {
                        double z = (vk - vm) * h;
                        vkN = cc - r * (alpha * tm - om * z);
                        vmN = cc - r * (alpha * tk + om * z);
                    }
                    s[i2] = vkN;
                    s[i2 + 1] = vmN;
                    double d = tk - tr[q];
                    tr[q] = tk;
                    rr += e * e;
                    ds += d * d;
                    if (norms) {
                        double lN = 0.5 * (vkN + vmN);
                        tt += tk * tk;
                        ll += lN * lN;
                        double al = Math.abs(lN);
                        if (al > lmax) {
                            lmax = al;
                        }
                    }
                }
                mn[n] = solve(n, v, base, r, mu0, c);
            }
            rC[c] = rr;
            dsC[c] = ds;
            ttC[c] = tt;
            llC[c] = ll;
            lmaxC[c] = lmax;
        }
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
}
