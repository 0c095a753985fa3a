package org.peerclear.clearing;

/**
 * Receives progress reports from iterative methods (ADMM, loss iterations). Called on the
 * method's thread; keep it cheap. The CLI's {@code --progress} prints them.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
