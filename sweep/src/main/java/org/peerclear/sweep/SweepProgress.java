package org.peerclear.sweep;

/**
 * Told by an engine how far a sweep has got: after each scenario (or batch of them) that finishes.
 * Engines may call it from any thread, but never from two at once.
 */
@FunctionalInterface
public interface SweepProgress {
    /** A listener that ignores every report. */
    SweepProgress NONE = r -> { };

    /**
     * One report.
     *
     * @param report the scenarios done and failed so far, the time so far and an estimate of what is left
     */
    void onProgress(Report report);

    /**
     * How far a sweep has got.
     *
     * @param done        scenarios finished, failed ones included
     * @param total       scenarios in the sweep
     * @param failed      scenarios finished without a usable point ({@link ScenarioRow#failed()})
     * @param seconds     wall-clock time since the sweep started
     * @param secondsLeft the estimated time left: the mean time per finished scenario so far times those left,
     *                    divided as the engine runs them; NaN before the first one finishes
     */
    record Report(int done, int total, int failed, double seconds, double secondsLeft) {
        /**
         * A report whose estimate assumes the scenarios left take as long as those done (the elapsed time
         * already reflects how many run at once).
         *
         * @param done    scenarios finished
         * @param total   scenarios in the sweep
         * @param failed  scenarios that failed
         * @param seconds wall-clock time so far
         * @return the report
         */
        public static Report of(int done, int total, int failed, double seconds) {
            double left = done == 0 ? Double.NaN : seconds / done * (total - done);
            return new Report(done, total, failed, seconds, left);
        }
    }
}
