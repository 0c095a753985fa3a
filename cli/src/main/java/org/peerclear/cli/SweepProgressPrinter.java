package org.peerclear.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.peerclear.sweep.SweepProgress;

/**
 * Prints a sweep's progress: scenarios done of all, failed, time so far and an estimate of what
 * is left; at most one line a second while it lasts, and one when it is done.
 */
final class SweepProgressPrinter implements SweepProgress {
    private static final double EVERY_SECONDS = 1.0;

    private final PrintWriter err;
    private double lastPrinted = Double.NEGATIVE_INFINITY;

    SweepProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(Report r) {
        boolean done = r.done() >= r.total();
        if (!done && r.seconds() - lastPrinted < EVERY_SECONDS) {
            return;
        }
        lastPrinted = r.seconds();
        err.println(line(r));
        err.flush();
    }

    static String line(Report r) {
        String left = r.done() >= r.total() ? "done"
                : Double.isNaN(r.secondsLeft()) ? "remaining unknown" : String.format(Locale.ROOT, "about %.1f s left", r.secondsLeft());
        return String.format(Locale.ROOT, "sweep: %d of %d scenarios, %d failed, %.1f s, %s", r.done(), r.total(), r.failed(),
                r.seconds(), left);
    }
}
