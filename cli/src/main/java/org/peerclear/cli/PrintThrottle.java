package org.peerclear.cli;

/** Whether a progress line is due: at most one a second while a task lasts, and always the last one. */
final class PrintThrottle {
    private static final double EVERY_SECONDS = 1.0;

    private double lastPrinted;

    /**
     * @param seconds the task's time so far
     * @param done    whether this is the task's last report
     * @return {@code true} when the report should be printed (and is counted as printed)
     */
    boolean due(double seconds, boolean done) {
        if (!done && seconds - lastPrinted < EVERY_SECONDS) {
            return false;
        }
        lastPrinted = seconds;
        return true;
    }
}
