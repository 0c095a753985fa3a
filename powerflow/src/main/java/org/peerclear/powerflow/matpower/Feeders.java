package org.peerclear.powerflow.matpower;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.peerclear.powerflow.Feeder;

/**
 * Loads feeders: embedded MATPOWER cases by name (see {@link #EMBEDDED}) or MATPOWER {@code .m}
 * files by path.
 */
public final class Feeders {
    /** Names of the embedded cases. */
    public static final List<String> EMBEDDED = List.of("case33bw");

    private static final String RESOURCE_DIR = "/org/peerclear/powerflow/feeders/";

    private Feeders() {
    }

    /**
     * Loads an embedded case by name, or a MATPOWER file by path (relative paths resolve against
     * {@code baseDir}; {@code baseDir} may be null for the working directory).
     *
     * @param nameOrPath an embedded case name (checked first) or a path to a MATPOWER {@code .m} file
     * @param baseDir    the directory a relative path resolves against, typically the case file's; null for the working directory
     * @return the feeder, loads in kW (MATPOWER's MW × 1000)
     * @throws IllegalArgumentException if the name is neither embedded nor an existing file, or the
     *                                  file cannot be read or understood (the message names it)
     */
    public static Feeder load(String nameOrPath, Path baseDir) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("feeder name or path is empty");
        }
        if (EMBEDDED.contains(nameOrPath)) {
            return embedded(nameOrPath);
        }
        Path p = Path.of(nameOrPath);
        if (!p.isAbsolute() && baseDir != null) {
            p = baseDir.resolve(p);
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("unknown feeder '" + nameOrPath + "': not an embedded case " + EMBEDDED
                    + " and no such file " + p.toAbsolutePath());
        }
        try {
            return MatpowerParser.parse(p).toFeeder();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read MATPOWER file " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads an embedded case.
     *
     * @param name an embedded case name, without {@code .m}
     * @return the feeder
     * @throws IllegalArgumentException if there is no such embedded case
     */
    public static Feeder embedded(String name) {
        if (!EMBEDDED.contains(name)) {
            throw new IllegalArgumentException("no embedded feeder '" + name + "', available: " + EMBEDDED);
        }
        String res = RESOURCE_DIR + name + ".m";
        try (InputStream in = Feeders.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("embedded resource missing: " + res);
            }
            return MatpowerParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".m").toFeeder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
