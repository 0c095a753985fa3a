package org.peerclear.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed sweep file (docs/sweep.md): a base case, what to run on it, and the scenarios, listed
 * ({@code scenarios[]}) or as a grid of values ({@code grid}). Reading it builds every scenario's case
 * (the base with the scenario's changes), so that every problem of the file shows when it is read,
 * named by its field; problems of a scenario's values that only the case reader sees (a scale that
 * makes {@code pMin > pMax}) fail that scenario when it runs.
 */
public final class Sweep {
    /** The {@code format} a sweep file may declare. */
    public static final String FORMAT = "peerclear-sweep";
    private static final List<String> TOP = List.of("format", "version", "base", "run", "scenarios", "grid");
    private static final List<String> RUN = List.of("kind", "method", "options", "window", "step");
    /** What an id may not hold: it names a file. */
    private static final Pattern BAD_ID = Pattern.compile("[/\\\\\\p{Cntrl}]|^\\.{1,2}$");

    private final Path file;
    private final ScenarioRun run;
    private final List<Scenario> scenarios;

    private Sweep(Path file, ScenarioRun run, List<Scenario> scenarios) {
        this.file = file;
        this.run = run;
        this.scenarios = List.copyOf(scenarios);
    }

    /**
     * Reads a sweep file; its {@code base} path resolves against the file's folder.
     *
     * @param sweepJson the sweep file
     * @return the sweep, every scenario built
     * @throws InvalidSweepException naming the field for anything wrong in the file or its base case
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public static Sweep read(Path sweepJson) {
        ObjectNode top = SweepJson.readObject(sweepJson, sweepJson.toString());
        SweepJson.onlyKeys(top, "", TOP);
        if (top.has("format") && !FORMAT.equals(top.get("format").asText())) {
            throw new InvalidSweepException("format", "must be \"" + FORMAT + "\" when given, got " + top.get("format"));
        }
        if (top.has("version") && SweepJson.integer(top.get("version"), "version") != 1) {
            throw new InvalidSweepException("version", "must be 1 when given, got " + top.get("version"));
        }
        if (!top.has("base")) {
            throw new InvalidSweepException("base", "missing: the base case's path (relative to the sweep file) or {\"generate\": {...}}");
        }
        BaseCase base = BaseCase.of(top.get("base"), sweepJson.toAbsolutePath().getParent());
        ScenarioRun run = run(top.get("run"));
        List<ScenarioChanges> specs = specs(top);
        List<Scenario> out = new ArrayList<>(specs.size());
        for (ScenarioChanges spec : specs) {
            Long seed = spec.seed();
            if (seed != null && !base.seeded()) {
                throw new InvalidSweepException(spec.seedField(), "the base case is a file, which a seed does not change;"
                        + " a seed applies to a generated base (\"base\": {\"generate\": {...}})");
            }
            ObjectNode kase = base.tree(seed);
            ScenarioRun r = spec.apply(kase, run);
            out.add(new Scenario(spec.id(), SweepJson.text(kase), r));
        }
        return new Sweep(sweepJson, run, out);
    }

    /** {@return the sweep file} */
    public Path file() {
        return file;
    }

    /** {@return what every scenario runs unless it names its own method} */
    public ScenarioRun run() {
        return run;
    }

    /** {@return the scenarios in the file's order (a grid's: the last key varying fastest); ids distinct} */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    private static List<ScenarioChanges> specs(ObjectNode top) {
        boolean listed = top.has("scenarios");
        if (listed == top.has("grid")) {
            throw new InvalidSweepException(listed ? "grid" : "scenarios", listed ? "give scenarios or grid, not both"
                    : "missing: list the scenarios (\"scenarios\": [...]) or give a grid of values (\"grid\": {...})");
        }
        List<ScenarioChanges> specs = new ArrayList<>();
        if (listed) {
            JsonNode list = top.get("scenarios");
            if (!list.isArray() || list.isEmpty()) {
                throw new InvalidSweepException("scenarios", "must be a non-empty list, got " + SweepJson.describe(list));
            }
            for (int i = 0; i < list.size(); i++) {
                specs.add(ScenarioChanges.explicit(list.get(i), i));
            }
        } else {
            specs.addAll(GridExpansion.expand(SweepJson.object(top.get("grid"), "grid")));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            String id = specs.get(i).id();
            String field = listed ? "scenarios[" + i + "].id" : "grid";
            if (BAD_ID.matcher(id).find()) {
                throw new InvalidSweepException(field, "id '" + id + "' names a file: no '/', '\\', control characters, '.' or '..'");
            }
            Integer before = seen.putIfAbsent(id, i);
            if (before != null) {
                throw new InvalidSweepException(field, "scenario id '" + id + "' is also the id of scenario " + before
                        + " (ids must differ" + (listed ? "" : ": a value is listed twice") + ")");
            }
        }
        return specs;
    }

    private static ScenarioRun run(JsonNode node) {
        if (node == null) {
            return ScenarioRun.DEFAULT;
        }
        ObjectNode o = SweepJson.object(node, "run");
        SweepJson.onlyKeys(o, "run.", RUN);
        ScenarioRun.Kind kind = ScenarioRun.Kind.CLEAR;
        if (o.has("kind")) {
            String k = SweepJson.text(o.get("kind"), "run.kind");
            kind = switch (k) {
                case "clear" -> ScenarioRun.Kind.CLEAR;
                case "simulate" -> ScenarioRun.Kind.SIMULATE;
                default -> throw new InvalidSweepException("run.kind", "must be clear or simulate, got '" + k + "'");
            };
        }
        String method = o.has("method") ? SweepJson.text(o.get("method"), "run.method")
                : kind == ScenarioRun.Kind.CLEAR ? "auto" : "qp";
        Map<String, String> options = new LinkedHashMap<>();
        if (o.has("options")) {
            ObjectNode block = SweepJson.object(o.get("options"), "run.options");
            for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                options.put(e.getKey(), SweepJson.optionText(e.getValue(), "run.options." + e.getKey()));
            }
        }
        int window = o.has("window") ? window(o.get("window"), "run.window") : ScenarioRun.DEFAULT_WINDOW;
        int step = o.has("step") ? window(o.get("step"), "run.step") : window;
        if (step > window) {
            throw new InvalidSweepException("run.step", "must be at most the window, " + window + "; got " + step);
        }
        ScenarioRun run = new ScenarioRun(kind, method, options, window, step);
        CaseOptions.named(Map.of(), run);
        return run;
    }

    private static int window(JsonNode n, String field) {
        long v = SweepJson.integer(n, field);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new InvalidSweepException(field, "must be a whole number >= 1, got " + v);
        }
        return (int) v;
    }
}
