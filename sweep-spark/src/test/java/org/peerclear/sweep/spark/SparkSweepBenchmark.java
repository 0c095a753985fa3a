package org.peerclear.sweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
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
import org.peerclear.sweep.Scenario;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.Sweep;
import org.peerclear.sweep.SweepProgress;
import org.peerclear.sweep.SweepSettings;
import org.peerclear.sweep.local.LocalEngine;

/**
 * Issue 16's sweep benchmark: one shot is one batch of scenarios, run by the local engine on 1 and
 * 2 threads and as a Spark job on {@code local[2]}; scenarios per second = batch / shot time, and
 * Spark's overhead per scenario = (spark − local on 2 threads) / batch. The Spark job runs on a
 * context started once per fork (its start-up is {@link SparkContextBenchmark}'s), so the
 * difference is what Spark adds per sweep and per scenario: scheduling, task serialisation (each
 * case travels as JSON text), result collection.
 *
 * <p>Batches: {@code small} is 64 generated "bipartite" markets of 100 agents (5 partners each,
 * seeds 1 to 64), one period, cleared with the defaults; {@code medium} is 8 generated
 * household days of 100 households and 24 periods (seeds 1 to 8), cleared over the horizon with
 * the defaults; {@code tiny}, the control, is 256 markets of 4 agents, each read, cleared and
 * certified in a millisecond or so, so that the difference between the engines is Spark's own
 * cost per scenario rather than the noise of solve times.
 *
 * <p>Lives in sweep-spark's test sources, not in benchmarks.jar: shading Spark there made that jar
 * 4.5 times larger (267 MB) with 37 overlapping-resource warnings. docs/sweep-spark.md has the
 * command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(2)
public class SparkSweepBenchmark {
    @Param({"tiny", "small", "medium"})
    public String batch;

    List<Scenario> scenarios;

    @Setup(Level.Trial)
    public void scenarios() {
        scenarios = batch(batch);
    }

    /** The scenarios of a batch, read from a sweep file as {@code ./peerclear sweep} reads them. */
    static List<Scenario> batch(String name) {
        String base = switch (name) {
            case "tiny" -> "{'generate': {'family': 'bipartite', 'peers': 4, 'partners': 1}}";
            case "small" -> "{'generate': {'family': 'bipartite', 'peers': 100, 'partners': 5}}";
            case "medium" -> "{'generate': {'family': 'household-day', 'households': 100, 'periods': 24}}";
            default -> throw new IllegalArgumentException("batch: tiny, small or medium, got " + name);
        };
        int n = switch (name) {
            case "tiny" -> 256;
            case "small" -> 64;
            default -> 8;
        };
        String seeds = IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        try {
            Path dir = Files.createTempDirectory("sweep-bench");
            Path file = dir.resolve("sweep.json");
            Files.writeString(file, ("{'base': " + base + ", 'grid': {'seed': [" + seeds + "]}}").replace('\'', '"'));
            List<Scenario> out = Sweep.read(file).scenarios();
            Files.delete(file);
            Files.delete(dir);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public List<ScenarioRow> local1() {
        return new LocalEngine().run(scenarios, SweepSettings.defaults().withThreads(1), SweepProgress.NONE);
    }

    @Benchmark
    public List<ScenarioRow> local2() {
        return new LocalEngine().run(scenarios, SweepSettings.defaults().withThreads(2), SweepProgress.NONE);
    }

    @Benchmark
    public List<ScenarioRow> sparkLocal2(SparkState spark) {
        return SparkSweepJob.run(spark.sc, scenarios, null, SweepProgress.NONE);
    }

    /** A context on {@code local[2]}, started once per fork and only for the Spark benchmark. */
    @State(Scope.Benchmark)
    public static class SparkState {
        JavaSparkContext sc;

        @Setup(Level.Trial)
        public void start() {
            sc = new JavaSparkContext(SparkEngine.configuration("local[2]"));
        }

        @TearDown(Level.Trial)
        public void stop() {
            sc.close();
        }
    }
}
