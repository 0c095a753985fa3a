package org.peerclear.clearing.admm;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.peerclear.clearing.Progress;
import org.peerclear.clearing.ProgressListener;
import org.peerclear.index.MarketIndex;

/**
 * Consensus ADMM on the unified market (Baroche, Moret &amp; Pinson, PowerTech 2019), on
 * primitive arrays. One iteration is
 * <ol>
 *   <li>the local step of every agent on its partners' previous values (Jacobi), in closed form
 *       ({@link LocalStep}), with targets {@code v_k = rho·z_k + lambda_k};</li>
 *   <li>the price step of every pair {k, k'}: with the over-relaxed
 *       {@code x = alpha·t + (1 − alpha)·z}, {@code z_k = (x_k − x_k')/2} and
 *       {@code lambda ← lambda − rho·(x_k + x_k')/2}. With {@code alpha = 1},
 *       {@code z_k = (t_k − t_k')/2} and this is the published algorithm exactly.</li>
 * </ol>
 * Two engines. Synchronous runs without a network operator use {@link SyncEngine}: arrays in
 * the agents' order, one fused sweep per iteration, partners' trades recomputed from their
 * prices instead of read from memory. Asynchronous rounds and network-aware runs use the
 * original layout: target {@code v_k} and trade {@code t_k} interleaved per arc in the index
 * order (an arc next to its mirror), {@code z} and {@code lambda} per pair, a local-step pass
 * over agents and a price-step pass over pairs. Nothing is allocated per iteration.
 *
 * <p>Reductions (residual sums) are accumulated per fixed chunk of agents or pairs, whose
 * boundaries depend only on the market, and added in chunk order: the iterates, the stopping
 * decision and so the results are bit-for-bit the same for any number of threads. Threads
 * (the caller plus {@code threads − 1} workers) each own a contiguous range of chunks and meet
 * at a {@link CyclicBarrier} after each half-iteration; waiting threads park, they do not spin.
 *
 * <p>Not thread-safe itself: one run at a time.
 *
 * <p>The two engines as they were before {@link AdmmEngine} merged them, kept only for the
 * old-versus-new test ({@code EngineMoveTest}) while the move is checked; removed right after.
 */
final class LegacyConsensusAdmm {
    private static final int AGENT_CHUNK_WEIGHT = 4096;
    private static final int PAIR_CHUNK = 2048;

    private final MarketIndex ix;
    private final LocalStep local;
    private final AdmmOptions opt;
    private final int nAgents;
    private final int nArcs;
    private final int nPairs;
    private final int[] arcStart;
    private final int[] arcOf;
    private final double[] gamma;

    /** Per arc k: {@code vt[2k] = v_k} (target), {@code vt[2k+1] = t_k} (trade). */
    private final double[] vt;
    private final double[] z;
    private final double[] lam;
    private final double[] mu;
    private final double[] p;
    private final byte[] active;
    private final int[] pairA;
    private final int[] pairB;
    /** The system operator of a network-aware clearing, or null. */
    private final AdmmNetworkOperator net;
    /** Per agent, its net injection Σ_s p_s at the last local step (network-aware only). */
    private final double[] injection;
    private double netPrimal;

    private final int[] agentChunk;
    private final int[] pairChunk;
    private final double[] dsC;
    private final long[] msgC;
    private final double[] rC;
    private final double[] ttC;
    private final double[] llC;
    private final double[] lmaxC;

    private final boolean fast;
    /** The relative stopping rule needs the norms of t and lambda; the paper's does not. */
    private final boolean relative;
    /** Scratch for the original engine's breakpoint walk (the calling thread's), or null. */
    private final double[] walkBuf;
    /** The fast engine (synchronous, no operator), or null. */
    private final SyncEngine eng;
    private final double[] scratch;
    /** eng.mu[cur]: the prices of the last completed iteration. */
    private int cur;
    /** eng.mu[cur ^ 1] already holds the next local step (from the current targets and rho). */
    private boolean ahead;
    private long walks;

    private double rho;
    private double initialRho;
    private long iteration;
    private double primal = Double.NaN;
    private double dual = Double.NaN;
    private double tNorm2;
    private double lamNorm2;
    private double lamMax;
    private double dispersion = Double.NaN;
    private long messages;
    private boolean converged;
    /** The run's deadline in {@link System#nanoTime()} terms, when it has one. */
    private long deadline;
    private boolean hasDeadline;
    private boolean timedOut;

    LegacyConsensusAdmm(MarketIndex index, AdmmOptions options) {
        this(index, options, null);
    }

    /** With the system operator of a network-aware clearing (null for none). */
    LegacyConsensusAdmm(MarketIndex index, AdmmOptions options, AdmmNetworkOperator operator) {
        this.net = operator;
        this.injection = operator == null ? null : new double[index.numAgents()];
        this.ix = index;
        this.opt = options;
        this.local = new LocalStep(index);
        this.nAgents = index.numAgents();
        this.nArcs = index.numArcs();
        this.nPairs = index.numPairs();
        this.arcStart = index.arcStart();
        this.arcOf = index.arcsOf();
        this.gamma = index.gamma();
        boolean async = options.isAsync();
        this.fast = !async && operator == null;
        this.relative = options.stopping() == AdmmOptions.Stopping.RELATIVE;
        this.vt = fast ? null : new double[2 * nArcs];
        this.z = fast ? null : new double[nPairs];
        this.lam = fast ? null : new double[nPairs];
        this.mu = fast ? null : new double[nAgents];
        this.p = new double[index.numAssets()];
        this.active = async ? new byte[nAgents] : null;
        this.pairA = async ? new int[nPairs] : null;
        this.pairB = async ? new int[nPairs] : null;
        if (async) {
            for (int j = 0; j < nPairs; j++) {
                pairA[j] = index.from()[2 * j];
                pairB[j] = index.to()[2 * j];
            }
        }
        this.agentChunk = agentChunks(index);
        int npc = Math.max(1, (nPairs + PAIR_CHUNK - 1) / PAIR_CHUNK);
        this.pairChunk = new int[npc + 1];
        for (int c = 0; c <= npc; c++) {
            pairChunk[c] = Math.min(nPairs, c * PAIR_CHUNK);
        }
        int nac = agentChunk.length - 1;
        this.dsC = new double[nac];
        this.msgC = new long[nac];
        int nrc = fast ? nac : npc;
        this.rC = new double[nrc];
        this.ttC = new double[nrc];
        this.llC = new double[nrc];
        this.lmaxC = new double[nrc];
        this.walkBuf = fast ? null : new double[Math.max(1, local.maxArcs())];
        if (fast) {
            this.eng = new SyncEngine(index, local, agentChunk);
            this.scratch = new double[Math.max(1, eng.maxChunkArcs)];
        } else {
            this.eng = null;
            this.scratch = null;
        }
        this.initialRho = options.rho();
        this.rho = initialRho;
    }

    /** Contiguous agent ranges of about equal work (arcs plus assets), fixed by the market alone. */
    private static int[] agentChunks(MarketIndex ix) {
        int n = ix.numAgents();
        int[] out = new int[n + 2];
        int c = 0;
        out[c++] = 0;
        long w = 0;
        for (int i = 0; i < n; i++) {
            w += 1 + (ix.arcStart()[i + 1] - ix.arcStart()[i]) + (ix.assetStart()[i + 1] - ix.assetStart()[i]);
            if (w >= AGENT_CHUNK_WEIGHT && i + 1 < n) {
                out[c++] = i + 1;
                w = 0;
            }
        }
        out[c++] = n;
        return Arrays.copyOf(out, c);
    }

    /** Back to the published start: t = 0, lambda = 0. */
    public void coldStart() {
        if (fast) {
            eng.clear();
            cur = 0;
            ahead = false;
        } else {
            Arrays.fill(vt, 0.0);
            Arrays.fill(z, 0.0);
            Arrays.fill(lam, 0.0);
            Arrays.fill(mu, 0.0);
        }
        Arrays.fill(p, 0.0);
        if (net != null) {
            net.reset();
            Arrays.fill(injection, 0.0);
            netPrimal = 0.0;
        }
        rho = initialRho;
        iteration = 0;
        messages = 0;
        converged = false;
        primal = Double.NaN;
        dual = Double.NaN;
        dispersion = Double.NaN;
    }

    /**
     * Starts from given trades and prices of this market's structure (e.g. the previous
     * period's solution): the consensus is {@code (t_k − t_k')/2}, the pair price the mean of its
     * two directions; {@code agentPrices} (NaN allowed) only seed the local steps' searches.
     */
    public void warmStart(double[] trades, double[] tradePrices, double[] agentPrices) {
        if (trades.length != nArcs || tradePrices.length != nArcs || agentPrices.length != nAgents) {
            throw new IllegalArgumentException("Warm start has " + trades.length + " trades, " + tradePrices.length
                    + " trade prices and " + agentPrices.length + " agent prices; the market has " + nArcs + " arcs and "
                    + nAgents + " agents");
        }
        coldStart();
        if (fast) {
            double[] pairPrice = new double[nArcs];
            for (int k = 0; k < nArcs; k++) {
                double l = 0.5 * (tradePrices[k & ~1] + tradePrices[k | 1]);
                pairPrice[k] = Double.isFinite(l) ? l : 0.0;
            }
            double[] seeds = new double[nAgents];
            for (int i = 0; i < nAgents; i++) {
                seeds[i] = Double.isFinite(agentPrices[i]) ? agentPrices[i] : 0.0;
            }
            eng.set(trades, pairPrice, seeds, eng.mu[cur], rho);
            return;
        }
        for (int k = 0; k < nArcs; k++) {
            vt[2 * k + 1] = trades[k];
        }
        for (int j = 0; j < nPairs; j++) {
            z[j] = 0.5 * (trades[2 * j] - trades[2 * j + 1]);
            double l = 0.5 * (tradePrices[2 * j] + tradePrices[2 * j + 1]);
            lam[j] = Double.isFinite(l) ? l : 0.0;
        }
        for (int i = 0; i < nAgents; i++) {
            mu[i] = Double.isFinite(agentPrices[i]) ? agentPrices[i] : 0.0;
        }
        refreshTargets();
    }

    private void refreshTargets() {
        if (fast) {
            ahead = false;
            return;
        }
        for (int j = 0; j < nPairs; j++) {
            vt[4 * j] = lam[j] + rho * z[j];
            vt[4 * j + 2] = lam[j] - rho * z[j];
        }
    }

    /**
     * One synchronous iteration on the calling thread, without the stopping test; for timing
     * the iteration itself. Residuals of the iteration are then available.
     */
    public void iterate() {
        long it = ++iteration;
        if (fast) {
            if (!ahead) {
                localOnlyChunks(0, dsC.length, scratch);
                ahead = true;
            }
            fusedChunks(0, dsC.length, scratch);
            afterFused();
            return;
        }
        localChunks(0, dsC.length, it, walkBuf);
        priceChunks(0, rC.length, it);
        operatorStep();
        reduce();
    }

    /** Runs to the stopping rule or the iteration limit; true when the rule held. */
    public boolean run(ProgressListener listener, String methodName) {
        return run(listener, methodName, Double.POSITIVE_INFINITY);
    }

    /**
     * Runs to the stopping rule, the iteration limit or the time limit (seconds from now, checked
     * after every iteration; {@code +∞} for none), whichever comes first; true when the rule
     * held. {@link #timedOut()} tells whether the time limit ended the run.
     */
    public boolean run(ProgressListener listener, String methodName, double timeLimitSeconds) {
        long start = System.nanoTime();
        // A limit of 1e9 s (31 years) or more is none: in nanoseconds it would overflow the clock.
        hasDeadline = timeLimitSeconds < 1e9;
        deadline = hasDeadline ? start + (long) (timeLimitSeconds * 1e9) : 0L;
        timedOut = false;
        long first = iteration + 1;
        long last = iteration + opt.maxIterations();
        int threads = Math.min(opt.threads(), Math.min(dsC.length, rC.length));
        converged = false;
        if (fast && threads <= 1) {
            for (long it = first; it <= last; it++) {
                if (!ahead) {
                    localOnlyChunks(0, dsC.length, scratch);
                    ahead = true;
                }
                fusedChunks(0, dsC.length, scratch);
                iteration = it;
                if (afterIteration(it, last, listener, methodName, start)) {
                    break;
                }
            }
        } else if (fast) {
            runParallelFast(threads, first, last, listener, methodName, start);
        } else if (threads <= 1) {
            for (long it = first; it <= last; it++) {
                localChunks(0, dsC.length, it, walkBuf);
                priceChunks(0, rC.length, it);
                iteration = it;
                if (afterIteration(it, last, listener, methodName, start)) {
                    break;
                }
            }
        } else {
            runParallel(threads, first, last, listener, methodName, start);
        }
        if (Double.isNaN(dispersion) || !converged) {
            dispersion = computeDispersion();
        }
        return converged;
    }

    private void runParallelFast(int threads, long first, long last, ProgressListener listener, String methodName,
                                 long start) {
        int[] ac = split(agentChunkWeights(), threads);
        long[] next = {first};
        boolean[] stop = {false};
        CyclicBarrier afterLocal = new CyclicBarrier(threads, () -> ahead = true);
        CyclicBarrier afterFused = new CyclicBarrier(threads, () -> {
            long it = next[0];
            iteration = it;
            stop[0] = afterIteration(it, last, listener, methodName, start);
            next[0] = it + 1;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        onThreads(threads, failure, id -> workFast(id, ac, id == 0 ? scratch : new double[scratch.length], stop,
                afterLocal, afterFused, failure));
    }

    // The barriers publish ahead, stop[0] and the swapped buffers: writes in a barrier action
    // happen-before the return of await() in every party.
    private void workFast(int id, int[] ac, double[] buf, boolean[] stop, CyclicBarrier afterLocal,
                          CyclicBarrier afterFused, AtomicReference<Throwable> failure) {
        try {
            while (true) {
                if (!ahead) {
                    localOnlyChunks(ac[id], ac[id + 1], buf);
                    afterLocal.await();
                }
                fusedChunks(ac[id], ac[id + 1], buf);
                afterFused.await();
                if (stop[0]) {
                    return;
                }
            }
        } catch (BrokenBarrierException | InterruptedException | RuntimeException | Error e) {
            fail(e, failure, afterLocal, afterFused);
        }
    }

    /**
     * Runs {@code party} with ids 1 … threads − 1 on daemon workers and with id 0 on the calling
     * thread, then joins the workers and rethrows the first failure.
     */
    private static void onThreads(int threads, AtomicReference<Throwable> failure, java.util.function.IntConsumer party) {
        Thread[] workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            final int id = w;
            workers[w - 1] = new Thread(() -> party.accept(id), "peerclear-admm-" + w);
            workers[w - 1].setDaemon(true);
            workers[w - 1].start();
        }
        party.accept(0);
        joinAndRethrow(workers, failure);
    }

    /**
     * A party's failure: the first cause is kept (a broken barrier only follows another party's
     * failure) and the barriers are broken so that the other parties stop waiting.
     */
    private static void fail(Throwable e, AtomicReference<Throwable> failure, CyclicBarrier a, CyclicBarrier b) {
        if (e instanceof BrokenBarrierException) {
            failure.compareAndSet(null, e);
            return;
        }
        if (e instanceof InterruptedException) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
        } else {
            failure.set(e);
        }
        a.reset();
        b.reset();
    }

    private static void joinAndRethrow(Thread[] workers, AtomicReference<Throwable> failure) {
        for (Thread th : workers) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the ADMM workers", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error err) {
            throw err;
        } else if (f != null) {
            throw new IllegalStateException("ADMM worker failed", f);
        }
    }

    /** The local step alone for agent chunks [c0, c1): the next prices into eng.mu[cur ^ 1]. */
    private void localOnlyChunks(int c0, int c1, double[] v) {
        eng.localOnly(c0, c1, rho, eng.mu[cur], eng.mu[cur ^ 1], v);
    }

    /**
     * One sweep over agent chunks [c0, c1): the price step of the iteration whose prices are in
     * eng.mu[cur ^ 1], then the next local step, into eng.mu[cur].
     */
    private void fusedChunks(int c0, int c1, double[] v) {
        eng.sweep(c0, c1, rho, opt.alpha(), relative, eng.mu[cur ^ 1], eng.mu[cur], v);
    }

    /** After a fused sweep: the iteration whose price step it did is complete; the next local step is pending. */
    private void afterFused() {
        double r = 0.0;
        double tt = 0.0;
        double ll = 0.0;
        double lm = 0.0;
        double ds = 0.0;
        long w = 0;
        for (int c = 0; c < eng.rC.length; c++) {
            r += eng.rC[c];
            tt += eng.ttC[c];
            ll += eng.llC[c];
            lm = Math.max(lm, eng.lmaxC[c]);
            ds += eng.dsC[c];
            w += eng.walkC[c];
        }
        primal = r;
        dual = ds;
        tNorm2 = tt;
        lamNorm2 = ll;
        lamMax = lm;
        walks += w;
        messages += nArcs;
        cur ^= 1;
        ahead = true;
    }

    private void runParallel(int threads, long first, long last, ProgressListener listener, String methodName, long start) {
        int[] ac = split(agentChunkWeights(), threads);
        int[] pc = split(null, threads);
        long[] next = {first};
        boolean[] stop = {false};
        CyclicBarrier afterLocal = new CyclicBarrier(threads);
        CyclicBarrier afterPrice = new CyclicBarrier(threads, () -> {
            long it = next[0];
            iteration = it;
            stop[0] = afterIteration(it, last, listener, methodName, start);
            next[0] = it + 1;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        onThreads(threads, failure, id -> work(id, ac, pc, id == 0 ? walkBuf : new double[walkBuf.length], next, stop,
                afterLocal, afterPrice, failure));
    }

    // The barriers publish next[0] and stop[0]: writes in the barrier action happen-before the
    // return of await() in every party.
    private void work(int id, int[] ac, int[] pc, double[] buf, long[] next, boolean[] stop, CyclicBarrier afterLocal,
                      CyclicBarrier afterPrice, AtomicReference<Throwable> failure) {
        try {
            while (true) {
                long it = next[0];
                localChunks(ac[id], ac[id + 1], it, buf);
                afterLocal.await();
                priceChunks(pc[id], pc[id + 1], it);
                afterPrice.await();
                if (stop[0]) {
                    return;
                }
            }
        } catch (BrokenBarrierException | InterruptedException | RuntimeException | Error e) {
            fail(e, failure, afterLocal, afterPrice);
        }
    }

    private long[] agentChunkWeights() {
        long[] w = new long[dsC.length];
        for (int c = 0; c < w.length; c++) {
            int a0 = agentChunk[c];
            int a1 = agentChunk[c + 1];
            w[c] = (a1 - a0) + (arcStart[a1] - arcStart[a0]);
        }
        return w;
    }

    /** Contiguous ranges of chunks for each thread, of about equal weight (null: equal chunks). */
    private int[] split(long[] weights, int threads) {
        int nc = weights == null ? rC.length : weights.length;
        long total = 0;
        for (int c = 0; c < nc; c++) {
            total += weights == null ? 1 : weights[c];
        }
        int[] out = new int[threads + 1];
        long acc = 0;
        int th = 1;
        for (int c = 0; c < nc && th < threads; c++) {
            acc += weights == null ? 1 : weights[c];
            while (th < threads && acc * threads >= total * th) {
                out[th++] = c + 1;
            }
        }
        while (th <= threads) {
            out[th++] = nc;
        }
        return out;
    }

    private void localChunks(int c0, int c1, long it, double[] buf) {
        final double r = rho;
        final boolean async = active != null;
        for (int c = c0; c < c1; c++) {
            double ds = 0.0;
            long msg = 0;
            for (int n = agentChunk[c]; n < agentChunk[c + 1]; n++) {
                if (async) {
                    boolean on = draw(it, n) < opt.asyncFraction();
                    active[n] = (byte) (on ? 1 : 0);
                    if (!on) {
                        continue;
                    }
                }
                if (local.isIdle(n)) {
                    continue;
                }
                if (net != null && net.covers(n)) {
                    double w = net.target(n, r);
                    double m = local.priceWithInjection(n, vt, r, mu[n], w, r);
                    mu[n] = m;
                    ds += local.applyWithInjection(n, m, vt, r, p, w, r, injection);
                } else {
                    double m = local.price(n, vt, r, mu[n], buf);
                    mu[n] = m;
                    ds += local.apply(n, m, vt, r, p);
                }
                msg += arcStart[n + 1] - arcStart[n];
            }
            dsC[c] = ds;
            msgC[c] = msg;
        }
    }

    /** A uniform draw in [0, 1) from (seed, round, agent): the same for any thread layout. */
    private double draw(long it, int n) {
        long x = opt.seed() + it * 0x9E3779B97F4A7C15L + (n + 1L) * 0xC2B2AE3D27D4EB4FL;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x = x ^ (x >>> 31);
        return (x >>> 11) * 0x1.0p-53;
    }

    private void priceChunks(int c0, int c1, long it) {
        final double r = rho;
        final double al = opt.alpha();
        final double om = 1.0 - al;
        final double half = 0.5 * r;
        final boolean async = active != null;
        for (int c = c0; c < c1; c++) {
            double r0 = 0.0;
            double r1 = 0.0;
            double tt0 = 0.0;
            double tt1 = 0.0;
            double ll0 = 0.0;
            double ll1 = 0.0;
            double lmax = 0.0;
            int j = pairChunk[c];
            final int j1 = pairChunk[c + 1];
            for (; j < j1; j++) {
                int k = 4 * j;
                double tk = vt[k + 1];
                double tm = vt[k + 3];
                double e = tk + tm;
                double l;
                if (!async || active[pairA[j]] != 0 || active[pairB[j]] != 0) {
                    double zj = z[j];
                    double xk = al * tk + om * zj;
                    double xm = al * tm - om * zj;
                    double zn = 0.5 * (xk - xm);
                    l = lam[j] - half * (xk + xm);
                    z[j] = zn;
                    lam[j] = l;
                    vt[k] = l + r * zn;
                    vt[k + 2] = l - r * zn;
                } else {
                    l = lam[j];
                }
                if ((j & 1) == 0) {
                    r0 += e * e;
                    tt0 += tk * tk + tm * tm;
                    ll0 += l * l;
                } else {
                    r1 += e * e;
                    tt1 += tk * tk + tm * tm;
                    ll1 += l * l;
                }
                lmax = Math.max(lmax, Math.abs(l));
            }
            rC[c] = 2.0 * (r0 + r1);
            ttC[c] = tt0 + tt1;
            llC[c] = 2.0 * (ll0 + ll1);
            lmaxC[c] = lmax;
        }
    }

    private void reduce() {
        double ds = 0.0;
        long msg = 0;
        for (int c = 0; c < dsC.length; c++) {
            ds += dsC[c];
            msg += msgC[c];
        }
        double r = 0.0;
        double tt = 0.0;
        double ll = 0.0;
        double lm = 0.0;
        for (int c = 0; c < rC.length; c++) {
            r += rC[c];
            tt += ttC[c];
            ll += llC[c];
            lm = Math.max(lm, lmaxC[c]);
        }
        if (net != null) {
            r += netPrimal;
            for (double v : injection) {
                tt += v * v;
            }
            ll += net.priceNorm2();
        }
        dual = ds;
        primal = r;
        tNorm2 = tt;
        lamNorm2 = ll;
        lamMax = lm;
        messages += msg;
    }

    /** The operator's projection and dual update, after the agents' step (single-threaded, so deterministic). */
    private void operatorStep() {
        if (net != null) {
            netPrimal = net.step(injection, rho);
        }
    }

    private boolean afterIteration(long it, long last, ProgressListener listener, String methodName, long start) {
        if (fast) {
            afterFused();
        } else {
            operatorStep();
            reduce();
        }
        if (net != null && !net.feasible()) {
            converged = false;
            return true;
        }
        dispersion = Double.NaN;
        converged = stoppingRuleHolds();
        if (listener != ProgressListener.NONE && (it % opt.progressInterval() == 0 || converged || it == last)) {
            listener.onProgress(new Progress(methodName, it, primal, dual, rho, (System.nanoTime() - start) * 1e-9));
        }
        if (!converged && hasDeadline && System.nanoTime() - deadline >= 0) {
            timedOut = true;
            return true;
        }
        if (!converged && opt.adaptiveRho() && it % opt.adaptInterval() == 0) {
            adaptRho();
        }
        return converged || it >= last;
    }

    private boolean stoppingRuleHolds() {
        double eps = opt.eps();
        if (opt.stopping() == AdmmOptions.Stopping.PAPER) {
            if (!(primal <= eps && dual <= eps)) {
                return false;
            }
            if (active == null) {
                return true;
            }
            // Agents that sat out a round add nothing to s: confirm with the prices themselves.
            dispersion = computeDispersion();
            return dispersion <= rho * Math.sqrt(eps);
        }
        double m = Math.max(1, nArcs);
        if (!(Math.sqrt(primal / m) <= eps * (1.0 + Math.sqrt(tNorm2 / m))
                && rho * Math.sqrt(dual / m) <= eps * (1.0 + Math.sqrt(lamNorm2 / m)))) {
            return false;
        }
        dispersion = computeDispersion();
        return dispersion <= eps * (1.0 + lamMax);
    }

    // Residual balancing (Boyd et al. 2011, §3.4.1) on the norms in price units; lambda is kept
    // unscaled, so only the targets need refreshing.
    private void adaptRho() {
        double rn = rho * Math.sqrt(primal);
        double sn = rho * Math.sqrt(dual);
        double old = rho;
        if (rn > opt.mu() * sn) {
            rho = old * opt.tau();
        } else if (sn > opt.mu() * rn) {
            rho = old / opt.tau();
        }
        if (rho != old) {
            if (fast) {
                eng.rescale(rho / old);
            }
            refreshTargets();
        }
    }

    /**
     * The largest distance of a bilateral price from what the agent's own price allows:
     * {@code |mu_n − (lambda_k − sign(t_k)·gamma_k)|} on a trading arc, the distance of
     * {@code mu_n} to {@code [lambda_k − gamma_k, lambda_k + gamma_k]} on an idle one.
     */
    public double computeDispersion() {
        if (fast) {
            return computeDispersionFast();
        }
        double d = 0.0;
        for (int n = 0; n < nAgents; n++) {
            double m = mu[n];
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                int k = arcOf[q];
                double e = LocalStep.priceGap(m, lam[k >> 1], gamma[k], vt[2 * k + 1]);
                if (!(e <= d)) {
                    d = e;
                }
            }
        }
        return d;
    }

    private double computeDispersionFast() {
        return eng.dispersion(nAgents, eng.mu[cur]);
    }

    public MarketIndex index() {
        return ix;
    }

    /** Starts the operator from given injections and network prices per agent (after {@link #warmStart}). */
    void warmStartNetwork(double[] injections, double[] prices) {
        if (net != null) {
            net.warmStart(injections, prices);
            for (int n = 0; n < nAgents; n++) {
                injection[n] = net.covers(n) ? injections[n] : 0.0;
            }
        }
    }

    /** False when the operator found its limits infeasible (network-aware only). */
    boolean networkFeasible() {
        return net == null || net.feasible();
    }

    public long iterations() {
        return iteration;
    }

    /** r = Σ over directed arcs of (t_nm + t_mn)² at the last iteration. */
    public double primalResidual() {
        return primal;
    }

    /** s = Σ over directed arcs of (t_nm^{k+1} − t_nm^k)² at the last iteration. */
    public double dualResidual() {
        return dual;
    }

    /** The price dispersion at the end of the last run (see {@link #computeDispersion()}). */
    public double dispersion() {
        return dispersion;
    }

    /** Trade messages sent so far: one per directed arc of each agent at each local step it takes. */
    public long messages() {
        return messages;
    }

    /** Local steps whose Newton steps kept leaving their piece, so that they walked the breakpoints (synchronous engine only). */
    public long walks() {
        return walks;
    }

    public boolean converged() {
        return converged;
    }

    /** True when the last {@link #run} was ended by its time limit. */
    public boolean timedOut() {
        return timedOut;
    }

    /** The penalty now (it changes with residual balancing). */
    public double rho() {
        return rho;
    }

    /** The agents' trades t_k of the last local step (a copy). */
    public double[] trades() {
        double[] out = new double[nArcs];
        if (fast) {
            for (int q = 0; q < nArcs; q++) {
                out[arcOf[q]] = eng.trade[q];
            }
            return out;
        }
        for (int k = 0; k < nArcs; k++) {
            out[k] = vt[2 * k + 1];
        }
        return out;
    }

    /** Bilateral prices lambda per directed arc (a copy). */
    public double[] tradePrices() {
        double[] out = new double[nArcs];
        if (fast) {
            for (int q = 0; q < nArcs; q++) {
                out[arcOf[q]] = eng.lambda(q);
            }
            return out;
        }
        for (int k = 0; k < nArcs; k++) {
            out[k] = lam[k >> 1];
        }
        return out;
    }

    /** Agent prices mu_n of the last local step (NaN for an agent with neither assets nor arcs). */
    public double[] agentPrices() {
        double[] out = (fast ? eng.mu[cur] : mu).clone();
        for (int n = 0; n < nAgents; n++) {
            if (local.isIdle(n)) {
                out[n] = Double.NaN;
            }
        }
        return out;
    }

    /** Asset set-points of the last local step (a copy). */
    public double[] assetPower() {
        if (fast && iteration > 0) {
            for (int n = 0; n < nAgents; n++) {
                if (!local.isIdle(n)) {
                    local.dispatchCsr(n, eng.mu[cur][n], eng.trade, p);
                }
            }
        }
        return p.clone();
    }
}
