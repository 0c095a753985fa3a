package org.peerclear.benchmarks.clearing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;
import org.peerclear.result.ClearingResult;

/**
 * Time to a certified optimum of method {@code qp} (what {@code clear} runs by default) on the
 * markets of issue 10, with the default solver ({@code flow} without a network, the registry's
 * preferred back-end with one) and with OR-Tools PDLP at its default tolerance, in the same run.
 * Each shot is one clear from the market to a certified result; the certificate is checked
 * again, and the status and welfare reported to stderr, outside the timed region.
 *
 * <p>Markets: generated "bipartite" × 10 partners, seed 1 ({@code PEERSx10}), complete P2P
 * ({@code 1000xall}), and on a feeder ({@code PEERSx10@FEEDER}, vMin 0.90: case33bw sits at
 * 0.913 pu at its base loads; {@code PEERSx10@FEEDER/VMIN} sets another vMin, e.g. 0.95, where the
 * voltage rows bind). case1197 is read from {@code ../shared/reference/feeders}
 * (set {@code -Dpeerclear.feeders=DIR} to point elsewhere). Every run has a 300 s time limit:
 * a solver that does not finish reports {@code TIME_LIMIT}. The two largest markets are left out
 * of the default suite (PDLP alone would take 40 minutes there): pass them with {@code -p}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class ExactClearBenchmark {
    static final double TIME_LIMIT_SECONDS = 300;

    /** The suite's default; issue 10's table also needs {@code -p market=100000x10,10000x10@case1197}. */
    @Param({"10000x10", "1000xall", "200x10@case33bw", "2000x10@case33bw", "2000x10@case33bw/0.95"})
    public String market;

    @Param({"default", "ortools-pdlp"})
    public String solver;

    private Market m;
    private ClearingOptions options;
    private ClearingResult last;

    @Setup(Level.Trial)
    public void setup() {
        m = market(market);
        ClearingOptions o = ClearingOptions.DEFAULT.withTimeLimitSeconds(TIME_LIMIT_SECONDS);
        options = solver.equals("default") ? o : o.withSolver(solver);
    }

    static Market market(String spec) {
        String[] at = spec.split("@");
        String[] size = at[0].split("x");
        int peers = Integer.parseInt(size[0]);
        int partners = size[1].equals("all") ? BipartiteMarketGenerator.ALL_PARTNERS : Integer.parseInt(size[1]);
        if (at.length == 1) {
            return BipartiteMarketGenerator.generate(peers, partners, 1L, null, null);
        }
        String[] limit = at[1].split("/");
        String feeder = limit[0];
        double vMin = limit.length > 1 ? Double.parseDouble(limit[1]) : 0.90;
        Path file = null;
        Feeder f;
        if (feeder.equals("case33bw")) {
            f = Feeders.embedded(feeder);
        } else {
            Path dir = Path.of(System.getProperty("peerclear.feeders", "../shared/reference/feeders"));
            file = dir.resolve(feeder).resolve(feeder + ".m").toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Feeder file " + file + " not found (set -Dpeerclear.feeders=DIR)");
            }
            f = Feeders.load(file.toString(), null);
        }
        List<String> buses = new ArrayList<>(f.busIds());
        buses.remove(f.slackIndex());
        Market g = BipartiteMarketGenerator.generate(peers, partners, 1L, buses, feeder);
        NetworkSpec n = g.network().orElseThrow();
        return g.toBuilder().network(new NetworkSpec(file == null ? feeder : file.toString(), null, vMin, n.vMax(), n.ratings())).build();
    }

    @Benchmark
    public ClearingResult clear() {
        last = new QpClearing().clear(m, options);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        // A shot that is not a certified optimum is marked, so that its time is not read as one.
        System.err.printf("%n[%s, %s]%s %s, solver %s, welfare %.9f, %.3f s, %s%n", market, solver,
                last.status() == org.peerclear.opt.Status.OPTIMAL ? "" : " NOT A CERTIFIED OPTIMUM:", last.status(), last.solver(),
                last.welfare(), last.seconds(), last.hasSolution() ? last.verify() : last.message());
    }
}
