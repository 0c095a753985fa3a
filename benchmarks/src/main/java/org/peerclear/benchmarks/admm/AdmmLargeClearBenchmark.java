package org.peerclear.benchmarks.admm;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.peerclear.result.ClearingResult;

/**
 * {@link AdmmClearBenchmark} at 100,000 peers × 10 partners (10^6 directed trades), ADMM only
 * by default: one warm-up and two measured clears keep it within the suite's budget. Pass
 * {@code -p method=pdlp} to time PDLP there as well (minutes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class AdmmLargeClearBenchmark {
    @Param({"100000"})
    public int peers;

    @Param({"admm"})
    public String method;

    private ClearRun run;

    @Setup(Level.Trial)
    public void setup() {
        run = new ClearRun(method, peers);
    }

    @Benchmark
    public ClearingResult clear() {
        return run.clear();
    }

    @TearDown(Level.Trial)
    public void report() {
        run.report();
    }
}
