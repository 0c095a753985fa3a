package org.peerclear.io;

/**
 * Receives {@link FileProgress} reports from the readers and writers of this package: a few
 * dozen per file at most (each further 1/50 of it), and always one at the end. Called on the
 * reading or writing thread; keep it cheap.
 *
 * <p>A file is not an iteration, so this is not the clearing methods' {@code ProgressListener};
 * the CLI's {@code --progress} prints both.
 */
@FunctionalInterface
public interface FileProgressListener {
    /** Ignores every report: the default of the readers and writers. */
    FileProgressListener NONE = p -> { };

    /**
     * One report.
     *
     * @param progress how far the file has got; {@code done == total} in the last report for it
     */
    void onProgress(FileProgress progress);
}
