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
 * {@link AdmmClearBenchmark} on the LP variant (every a = 0): ADMM against OR-Tools GLOP. Capped
 * at 1,000 peers by default: GLOP's warm-up clear alone exceeded 5 minutes at 10,000 peers on
 * 2 shared cores; pass {@code -p peers=10000} to time it there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class AdmmLpClearBenchmark {
    @Param({"100", "1000"})
    public int peers;

    @Param({"admm-lp", "glop"})
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
