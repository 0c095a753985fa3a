package org.peerclear.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.peerclear.clearing.Progress;
import org.peerclear.clearing.ProgressListener;

/**
 * Prints an iterative method's reports for {@code --progress}: iteration, residuals, penalty,
 * time, and what is left when the method estimates it ("remaining unknown" when it cannot,
 * e.g. while its residuals are not decaying).
 */
final class IterationProgressPrinter implements ProgressListener {
    private final PrintWriter err;

    IterationProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(Progress p) {
        err.println(line(p));
        err.flush();
    }

    static String line(Progress p) {
        String left = p.hasEstimate()
                ? String.format(Locale.ROOT, "about %.0f iterations (%.1f s) left", p.iterationsLeft(), p.secondsLeft())
                : "remaining unknown";
        // Methods without a dual residual or a penalty (the exact solver's rounds) leave them NaN.
        String s = Double.isNaN(p.dualResidual()) ? "" : String.format(Locale.ROOT, ", s = %.3e", p.dualResidual());
        String rho = Double.isNaN(p.rho()) ? "" : String.format(Locale.ROOT, ", rho = %.4g", p.rho());
        return String.format(Locale.ROOT, "%s iteration %d: r = %.3e%s%s, %.2f s, %s",
                p.method(), p.iteration(), p.primalResidual(), s, rho, p.seconds(), left);
    }
}
