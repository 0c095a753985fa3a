package org.peerclear.benchmarks.admm;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.peerclear.clearing.ProgressListener;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.admm.ConsensusAdmm;
import org.peerclear.index.MarketIndex;

/**
 * The cost of one synchronous ADMM iteration (local steps, price step, residual sums) on one
 * thread, per directed trade: 100,000 peers × 10 partners = 10^6 directed trades. The state
 * is advanced by a few hundred iterations first, so that the local steps do the work of a run
 * in progress rather than of the first, cold iterations.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AdmmIterationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class AdmmIterationBenchmark {
    static final int TRADES = 1_000_000;
    /** 2,000 peers × 10 partners: under 1 MB of per-trade state, which stays in a 2 MB L2 cache. */
    static final int SMALL_TRADES = 20_000;

    /** Iterations per invocation of {@link #twoThreads}. */
    static final int ROUNDS = 20;

    private ConsensusAdmm admm;
    private ConsensusAdmm admm2;
    private ConsensusAdmm small;

    @Setup
    public void setup() {
        MarketIndex ix = index(100_000, TRADES);
        admm = advanced(ix);
        small = advanced(index(2_000, SMALL_TRADES));
        // Never stops on its own (eps 1e-300): each run() does ROUNDS iterations on two threads,
        // plus one dispersion pass at the end (about 1/ROUNDS of a sweep's cost).
        admm2 = new ConsensusAdmm(ix, AdmmOptions.DEFAULT.withRho(BenchMarkets.RHO).withEps(1e-300)
                .withThreads(2).withMaxIterations(ROUNDS));
        for (int i = 0; i < 10; i++) {
            admm2.run(ProgressListener.NONE, "admm");
        }
    }

    private static MarketIndex index(int peers, int trades) {
        MarketIndex ix = MarketIndex.of(BenchMarkets.quadratic(peers));
        if (ix.numArcs() != trades) {
            throw new IllegalStateException("expected " + trades + " directed trades, got " + ix.numArcs());
        }
        return ix;
    }

    /** A synchronous run advanced by 200 iterations, so that its local steps do a run's work in progress. */
    private static ConsensusAdmm advanced(MarketIndex ix) {
        ConsensusAdmm a = new ConsensusAdmm(ix, AdmmOptions.DEFAULT.withRho(BenchMarkets.RHO));
        for (int i = 0; i < 200; i++) {
            a.iterate();
        }
        return a;
    }

    /** Time per directed trade per iteration on two threads (the calling thread and one worker). */
    @Benchmark
    @OperationsPerInvocation(TRADES * ROUNDS)
    public double twoThreads() {
        admm2.run(ProgressListener.NONE, "admm");
        return admm2.primalResidual();
    }

    /**
     * The same iteration on a market whose state stays in cache: the difference from
     * {@link #iteration} is what memory costs at 10^6 trades, the rest is computation.
     */
    @Benchmark
    @OperationsPerInvocation(SMALL_TRADES)
    public double iterationInCache() {
        small.iterate();
        return small.primalResidual();
    }

    /** Time per directed trade per iteration (JMH divides by the 10^6 trades). */
    @Benchmark
    @OperationsPerInvocation(TRADES)
    public double iteration() {
        admm.iterate();
        return admm.primalResidual();
    }
}
