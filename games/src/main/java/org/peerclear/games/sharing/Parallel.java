package org.peerclear.games.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed number of threads. What a task computes must depend on its
 * number only (never on the thread or on the order tasks run in): that is how the sharing methods
 * give the same numbers, bit for bit, with any thread count. One instance keeps its threads for
 * several batches (sampled Shapley's rounds); close it when done.
 */
final class Parallel implements AutoCloseable {
    private final int threads;
    private ExecutorService pool;

    /**
     * A runner on {@code threads} threads, started at its first batch of more than one task.
     *
     * @param threads at least 1; 1 runs every task on the calling thread
     */
    Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Runs {@code task(0) .. task(count - 1)} on a runner of its own.
     *
     * @param count   the number of tasks
     * @param threads the number of threads, at least 1
     * @param task    the work of one task number
     * @throws RuntimeException the first task's exception (in task order), unwrapped when unchecked
     */
    static void run(int count, int threads, IntConsumer task) {
        try (Parallel p = new Parallel(threads)) {
            p.run(count, task);
        }
    }

    /**
     * Runs {@code task(0) .. task(count - 1)} and waits for them all.
     *
     * @param count the number of tasks
     * @param task  the work of one task number
     * @throws RuntimeException the first task's exception (in task order), unwrapped when unchecked
     */
    void run(int count, IntConsumer task) {
        if (threads == 1 || count <= 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "peerclear-sharing");
                th.setDaemon(true);
                return th;
            });
        }
        List<Callable<Void>> work = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            int number = t;
            work.add(() -> {
                task.accept(number);
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating coalitions", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops the threads, if any were started. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
