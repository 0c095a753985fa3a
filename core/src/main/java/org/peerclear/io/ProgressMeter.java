package org.peerclear.io;

import java.nio.file.Path;

/**
 * Counts what has been read or written of one file and reports it to a listener each time
 * another 1/50 of the total is done (and once at the end), so the count costs one comparison.
 */
final class ProgressMeter {
    private static final int STEPS = 50;

    private final FileProgressListener listener;
    private final FileProgress.Action action;
    private final Path file;
    private final long total;
    private final FileProgress.Unit unit;
    private final long start = System.nanoTime();
    private long done;
    private long next;

    ProgressMeter(FileProgressListener listener, FileProgress.Action action, Path file, long total, FileProgress.Unit unit) {
        this.listener = listener;
        this.action = action;
        this.file = file;
        this.total = total;
        this.unit = unit;
        this.next = step();
    }

    private long step() {
        return Math.max(1, total / STEPS);
    }

    /** {@code n} more units done. */
    void add(long n) {
        done += n;
        if (done >= next && done < total) {
            next = done + step();
            report(done);
        }
    }

    /** The file is complete. */
    void finish() {
        report(total);
    }

    private void report(long at) {
        listener.onProgress(new FileProgress(action, file, at, total, unit, (System.nanoTime() - start) / 1e9));
    }
}
