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
 * give the same numbers, bit for bit, with any thread count.
 */
final class Parallel {
    private Parallel() {
    }

    /**
     * Runs {@code task(0) .. task(count - 1)}, on the calling thread when {@code threads == 1}.
     *
     * @param count   the number of tasks
     * @param threads the number of threads, at least 1
     * @param task    the work of one task number
     * @throws RuntimeException the first task's exception (in task order), unwrapped when unchecked
     */
    static void run(int count, int threads, IntConsumer task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1 || count <= 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
            Thread th = new Thread(r, "peerclear-sharing");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Callable<Void>> work = new ArrayList<>(count);
            for (int t = 0; t < count; t++) {
                int number = t;
                work.add(() -> {
                    task.accept(number);
                    return null;
                });
            }
            List<Future<Void>> done = pool.invokeAll(work);
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing coalition values", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
