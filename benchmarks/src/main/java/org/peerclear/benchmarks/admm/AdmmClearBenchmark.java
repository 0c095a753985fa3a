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
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmClearing;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.centralised.LpClearing;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.model.Market;
import org.peerclear.opt.SolverParameters;
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

    private Market market;
    private ClearingOptions options;
    private ClearingResult last;

    @Setup(Level.Trial)
    public void setup() {
        boolean lp = method.equals("glop") || method.equals("admm-lp");
        market = lp ? BenchMarkets.linear(peers) : BenchMarkets.quadratic(peers);
        options = options(method);
    }

    static ClearingOptions options(String method) {
        AdmmOptions admm = AdmmOptions.DEFAULT.withRho(BenchMarkets.RHO).withEps(BenchMarkets.EPS)
                .withStopping(AdmmOptions.Stopping.RELATIVE);
        SolverParameters matched = SolverParameters.DEFAULT.withFeasibilityTolerance(BenchMarkets.EPS)
                .withOptimalityTolerance(BenchMarkets.EPS);
        return switch (method) {
            case "admm", "admm-lp" -> ClearingOptions.DEFAULT.withMethodOptions(admm);
            case "pdlp" -> ClearingOptions.DEFAULT.withSolver("ortools-pdlp").withSolverParameters(matched);
            case "glop" -> ClearingOptions.DEFAULT.withSolver("ortools-glop");
            default -> throw new IllegalArgumentException("Invalid value for parameter method: " + method);
        };
    }

    static ClearingResult clear(String method, Market market, ClearingOptions options) {
        return switch (method) {
            case "admm", "admm-lp" -> new AdmmClearing().clear(market, options);
            case "pdlp" -> new QpClearing().clear(market, options);
            case "glop" -> new LpClearing().clear(market, options);
            default -> throw new IllegalArgumentException("Invalid value for parameter method: " + method);
        };
    }

    @Benchmark
    public ClearingResult clear() {
        last = clear(method, market, options);
        return last;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.err.printf("%n[%s %d peers] %s, %d iterations, welfare %.6f, %.3f s%n", method, peers, last.status(),
                last.iterations(), last.welfare(), last.seconds());
    }
}
