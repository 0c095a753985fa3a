package org.peerclear.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small fixtures of the sweep tests: the example three-house case and sweep files written beside it. */
final class SweepFiles {
    /** The three-house community on the embedded case33bw feeder, as examples/sweeps has it. */
    static final Path THREE_HOUSES = Path.of("..", "examples", "sweeps", "three-houses.json").toAbsolutePath().normalize();

    private SweepFiles() {
    }

    /** Copies the three-house case into {@code dir} and writes a sweep file over it; single quotes become double. */
    static Path sweep(Path dir, String json) {
        try {
            Files.copy(THREE_HOUSES, dir.resolve("three-houses.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path file = dir.resolve("sweep.json");
            Files.writeString(file, json.replace('\'', '"'));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
