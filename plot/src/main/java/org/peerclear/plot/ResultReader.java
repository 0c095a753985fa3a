package org.peerclear.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import org.peerclear.result.ConvergenceHistory;

/**
 * Reads the result JSON that {@code clear} writes (one period: market-case.md's result section;
 * several periods: the version-2 result) into {@link ResultData}. A field of the wrong shape is
 * an error naming it.
 */
public final class ResultReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultReader() {
    }

    /**
     * Reads one result file.
     *
     * @param file a result JSON as {@code clear} writes it, one period or several
     * @return its data; undefined numbers as NaN
     * @throws java.io.UncheckedIOException if the file cannot be read or is not JSON
     * @throws IllegalArgumentException if it is not a JSON object or a field has the wrong shape
     */
    public static ResultData read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read result " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": not a result (a JSON object is expected)");
        }
        return parse(root, file.toString());
    }

    static ResultData parse(JsonNode root, String source) {
        boolean multi = root.has("periods");
        int periods = multi ? root.get("periods").asInt() : 1;
        JsonNode units = root.path("units");
        List<ResultData.AgentSeries> agents = new ArrayList<>();
        for (JsonNode a : array(root, "agents", source)) {
            agents.add(new ResultData.AgentSeries(id(a, "agents", source), numbers(a, "p", multi, source),
                    numbers(a, "price", multi, source)));
        }
        List<ResultData.AssetSeries> assets = new ArrayList<>();
        for (JsonNode a : array(root, "assets", source)) {
            assets.add(new ResultData.AssetSeries(id(a, "assets", source), numbers(a, "p", multi, source),
                    a.has("energy") ? numbers(a, "energy", true, source) : null));
        }
        List<ResultData.BusSeries> buses = new ArrayList<>();
        for (JsonNode b : array(root, "buses", source)) {
            buses.add(new ResultData.BusSeries(id(b, "buses", source), numbers(b, "vm", multi, source),
                    b.has("vmLinear") ? numbers(b, "vmLinear", multi, source) : null,
                    b.has("price") ? numbers(b, "price", multi, source) : null));
        }
        Map<String, String> parentBus = new HashMap<>();
        for (JsonNode b : root.path("branches")) {
            parentBus.put(b.path("to").asText(), b.path("from").asText());
        }
        JsonNode limits = multi ? root : root.path("network");
        return new ResultData(root.path("market").asText(""), root.path("status").asText(""), periods, multi,
                units.path("power").asText("kW"), units.path("currency").asText(""), units.path("periodHours").asDouble(1.0),
                agents, assets, buses, number(limits.get("vMin")), number(limits.get("vMax")), convergence(root, source),
                parentBus);
    }

    private static Optional<ConvergenceHistory> convergence(JsonNode root, String source) {
        JsonNode c = root.get("convergence");
        if (c == null || c.isNull()) {
            return Optional.empty();
        }
        JsonNode its = c.get("iteration");
        if (its == null || !its.isArray()) {
            throw new IllegalArgumentException(source + ": convergence.iteration: an array of iterations is expected");
        }
        long[] iteration = new long[its.size()];
        for (int i = 0; i < iteration.length; i++) {
            iteration[i] = its.get(i).asLong();
        }
        try {
            return Optional.of(new ConvergenceHistory(iteration, numbers(c, "primal", true, source),
                    numbers(c, "dual", true, source)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, String source) {
        JsonNode a = root.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException(source + ": " + field + ": an array is expected");
        }
        return a;
    }

    private static String id(JsonNode row, String field, String source) {
        JsonNode id = row.get("id");
        if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException(source + ": " + field + "[].id: a string is expected");
        }
        return id.asText();
    }

    /** A number (one-period file) or an array of numbers (multi-period file), null entries as NaN. */
    private static double[] numbers(JsonNode row, String field, boolean arrays, String source) {
        JsonNode v = row.get(field);
        if (!arrays) {
            return new double[] {number(v)};
        }
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(source + ": " + row.path("id").asText("") + "." + field
                    + ": an array of numbers is expected");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(v.get(i));
        }
        return out;
    }

    private static double number(JsonNode v) {
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
