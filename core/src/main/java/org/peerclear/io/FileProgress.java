package org.peerclear.io;

import java.nio.file.Path;

/**
 * How far reading or writing one file has got: {@code done} of {@code total} units (bytes when
 * reading a case, rows when writing a result), {@code seconds} since it started. A report with
 * {@code done == total} is the last one for that file.
 */
public record FileProgress(Action action, Path file, long done, long total, Unit unit, double seconds) {
    /** What is being done to the file. */
    public enum Action {
        /** A case being read. */
        READING,
        /** A result being written. */
        WRITING
    }

    /** What {@code done} and {@code total} count. */
    public enum Unit {
        /** Bytes of the file. */
        BYTES,
        /** Rows of a table. */
        ROWS
    }

    /** {@return the share done, in [0, 1] (1 for an empty file)} */
    public double fraction() {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    /** {@return seconds still to go at the pace so far, NaN before anything is done} */
    public double secondsLeft() {
        return done <= 0 ? Double.NaN : seconds * (total - done) / done;
    }
}
