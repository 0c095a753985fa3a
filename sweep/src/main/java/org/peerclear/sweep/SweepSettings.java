package org.peerclear.sweep;

import java.nio.file.Path;

/**
 * How an engine runs a sweep.
 *
 * @param threads    scenarios run at once by an engine on this machine ({@code local}), {@code >= 1}
 * @param master     the cluster's URL for engines that need one (e.g. {@code local[2]}, {@code spark://host:7077}); null for the engine's default
 * @param resultsDir where to write each scenario's result file {@code ID.json}; null for none
 */
public record SweepSettings(int threads, String master, Path resultsDir) {
    /**
     * Checks the thread count.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public SweepSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: need at least 1, got " + threads);
        }
    }

    /** {@return one thread per available processor, no master, no result files} */
    public static SweepSettings defaults() {
        return new SweepSettings(Runtime.getRuntime().availableProcessors(), null, null);
    }

    /**
     * These settings with another thread count.
     *
     * @param n threads, {@code >= 1}
     * @return new settings
     */
    public SweepSettings withThreads(int n) {
        return new SweepSettings(n, master, resultsDir);
    }

    /**
     * These settings with a master URL.
     *
     * @param url the cluster's URL, or null for the engine's default
     * @return new settings
     */
    public SweepSettings withMaster(String url) {
        return new SweepSettings(threads, url, resultsDir);
    }

    /**
     * These settings writing per-scenario result files.
     *
     * @param dir the folder for {@code ID.json}, or null for none
     * @return new settings
     */
    public SweepSettings withResultsDir(Path dir) {
        return new SweepSettings(threads, master, dir);
    }
}
