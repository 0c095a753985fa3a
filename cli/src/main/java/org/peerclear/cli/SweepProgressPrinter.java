package org.peerclear.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.peerclear.sweep.SweepProgress;

/**
 * Prints a sweep's progress: scenarios done of all, failed, time so far and an estimate of what
 * is left; at most one line a second while it lasts, and one when it is done.
 */
final class SweepProgressPrinter implements SweepProgress {
    private final PrintWriter err;
    private final PrintThrottle throttle = new PrintThrottle();

    SweepProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(Report r) {
        if (!throttle.due(r.seconds(), r.done() >= r.total())) {
            return;
        }
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
