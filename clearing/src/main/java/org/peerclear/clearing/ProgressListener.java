package org.peerclear.clearing;

/**
 * Receives progress reports from iterative methods (ADMM, loss iterations). Called on the
 * method's thread; keep it cheap. The CLI's {@code --progress} prints them.
 */
@FunctionalInterface
public interface ProgressListener {
    /** The listener that ignores every report: the default, so that methods never test for null. */
    ProgressListener NONE = p -> { };

    /**
     * Receives one report. Nothing catches what it throws: an exception ends the clear.
     *
     * @param progress the report
     */
    void onProgress(Progress progress);
}
