package org.peerclear.clearing.admm;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.peerclear.clearing.Progress;
import org.peerclear.clearing.DecayEstimate;
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
 *       {@code z_k = (t_k − t_k')/2} and this is the published algorithm exactly;</li>
 *   <li>with a network, the system operator's projection and price update
 *       ({@link AdmmNetworkOperator}), in the same block as the price step.</li>
 * </ol>
 * Iterations are counted from 1: iteration k is the k-th local step of the agents and the price
 * step after it, from the start {@code t = 0, lambda = 0} (or a warm start); the stopping rule is
 * tested after the price step of iteration k on that iteration's residuals, so a run that stops
 * at k has taken exactly k local steps ({@link AdmmOptions} gives the residuals' definitions).
 *
 * <p>One engine ({@link AdmmEngine}) serves synchronous and asynchronous rounds, with or without
 * the operator: arrays in the agents' order, one fused sweep per iteration (the price step of
 * iteration k and the local step of k + 1), partners' trades recomputed from their prices. The
 * operator's step runs between two sweeps, single-threaded. Nothing is allocated per iteration.
 *
 * <p>Reductions (residual sums) are accumulated per fixed chunk of agents, whose boundaries
 * depend only on the market, and added in chunk order: the iterates, the stopping decision and so
 * the results are bit-for-bit the same for any number of threads. Threads (the caller plus
 * {@code threads − 1} workers) each own a contiguous range of chunks and meet at a
 * {@link CyclicBarrier} after each sweep; waiting threads park, they do not spin.
 *
 * <p>Not thread-safe itself: one run at a time.
 */
public final class ConsensusAdmm {
    private static final int AGENT_CHUNK_WEIGHT = 4096;

    private final MarketIndex ix;
    private final LocalStep local;
    private final AdmmOptions opt;
    private final int nAgents;
    private final int nArcs;
    private final int[] arcOf;
    /** The system operator of a network-aware clearing, or null. */
    private final SystemOperator net;
    private double netPrimal;

    private final int[] agentChunk;
    private final AdmmEngine eng;
    private final double[] p;
    /** The relative stopping rule needs the norms of t and lambda; the paper's does not. */
    private final boolean relative;
    /** eng.mu[cur]: the prices of the last completed iteration. */
    private int cur;
    /** eng.mu[cur ^ 1] already holds the next local step (from the current targets and rho). */
    private boolean ahead;
    /** The operator has not yet taken its step on the local step held ahead. */
    private boolean operatorPending;
    /** Messages of the local step held ahead, counted when its iteration completes. */
    private long pendingMessages;
    private long walks;

    private double rho;
    private final double initialRho;
    private long iteration;
    /** Where each iteration's residuals go when the options ask for a history; null otherwise. */
    private org.peerclear.result.ConvergenceHistory.Recorder history;
    private long historyOffset;
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
    /** The stopping rule's distance at the last progress report ({@link #ruleDistance}) and its iteration. */
    private final DecayEstimate remaining = new DecayEstimate();

    /**
     * ADMM on a market without a network, cold (see {@link #coldStart()}).
     *
     * @param index   the market's index; the engine keeps it and reads its arrays, so they must not change
     * @param options the options; {@link AdmmOptions#rho()} is used as it is, so a rho chosen from the data must
     *                already be set ({@code options.withRho(AdmmOptions.rhoFromData(index))})
     */
    public ConsensusAdmm(MarketIndex index, AdmmOptions options) {
        this(index, options, null);
    }

    /** With the system operator of a network-aware clearing (null for none). */
    ConsensusAdmm(MarketIndex index, AdmmOptions options, AdmmNetworkOperator operator) {
        this(index, options, operator, null, 1);
    }

    /**
     * Over a horizon: {@code index} is the periods stacked ({@link MarketIndex#stacked}),
     * {@code groups} per stacked agent the local QP of its agent when that agent's periods are
     * linked (else null), {@code periods} the horizon's length (chunks hold whole agents, all
     * their periods).
     */
    ConsensusAdmm(MarketIndex index, AdmmOptions options, SystemOperator operator, HorizonLocalQp[] groups, int periods) {
        this.net = operator;
        this.ix = index;
        this.opt = options;
        this.local = new LocalStep(index);
        this.nAgents = index.numAgents();
        this.nArcs = index.numArcs();
        this.arcOf = index.arcsOf();
        this.relative = options.stopping() == AdmmOptions.Stopping.RELATIVE;
        this.p = new double[index.numAssets()];
        this.agentChunk = agentChunks(index, periods);
        this.eng = new AdmmEngine(index, local, agentChunk, options, operator, groups);
        this.initialRho = options.rho();
        this.rho = initialRho;
    }

    /**
     * Contiguous agent ranges of about equal work (arcs plus assets), fixed by the market alone,
     * each starting at a multiple of {@code align} (an agent's periods in a stacked market).
     */
    private static int[] agentChunks(MarketIndex ix, int align) {
        int n = ix.numAgents();
        int[] out = new int[n + 2];
        int c = 0;
        out[c++] = 0;
        long w = 0;
        for (int i = 0; i < n; i++) {
            w += 1 + (ix.arcStart()[i + 1] - ix.arcStart()[i]) + (ix.assetStart()[i + 1] - ix.assetStart()[i]);
            if (w >= AGENT_CHUNK_WEIGHT && i + 1 < n && (i + 1) % align == 0) {
                out[c++] = i + 1;
                w = 0;
            }
        }
        out[c++] = n;
        return Arrays.copyOf(out, c);
    }

    /** Back to the published start: t = 0, lambda = 0. */
    public void coldStart() {
        eng.clear();
        cur = 0;
        ahead = false;
        operatorPending = false;
        pendingMessages = 0;
        Arrays.fill(p, 0.0);
        if (net != null) {
            net.reset();
            netPrimal = 0.0;
        }
        rho = initialRho;
        iteration = 0;
        messages = 0;
        walks = 0;
        converged = false;
        primal = Double.NaN;
        dual = Double.NaN;
        dispersion = Double.NaN;
    }

    /**
     * Starts from given trades and prices of this market's structure (e.g. the previous
     * period's solution): the consensus is {@code (t_k − t_k')/2}, the pair price the mean of its
     * two directions; {@code agentPrices} (NaN allowed) only seed the local steps' searches.
     *
     * @param trades      a trade per directed arc in index order, power unit ({@code > 0}: the arc's
     *                    from-agent sells)
     * @param tradePrices a bilateral price per directed arc, currency per unit of power for one period; a non-finite pair starts at 0
     * @param agentPrices a price per agent, currency per unit of power for one period; NaN where unknown (then 0)
     * @throws IllegalArgumentException if the arrays' lengths are not this market's arcs and agents
     */
    public void warmStart(double[] trades, double[] tradePrices, double[] agentPrices) {
        if (trades.length != nArcs || tradePrices.length != nArcs || agentPrices.length != nAgents) {
            throw new IllegalArgumentException("Warm start has " + trades.length + " trades, " + tradePrices.length
                    + " trade prices and " + agentPrices.length + " agent prices; the market has " + nArcs + " arcs and "
                    + nAgents + " agents");
        }
        coldStart();
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
    }

    /**
     * One synchronous iteration on the calling thread, without the stopping test; for timing
     * the iteration itself. Residuals of the iteration are then available.
     */
    public void iterate() {
        long it = ++iteration;
        prepare(0, agentChunk.length - 1, it);
        afterPrepare();
        eng.sweep(0, agentChunk.length - 1, rho, opt.alpha(), relative, cur ^ 1, it + 1);
        completeIteration();
    }

    /**
     * Records each iteration's residuals into {@code recorder}, numbered from {@code offset} + 1
     * (a continuation of an earlier run counts on from that run's iterations).
     *
     * @param recorder where the residuals go; null to stop recording
     * @param offset   the iterations already recorded before this engine's first
     */
    public void recordInto(org.peerclear.result.ConvergenceHistory.Recorder recorder, long offset) {
        this.history = recorder;
        this.historyOffset = offset;
    }

    /**
     * Runs to the stopping rule or the iteration limit, without a time limit.
     *
     * @param listener   receives a report every {@link AdmmOptions#progressInterval()} iterations, when the rule
     *                   holds and at the iteration limit
     * @param methodName the name the reports carry
     * @return {@code true} when the stopping rule held
     */
    public boolean run(ProgressListener listener, String methodName) {
        return run(listener, methodName, Double.POSITIVE_INFINITY);
    }

    /**
     * Runs to the stopping rule, the iteration limit or the time limit (seconds from now, checked
     * after every iteration; {@code +∞} for none), whichever comes first; true when the rule
     * held. {@link #timedOut()} tells whether the time limit ended the run. A second run continues
     * from where the first stopped, with {@link AdmmOptions#maxIterations()} more iterations.
     *
     * @param listener         receives a report every {@link AdmmOptions#progressInterval()} iterations, when the
     *                         rule holds and at the iteration limit
     * @param methodName       the name the reports carry
     * @param timeLimitSeconds seconds from now; {@code +∞} (or anything from 1e9 up) for none
     * @return {@code true} when the stopping rule held; {@code false} at the iteration or time limit, or when
     *         the system operator found its limits infeasible
     */
    public boolean run(ProgressListener listener, String methodName, double timeLimitSeconds) {
        long start = System.nanoTime();
        // A limit of 1e9 s (31 years) or more is none: in nanoseconds it would overflow the clock.
        hasDeadline = timeLimitSeconds < 1e9;
        deadline = hasDeadline ? start + (long) (timeLimitSeconds * 1e9) : 0L;
        timedOut = false;
        long first = iteration + 1;
        long last = iteration + opt.maxIterations();
        int chunks = agentChunk.length - 1;
        int threads = Math.min(opt.threads(), chunks);
        converged = false;
        remaining.reset();
        if (threads <= 1) {
            for (long it = first; it <= last; it++) {
                prepare(0, chunks, it);
                afterPrepare();
                eng.sweep(0, chunks, rho, opt.alpha(), relative, cur ^ 1, it + 1);
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

    /** The local step of iteration {@code it} on chunks [c0, c1), unless it is already held ahead. */
    private void prepare(int c0, int c1, long it) {
        if (!ahead) {
            eng.localOnly(c0, c1, rho, cur, it);
        }
    }

    /** After the local step of an iteration (single-threaded): its messages, then the operator's step on it. */
    private void afterPrepare() {
        if (!ahead) {
            pendingMessages = sum(eng.msgC);
            walks += sum(eng.walkC);
            ahead = true;
            operatorPending = net != null;
        }
        operatorStep();
    }

    /** The operator's step on the local step held ahead, if not taken yet; then its targets for the next local step. */
    private void operatorStep() {
        if (operatorPending) {
            netPrimal = net.step(eng.injNext, rho);
            for (int n = 0; n < nAgents; n++) {
                eng.w[n] = net.target(n, rho);
            }
            operatorPending = false;
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }

    private void runParallel(int threads, long first, long last, ProgressListener listener, String methodName, long start) {
        int[] ac = split(agentChunkWeights(), threads);
        // A local step held ahead from the last run goes straight to the sweep: its operator step first.
        if (ahead) {
            operatorStep();
        }
        long[] next = {first};
        boolean[] stop = {false};
        CyclicBarrier afterLocal = new CyclicBarrier(threads, this::afterPrepare);
        CyclicBarrier afterSweep = new CyclicBarrier(threads, () -> {
            long it = next[0];
            iteration = it;
            stop[0] = afterIteration(it, last, listener, methodName, start);
            if (!stop[0] && ahead) {
                operatorStep();
            }
            next[0] = it + 1;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        onThreads(threads, failure, id -> work(id, ac, next, stop, afterLocal, afterSweep, failure));
    }

    // The barriers publish ahead, next[0], stop[0], the operator's targets and the swapped
    // buffers: writes in a barrier action happen-before the return of await() in every party.
    private void work(int id, int[] ac, long[] next, boolean[] stop, CyclicBarrier afterLocal, CyclicBarrier afterSweep,
                      AtomicReference<Throwable> failure) {
        try {
            while (true) {
                long it = next[0];
                if (!ahead) {
                    eng.localOnly(ac[id], ac[id + 1], rho, cur, it);
                    afterLocal.await();
                }
                eng.sweep(ac[id], ac[id + 1], rho, opt.alpha(), relative, cur ^ 1, it + 1);
                afterSweep.await();
                if (stop[0]) {
                    return;
                }
            }
        } catch (BrokenBarrierException | InterruptedException | RuntimeException | Error e) {
            fail(e, failure, afterLocal, afterSweep);
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

    /** Contiguous ranges of chunks for each thread, of about equal weight. */
    private int[] split(long[] weights, int threads) {
        int nc = weights.length;
        long total = 0;
        for (int c = 0; c < nc; c++) {
            total += weights[c];
        }
        int[] out = new int[threads + 1];
        long acc = 0;
        int th = 1;
        for (int c = 0; c < nc && th < threads; c++) {
            acc += weights[c];
            while (th < threads && acc * threads >= total * th) {
                out[th++] = c + 1;
            }
        }
        while (th <= threads) {
            out[th++] = nc;
        }
        return out;
    }

    private long[] agentChunkWeights() {
        int[] arcStart = ix.arcStart();
        long[] w = new long[agentChunk.length - 1];
        for (int c = 0; c < w.length; c++) {
            int a0 = agentChunk[c];
            int a1 = agentChunk[c + 1];
            w[c] = (a1 - a0) + (arcStart[a1] - arcStart[a0]);
        }
        return w;
    }

    /**
     * After a sweep (single-threaded): the iteration whose price step it did is complete; the
     * local step of the next one is held ahead, its operator step pending.
     */
    private void completeIteration() {
        double r = 0.0;
        double tt = 0.0;
        double ll = 0.0;
        double lm = 0.0;
        double ds = 0.0;
        for (int c = 0; c < eng.rC.length; c++) {
            r += eng.rC[c];
            tt += eng.ttC[c];
            ll += eng.llC[c];
            lm = Math.max(lm, eng.lmaxC[c]);
            ds += eng.dsC[c];
        }
        if (net != null) {
            r += netPrimal;
            for (double v : eng.inj) {
                tt += v * v;
            }
            ll += net.priceNorm2();
        }
        primal = r;
        dual = ds;
        tNorm2 = tt;
        lamNorm2 = ll;
        lamMax = lm;
        walks += sum(eng.walkC);
        messages += pendingMessages;
        pendingMessages = sum(eng.msgC);
        cur ^= 1;
        ahead = true;
        operatorPending = net != null;
    }

    private boolean afterIteration(long it, long last, ProgressListener listener, String methodName, long start) {
        completeIteration();
        if (net != null && !net.feasible()) {
            converged = false;
            return true;
        }
        dispersion = Double.NaN;
        if (history != null) {
            history.add(historyOffset + it, primal, dual);
        }
        converged = stoppingRuleHolds();
        if (listener != ProgressListener.NONE && (it % opt.progressInterval() == 0 || converged || it == last)) {
            listener.onProgress(new Progress(methodName, it, primal, dual, rho, (System.nanoTime() - start) * 1e-9,
                    iterationsLeft(it)));
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

    /**
     * How far the residuals are from the stopping rule: the largest ratio of a residual test's
     * value to its threshold, so the rule's residual tests hold at 1 or less (the relative rule's
     * price dispersion, computed only once the other tests hold, is left out).
     */
    private double ruleDistance() {
        double eps = opt.eps();
        if (opt.stopping() == AdmmOptions.Stopping.PAPER) {
            return Math.max(primal, dual) / eps;
        }
        double m = Math.max(1, nArcs);
        return Math.max(Math.sqrt(primal / m) / (eps * (1.0 + Math.sqrt(tNorm2 / m))),
                rho * Math.sqrt(dual / m) / (eps * (1.0 + Math.sqrt(lamNorm2 / m))));
    }

    /**
     * Iterations left ({@link DecayEstimate} on {@link #ruleDistance}); once the residual tests
     * hold with the rule still open (the relative rule's price dispersion), unknown: the
     * residuals say nothing more of what is left.
     */
    private double iterationsLeft(long it) {
        double q = ruleDistance();
        double left = remaining.iterationsLeft(it, q);
        return q <= 1.0 && !converged ? Double.NaN : left;
    }

    private boolean stoppingRuleHolds() {
        double eps = opt.eps();
        if (opt.stopping() == AdmmOptions.Stopping.PAPER) {
            if (!(primal <= eps && dual <= eps)) {
                return false;
            }
            if (!opt.isAsync()) {
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
    // unscaled, so only the targets move, and the local step held ahead (taken at the old rho)
    // is taken again.
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
            eng.rescale(rho / old);
            ahead = false;
            operatorPending = false;
            pendingMessages = 0;
            if (net != null) {
                for (int n = 0; n < nAgents; n++) {
                    eng.w[n] = net.target(n, rho);
                }
            }
        }
    }

    /**
     * The largest distance of a bilateral price from what the agent's own price allows:
     * {@code |mu_n − (lambda_k − sign(t_k)·gamma_k)|} on a trading arc, the distance of
     * {@code mu_n} to {@code [lambda_k − gamma_k, lambda_k + gamma_k]} on an idle one.
     *
     * @return the largest distance over the arcs, currency per unit of power for one period, at the last completed iteration
     */
    public double computeDispersion() {
        return eng.dispersion(nAgents, eng.mu[cur]);
    }

    /** {@return the market's index this engine runs on (the stacked periods' over a horizon)} */
    public MarketIndex index() {
        return ix;
    }

    /** Starts the operator from given injections and network prices per agent (after {@link #warmStart}). */
    void warmStartNetwork(double[] injections, double[] prices) {
        if (net != null) {
            net.warmStart(injections, prices);
            eng.setInjections(injections);
            for (int n = 0; n < nAgents; n++) {
                eng.w[n] = net.target(n, rho);
            }
        }
    }

    /** False when the operator found its limits infeasible (network-aware only). */
    boolean networkFeasible() {
        return net == null || net.feasible();
    }

    /** {@return the iterations taken since the last cold or warm start, over all runs} */
    public long iterations() {
        return iteration;
    }

    /**
     * {@return r = Σ over directed arcs of (t_nm + t_mn)² at the last iteration (with the operator, plus
     * Σ_n (P_n − x_n)²), power unit squared; NaN before the first iteration}
     */
    public double primalResidual() {
        return primal;
    }

    /**
     * {@return s = Σ over directed arcs of (t_nm^{k+1} − t_nm^k)² at the last iteration (with the operator, plus
     * Σ_n (P_n^{k+1} − P_n^k)²), power unit squared; NaN before the first iteration}
     */
    public double dualResidual() {
        return dual;
    }

    /**
     * {@return the price dispersion at the end of the last run (see {@link #computeDispersion()}), currency per
     * unit energy}
     */
    public double dispersion() {
        return dispersion;
    }

    /** {@return the trade messages sent so far: one per directed arc of each agent at each local step it takes} */
    public long messages() {
        return messages;
    }

    /**
     * {@return the local QPs over a horizon that ended without a KKT point, over the engine's life; 0 off a
     * horizon}
     */
    public long localFailures() {
        return sum(eng.qpFailC);
    }

    /** Agent n's local QP over the horizon's periods (null when its periods are not linked, or not a horizon). */
    HorizonLocalQp group(int n) {
        return eng.group(n);
    }

    /** The price buffer of the last completed iteration (that of {@link #agentPrices()}). */
    int currentBuffer() {
        return cur;
    }

    /**
     * Local steps that walked the breakpoints (Newton kept leaving its piece, or the agent is in
     * the operator's consensus), or over a horizon solved an agent's local QP.
     *
     * @return how many, since the last cold or warm start
     */
    public long walks() {
        return walks;
    }

    /** {@return {@code true} when the stopping rule held at the end of the last {@link #run}} */
    public boolean converged() {
        return converged;
    }

    /** {@return {@code true} when the last {@link #run} was ended by its time limit} */
    public boolean timedOut() {
        return timedOut;
    }

    /** {@return the penalty now (it changes with residual balancing); see {@link AdmmOptions} for its unit} */
    public double rho() {
        return rho;
    }

    /**
     * {@return the agents' trades t_k of the last local step per directed arc in index order, power unit
     * ({@code > 0}: the arc's from-agent sells); a copy}
     */
    public double[] trades() {
        double[] out = new double[nArcs];
        for (int q = 0; q < nArcs; q++) {
            out[arcOf[q]] = eng.trade[q];
        }
        return out;
    }

    /** {@return the bilateral prices lambda per directed arc in index order, currency per unit of power for one period; a copy} */
    public double[] tradePrices() {
        double[] out = new double[nArcs];
        for (int q = 0; q < nArcs; q++) {
            out[arcOf[q]] = eng.lambda(q);
        }
        return out;
    }

    /**
     * {@return the agent prices mu_n of the last local step, currency per unit of power for one period (NaN for an agent with
     * neither assets nor arcs); a copy}
     */
    public double[] agentPrices() {
        double[] out = Arrays.copyOf(eng.mu[cur], nAgents);
        for (int n = 0; n < nAgents; n++) {
            if (local.isIdle(n)) {
                out[n] = Double.NaN;
            }
        }
        return out;
    }

    /**
     * {@return the asset set-points of the last local step in index order, power unit ({@code > 0} injects); zeros
     * before the first iteration; a copy}
     */
    public double[] assetPower() {
        if (iteration > 0) {
            for (int n = 0; n < nAgents; n++) {
                if (!local.isIdle(n)) {
                    eng.dispatch(n, cur, p);
                }
            }
        }
        return p.clone();
    }
}
