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
import org.peerclear.clearing.horizon.RollingHorizon;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;

/**
 * A rolling-horizon simulation end to end (issue 11: a year hourly, 100 households, 24 h window,
 * step 1 h ≤ 5 min, step 24 h ≤ 30 s), on generated days ({@link HouseholdDayGenerator}, seed 1,
 * batteries only: an EV connects once). Markets: {@code HOUSEHOLDSxDAYSxPERIODS:BATTERIES:PARTNERS}
 * ({@code all} for a complete graph); {@code run}: {@code WINDOW:STEP}, in periods; {@code warm}:
 * whether each window starts from the last one's trading pairs. Single shots; the simulated span
 * is the market's days less one window (the last window needs its look-ahead).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class SimulateBenchmark {
    @Param({"100x8x24:30:10"})
    public String market;
    @Param({"24:24"})
    public String run;
    @Param({"true"})
    public boolean warm;

    private Horizon horizon;
    private int window;
    private int step;
    private RollingHorizon.Simulation last;

    @Setup(Level.Trial)
    public void setup() {
        String[] size = market.split(":");
        String[] ndt = size[0].split("x");
        int partners = size[2].equals("all") ? BipartiteMarketGenerator.ALL_PARTNERS : Integer.parseInt(size[2]);
        horizon = Horizons.of(HouseholdDayGenerator.generate(Integer.parseInt(ndt[0]), Integer.parseInt(ndt[1]),
                Integer.parseInt(ndt[2]), Integer.parseInt(size[1]), 0, partners, 1L));
        String[] ws = run.split(":");
        window = Integer.parseInt(ws[0]);
        step = Integer.parseInt(ws[1]);
    }

    @Benchmark
    public RollingHorizon.Simulation simulate() {
        last = new RollingHorizon(ClearingOptions.DEFAULT, warm).run(horizon, window, step, 0, horizon.length() - window);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        long notOptimal = last.windows().stream().filter(w -> w.status() != org.peerclear.opt.Status.OPTIMAL).count();
        System.err.printf("%n[%s %s warm=%s] %d windows (%d not certified optimal), cost %.6f, %.3f s, %.1f ms per window%n",
                market, run, warm, last.windows().size(), notOptimal, last.cost(), last.seconds(),
                1e3 * last.seconds() / last.windows().size());
    }
}
