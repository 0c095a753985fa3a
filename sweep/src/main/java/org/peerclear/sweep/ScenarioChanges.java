package org.peerclear.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One scenario's changes as its sweep file states them, checked for type, in the file's order:
 * {@code seed}, {@code method}, {@code fee}, {@code scale} (an object of groups) or {@code scale.GROUP},
 * and a dotted path to a number of the case ({@code network.vMin}).
 *
 * @param id      the scenario's id
 * @param changes the changes, in order
 */
record ScenarioChanges(String id, List<Change> changes) {
    /** The keys a scenario may have besides dotted paths. */
    static final List<String> KEYS = List.of("id", "seed", "method", "fee", "scale");

    /**
     * One change.
     *
     * @param key   the key as written, e.g. {@code scale.pv}
     * @param value its value
     * @param field where it stands in the sweep file, for messages
     */
    record Change(String key, JsonNode value, String field) {
    }

    /**
     * Checks one key and value of a scenario (or of a grid, one value at a time).
     *
     * @param key   the key
     * @param value the value
     * @param field where it stands, for messages
     * @return the change
     * @throws InvalidSweepException for an unknown key or a value of the wrong type
     */
    static Change change(String key, JsonNode value, String field) {
        switch (key) {
            case "seed" -> SweepJson.integer(value, field);
            case "method" -> SweepJson.text(value, field);
            case "fee" -> {
                if (SweepJson.number(value, field) < 0) {
                    throw new InvalidSweepException(field, "a fee is a gamma, >= 0; got " + value);
                }
            }
            case "scale" -> {
                ObjectNode groups = SweepJson.object(value, field);
                if (groups.isEmpty()) {
                    throw new InvalidSweepException(field, "names no group");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    factor(e.getValue(), field + "." + e.getKey());
                }
            }
            default -> {
                if (key.startsWith("scale.")) {
                    factor(value, field);
                } else if (key.contains(".")) {
                    if (!(value.isNumber() || (value.isArray() && allNumbers(value)))) {
                        throw new InvalidSweepException(field, "must be a number or an array of numbers, got " + SweepJson.describe(value));
                    }
                } else {
                    throw new InvalidSweepException(field, "unknown key" + SweepJson.hint(key, KEYS) + "; a scenario has id, seed, method,"
                            + " fee, scale (or scale.GROUP) and dotted paths to numbers of the case such as network.vMin");
                }
            }
        }
        return new Change(key, value, field);
    }

    /** The scenario's seed, or null when it has none. */
    Long seed() {
        for (Change c : changes) {
            if (c.key.equals("seed")) {
                return c.value.longValue();
            }
        }
        return null;
    }

    /** The field of the scenario's seed, for messages. */
    String seedField() {
        return changes.stream().filter(c -> c.key.equals("seed")).map(Change::field).findFirst().orElse("seed");
    }

    /**
     * Applies the changes to a fresh tree of the base case.
     *
     * @param kase the tree, changed in place
     * @param run  the sweep's run
     * @return the scenario's run: the sweep's, with the scenario's method if it names one
     */
    ScenarioRun apply(ObjectNode kase, ScenarioRun run) {
        ScenarioRun r = run;
        for (Change c : changes) {
            switch (c.key) {
                case "seed" -> { }
                case "method" -> r = r.withMethod(c.value.textValue());
                case "fee" -> CaseEdits.fee(kase, c.value.doubleValue());
                case "scale" -> c.value.fields().forEachRemaining(e ->
                        CaseEdits.scale(kase, e.getKey(), e.getValue().doubleValue(), c.field + "." + e.getKey()));
                default -> {
                    if (c.key.startsWith("scale.")) {
                        CaseEdits.scale(kase, c.key.substring("scale.".length()), c.value.doubleValue(), c.field);
                    } else {
                        CaseEdits.set(kase, c.key, c.value, c.field);
                    }
                }
            }
        }
        return r;
    }

    /** A scenario of the {@code scenarios[]} list; {@code i} its index. */
    static ScenarioChanges explicit(JsonNode entry, int i) {
        String at = "scenarios[" + i + "]";
        ObjectNode o = SweepJson.object(entry, at);
        String id = SweepJson.text(o.get("id"), at + ".id");
        List<Change> changes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("id")) {
                changes.add(change(e.getKey(), e.getValue(), at + "." + e.getKey()));
            }
        }
        return new ScenarioChanges(id, changes);
    }

    private static void factor(JsonNode v, String field) {
        double f = SweepJson.number(v, field);
        if (f < 0) {
            throw new InvalidSweepException(field, "a scale factor is >= 0, got " + v);
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
