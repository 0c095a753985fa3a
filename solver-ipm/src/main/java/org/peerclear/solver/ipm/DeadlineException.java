package org.peerclear.solver.ipm;

/**
 * The time limit ran out inside one phase of the back-end (ordering, symbolic or numeric
 * factorisation). Unchecked and without a stack trace: it is control flow, caught by
 * {@link InteriorPoint#run} and {@link IpmBackend}, never seen by a caller.
 */
final class DeadlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The deadline value that means none (a {@link System#nanoTime()} value is compared by difference, so no number can serve). */
    static final long NONE = Long.MIN_VALUE;

    /** The phase that ran out, e.g. "ordering". */
    final String phase;

    DeadlineException(String phase, long done, long total) {
        super("the time limit ran out in the " + phase + " (" + done + " of " + total + " done)", null, false, false);
        this.phase = phase;
    }

    /** True once the clock has passed the deadline ({@link #NONE} never passes). */
    static boolean passed(long deadlineNanos) {
        return deadlineNanos != NONE && System.nanoTime() - deadlineNanos > 0;
    }

    /** Seconds left before the deadline, +∞ for {@link #NONE}. */
    static double secondsLeft(long deadlineNanos) {
        return deadlineNanos == NONE ? Double.POSITIVE_INFINITY : (deadlineNanos - System.nanoTime()) / 1e9;
    }
}
