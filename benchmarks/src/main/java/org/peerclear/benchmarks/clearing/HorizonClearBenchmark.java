package org.peerclear.benchmarks.clearing;

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
import org.peerclear.clearing.horizon.HorizonClearing;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;

/**
 * Time to a certified optimum over a horizon (issue 11's workloads), from the generated
 * household day ({@link HouseholdDayGenerator}, seed 1) to a certified {@link HorizonResult},
 * with the default solver. Markets: {@code HOUSEHOLDSxPERIODS:BATTERIES:EVS:PARTNERS}
 * ({@code all} for a complete graph), e.g. {@code 100x24:30:20:all} (issue 11: ≤ 0.5 s) and
 * {@code 1000x96:300:200:10} (≤ 10 s). Single shots with a 300 s limit; a shot that is not a
 * certified optimum is marked. {@code -p solver=NAME} names a back-end (e.g. {@code ipm},
 * {@code ortools-pdlp}), which then gets the whole problem; empty (the default) is the default
 * solver with its pair pricing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class HorizonClearBenchmark {
    @Param({"100x24:30:20:all"})
    public String market;

    @Param({""})
    public String solver;

    private Horizon horizon;
    private ClearingOptions options;
    private HorizonResult last;

    @Setup(Level.Trial)
    public void setup() {
        String[] size = market.split(":");
        String[] nt = size[0].split("x");
        int partners = size[3].equals("all") ? BipartiteMarketGenerator.ALL_PARTNERS : Integer.parseInt(size[3]);
        horizon = Horizons.of(HouseholdDayGenerator.generate(Integer.parseInt(nt[0]), Integer.parseInt(nt[1]),
                Integer.parseInt(size[1]), Integer.parseInt(size[2]), partners, 1L));
        options = ClearingOptions.DEFAULT.withTimeLimitSeconds(300);
        if (!solver.isEmpty()) {
            options = options.withSolver(solver);
        }
    }

    @Benchmark
    public HorizonResult clear() {
        last = new HorizonClearing().clear(horizon, options);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.err.printf("%n[%s]%s %s, solver %s, welfare %.9f, %.3f s%n", market,
                last.status() == org.peerclear.opt.Status.OPTIMAL ? "" : " NOT A CERTIFIED OPTIMUM:", last.status(),
                last.solver(), last.welfare(), last.seconds());
    }
}
