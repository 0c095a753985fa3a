package org.peerclear.sweep;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import org.peerclear.io.AtomicFiles;

/**
 * One scenario of a sweep: its id, its whole market case (the base case with the scenario's
 * changes applied) and what to run. The case travels as JSON text, so a scenario is
 * self-contained and goes to an executor as a string; for large cases it may instead name a file
 * that every executor can read ({@link #shared}). Paths inside the case (a MATPOWER feeder, a
 * profiles CSV) are absolute, so the case reads the same from anywhere that sees those paths.
 *
 * @param id       the scenario's id, unique in its sweep; also the name of its result file {@code ID.json}
 * @param caseJson the scenario's market case as JSON, or null when {@code casePath} is given
 * @param run      what to run on the case
 * @param casePath an absolute path to the scenario's case file, read by whoever runs it; null when
 *                 {@code caseJson} is given
 */
public record Scenario(String id, String caseJson, ScenarioRun run, String casePath) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks that exactly one of the case's text and path is given.
     *
     * @throws IllegalArgumentException if the id is blank, or both or neither of {@code caseJson} and {@code casePath} are given
     */
    public Scenario {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: missing");
        }
        Objects.requireNonNull(run, "run");
        if ((caseJson == null) == (casePath == null)) {
            throw new IllegalArgumentException("scenario " + id + ": give the case as JSON text or as a path, exactly one of them");
        }
    }

    /**
     * A scenario whose case travels as JSON text.
     *
     * @param id       the scenario's id
     * @param caseJson the scenario's market case as JSON
     * @param run      what to run on the case
     */
    public Scenario(String id, String caseJson, ScenarioRun run) {
        this(id, caseJson, run, null);
    }

    /**
     * This scenario with another run.
     *
     * @param other what to run instead
     * @return a new scenario with the same id and case
     */
    public Scenario withRun(ScenarioRun other) {
        return new Scenario(id, caseJson, other, casePath);
    }

    /**
     * This scenario with its case written to {@code dir/ID.json} and named by path instead of
     * carried as text: for large cases, when {@code dir} is a folder every executor reads (a shared
     * file system). A scenario that already names a path is returned as it is.
     *
     * @param dir a folder that whoever runs the scenario can read at the same absolute path
     * @return the scenario with {@code caseJson} null and {@code casePath} the written file's absolute path
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public Scenario shared(Path dir) {
        if (casePath != null) {
            return this;
        }
        Path file = dir.resolve(id + ".json").toAbsolutePath();
        AtomicFiles.writeString(file, caseJson);
        return new Scenario(id, null, run, file.toString());
    }
}
