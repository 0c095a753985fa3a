package org.peerclear.sweep.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.peerclear.sweep.Scenario;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.ScenarioRunner;
import org.peerclear.sweep.SweepEngine;
import org.peerclear.sweep.SweepProgress;
import org.peerclear.sweep.SweepSettings;

/**
 * The engine {@code local}: a fixed pool of {@code settings.threads()} threads on this machine, one scenario per
 * task. Rows come back in the scenarios' order whatever the order they finish in; progress is reported after each
 * scenario, from the calling thread. A failing scenario is its row ({@link ScenarioRunner}); an {@link Error} of
 * the JVM in a scenario (out of memory above all) stops the sweep: the scenarios not started are cancelled, the
 * pool is shut down (running ones interrupted) and the error is thrown on, since a row for it would depend on what
 * else ran at the time and the next scenarios would likely fail the same way.
 */
public final class LocalEngine implements SweepEngine {
    /** The engine's name, as {@code --engine} takes it. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a pool of threads on this machine (--threads, default: one per processor)";
    }

    @Override
    public List<ScenarioRow> run(List<Scenario> scenarios, SweepSettings settings, SweepProgress progress) {
        long start = System.nanoTime();
        int n = scenarios.size();
        ScenarioRow[] rows = new ScenarioRow[n];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), n)), threads());
        try {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            List<Future<Integer>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                tasks.add(done.submit(() -> {
                    rows[k] = ScenarioRunner.run(scenarios.get(k), settings.resultsDir());
                    return k;
                }));
            }
            int failed = 0;
            for (int finished = 1; finished <= n; finished++) {
                int k = next(done, tasks);
                failed += rows[k].failed() ? 1 : 0;
                progress.onProgress(SweepProgress.Report.of(finished, n, failed, (System.nanoTime() - start) * 1e-9));
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(rows);
    }

    /** The index of the next scenario to finish; an Error in it cancels the rest and is thrown on. */
    private static int next(ExecutorCompletionService<Integer> done, List<Future<Integer>> tasks) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tasks.forEach(t -> t.cancel(false));
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            tasks.forEach(t -> t.cancel(false));
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            // ScenarioRunner turns every exception into a row: anything else here is a bug.
            throw new IllegalStateException("a scenario failed outside its row", e.getCause());
        }
    }

    /** Daemon threads, named for thread dumps. */
    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sweep-local-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
