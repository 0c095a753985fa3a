package org.peerclear.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.peerclear.model.InvalidMarketException;

/** Strict typed access to a JSON tree; every failure names the field path. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidMarketException(path, "must be a JSON object, got " + kind(node));
        }
        return node;
    }

    static void onlyKnown(JsonNode node, String path, Set<String> known) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!known.contains(f)) {
                throw unknownField(path, f, known);
            }
        }
    }

    static InvalidMarketException unknownField(String path, String field, Set<String> known) {
        return new InvalidMarketException(join(path, field),
                "unknown field (known fields: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
    }

    static JsonNode required(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidMarketException(join(path, field), "is required");
        }
        return v;
    }

    static String text(JsonNode node, String field, String path) {
        JsonNode v = required(node, field, path);
        return asText(v, join(path, field));
    }

    static String optionalText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        return asText(v, join(path, field));
    }

    static String asText(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw new InvalidMarketException(at, "must be a string, got " + kind(v));
        }
        if (v.asText().isBlank()) {
            throw new InvalidMarketException(at, "must be a non-empty string");
        }
        return v.asText();
    }

    static double number(JsonNode node, String field, String path) {
        return asNumber(required(node, field, path), join(path, field));
    }

    static double optionalNumber(JsonNode node, String field, String path, double fallback) {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        return asNumber(v, join(path, field));
    }

    static double asNumber(JsonNode v, String at) {
        if (v == null || !v.isNumber()) {
            throw new InvalidMarketException(at, "must be a number, got " + kind(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw new InvalidMarketException(at, "must be a finite number, got " + v);
        }
        return d;
    }

    static List<JsonNode> array(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null) {
            if (required) {
                throw new InvalidMarketException(join(path, field), "is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidMarketException(join(path, field), "must be an array, got " + kind(v));
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** " at line L, column C", or nothing when the place is unknown. */
    static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 0 ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "the string \"" + v.asText() + "\"";
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + v;
        }
        return "an " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
