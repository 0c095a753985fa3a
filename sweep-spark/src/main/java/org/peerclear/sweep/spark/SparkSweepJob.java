package org.peerclear.sweep.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.peerclear.sweep.Scenario;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.ScenarioRunner;
import org.peerclear.sweep.SweepProgress;
import scala.Tuple2;

/**
 * A sweep as one Spark job on a given SparkContext: the scenarios, each with its index, are split
 * into {@link #slices} partitions; each task runs its scenarios with {@link ScenarioRunner} (the
 * local engine's code, so the rows are the same), and the rows come back to the driver and are put
 * in the scenarios' order by index. A scenario travels as its case's JSON text, or as the path of a
 * case file that the executors read ({@link Scenario#shared}). A failing scenario is a row with its
 * error; the job fails only on what fails a JVM (out of memory) or a lost cluster.
 */
public final class SparkSweepJob {
    /**
     * Partitions per core of the context ({@code defaultParallelism}): several, so that a slow
     * scenario does not leave the other cores idle at the end and progress is reported often; not one
     * per scenario, so that a sweep of millions does not make millions of tasks.
     */
    static final int SLICES_PER_CORE = 4;

    private SparkSweepJob() {
    }

    /**
     * Runs the scenarios on the context.
     *
     * @param sc         a running context; not stopped here
     * @param scenarios  the scenarios, ids distinct
     * @param resultsDir a folder every executor writes each scenario's {@code ID.json} into (on a cluster, a shared
     *                   file system), or null for none
     * @param progress   told after each finished task, from Spark's listener thread, and once more at the end
     * @return one row per scenario, in the order of {@code scenarios}
     */
    public static List<ScenarioRow> run(JavaSparkContext sc, List<Scenario> scenarios, Path resultsDir, SweepProgress progress) {
        int n = scenarios.size();
        if (n == 0) {
            return List.of();
        }
        List<Tuple2<Integer, Scenario>> indexed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indexed.add(new Tuple2<>(i, scenarios.get(i)));
        }
        LongAccumulator done = sc.sc().longAccumulator("peerclear.sweep.done");
        LongAccumulator failed = sc.sc().longAccumulator("peerclear.sweep.failed");
        TaskProgress listener = new TaskProgress(n, done.id(), failed.id(), progress);
        sc.sc().addSparkListener(listener);
        List<Tuple2<Integer, ScenarioRow>> collected;
        try {
            sc.setJobDescription("PeerClear sweep of " + n + " scenarios");
            RunScenario task = new RunScenario(resultsDir == null ? null : resultsDir.toAbsolutePath().toString(), done, failed);
            collected = sc.parallelizePairs(indexed, slices(n, sc.defaultParallelism())).mapValues(task).collect();
        } finally {
            sc.sc().removeSparkListener(listener);
            sc.setJobDescription(null);
        }
        List<Tuple2<Integer, ScenarioRow>> sorted = new ArrayList<>(collected);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        List<ScenarioRow> rows = new ArrayList<>(n);
        for (Tuple2<Integer, ScenarioRow> t : sorted) {
            rows.add(t._2());
        }
        listener.finish(rows);
        return rows;
    }

    /**
     * The number of partitions for {@code n} scenarios.
     *
     * @param n           scenarios, {@code >= 1}
     * @param parallelism the context's default parallelism (its cores, or {@code spark.default.parallelism})
     * @return between 1 and {@code n}
     */
    static int slices(int n, int parallelism) {
        return (int) Math.max(1, Math.min(n, (long) Math.max(1, parallelism) * SLICES_PER_CORE));
    }

    /** What each task does with each scenario: the runner's row, counted for progress. */
    private static final class RunScenario implements Function<Scenario, ScenarioRow> {
        private static final long serialVersionUID = 1L;
        /** A String, not a Path: a Path is not serializable. */
        private final String resultsDir;
        private final LongAccumulator done;
        private final LongAccumulator failed;

        RunScenario(String resultsDir, LongAccumulator done, LongAccumulator failed) {
            this.resultsDir = resultsDir;
            this.done = done;
            this.failed = failed;
        }

        @Override
        public ScenarioRow call(Scenario s) {
            ScenarioRow row = ScenarioRunner.run(s, resultsDir == null ? null : Path.of(resultsDir));
            done.add(1);
            if (row.failed()) {
                failed.add(1);
            }
            return row;
        }
    }
}
