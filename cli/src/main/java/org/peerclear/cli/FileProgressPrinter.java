package org.peerclear.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.peerclear.io.FileProgress;
import org.peerclear.io.FileProgressListener;

/**
 * Prints how far reading or writing a file has got, for {@code --progress}: at most one line a
 * second while it lasts, and one when it is done, so a small file gets one line.
 */
final class FileProgressPrinter implements FileProgressListener {
    private final PrintWriter err;
    private final PrintThrottle throttle = new PrintThrottle();

    FileProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(FileProgress p) {
        boolean done = p.done() >= p.total();
        if (!throttle.due(p.seconds(), done)) {
            return;
        }
        String verb = p.action() == FileProgress.Action.READING ? (done ? "read" : "reading") : (done ? "wrote" : "writing");
        String amount = p.unit() == FileProgress.Unit.BYTES ? megabytes(p.done()) + " of " + megabytes(p.total())
                : String.format(Locale.ROOT, "%,d of %,d rows", p.done(), p.total());
        err.println(done
                ? String.format(Locale.ROOT, "%s %s (%s) in %.2f s", verb, p.file(),
                        p.unit() == FileProgress.Unit.BYTES ? megabytes(p.total()) : String.format(Locale.ROOT, "%,d rows", p.total()), p.seconds())
                : String.format(Locale.ROOT, "%s %s: %.0f%% (%s), %.1f s, about %.1f s left", verb, p.file(),
                        100 * p.fraction(), amount, p.seconds(), p.secondsLeft()));
        err.flush();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
