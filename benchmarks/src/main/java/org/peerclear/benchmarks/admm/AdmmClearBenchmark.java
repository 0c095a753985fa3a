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
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/**
 * End-to-end clearing of generated markets ({@code peers} × 10 partners, seed 1), from the
 * {@link Market} to the {@link ClearingResult}, side by side:
 * <ul>
 *   <li>{@code admm}: consensus ADMM, relative rule at eps 1e-4, rho 0.01, one thread;</li>
 *   <li>{@code pdlp}: the centralised QP with OR-Tools PDLP at tolerances 1e-4;</li>
 *   <li>{@code admm-lp} and {@code glop}: the same market with every a = 0 (an LP), ADMM as
 *       above and OR-Tools GLOP (simplex, exact).</li>
 * </ul>
 * Single-shot times (each invocation a full clear). The status and iterations of the last run
 * are printed to stderr at the end of each trial. This class runs {@code admm} and
 * {@code pdlp}; the LP pair is {@link AdmmLpClearBenchmark} (GLOP takes minutes at 10,000
 * peers) and 100,000 peers is {@link AdmmLargeClearBenchmark}, so that the default suite stays
 * within 10 minutes.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AdmmClearBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class AdmmClearBenchmark {
    @Param({"100", "1000", "10000"})
    public int peers;

    @Param({"admm", "pdlp"})
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
