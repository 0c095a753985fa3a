package org.peerclear.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.peerclear.spi.CloseMatches;

/** Reading and writing the JSON of sweep files and cases, with the checks every field of a sweep file needs. */
final class SweepJson {
    /** Strict: a key given twice is an error, as in a case file. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private SweepJson() {
    }

    /** The JSON object in {@code file}; problems name {@code field}. */
    static ObjectNode readObject(Path file, String field) {
        JsonNode n;
        try {
            n = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidSweepException(field, field.equals(file.toString()) ? "no such file" : "no such file " + file);
        } catch (JsonProcessingException e) {
            throw new InvalidSweepException(field, file + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new InvalidSweepException(field, file + " is not a JSON object");
        }
        return (ObjectNode) n;
    }

    /** {@code tree} as compact JSON text. */
    static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not write", e);
        }
    }

    /** {@code tree} parsed from text that PeerClear wrote itself. */
    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PeerClear's own JSON did not read back", e);
        }
    }

    /** Refuses a key of {@code o} not in {@code known}, naming close matches. */
    static void onlyKeys(ObjectNode o, String prefix, List<String> known) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new InvalidSweepException(prefix + k, "unknown key" + hint(k, known) + "; known: " + String.join(", ", known));
            }
        }
    }

    /** "; did you mean X?" for a close match, else nothing. */
    static String hint(String name, List<String> known) {
        List<String> close = CloseMatches.of(name, known);
        return close.isEmpty() ? "" : "; did you mean " + close.get(0) + "?";
    }

    static ObjectNode object(JsonNode n, String field) {
        if (n == null || !n.isObject()) {
            throw new InvalidSweepException(field, "must be a JSON object, got " + describe(n));
        }
        return (ObjectNode) n;
    }

    static double number(JsonNode n, String field) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw new InvalidSweepException(field, "must be a finite number, got " + describe(n));
        }
        return n.doubleValue();
    }

    static long integer(JsonNode n, String field) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidSweepException(field, "must be a whole number, got " + describe(n));
        }
        return n.longValue();
    }

    static String text(JsonNode n, String field) {
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new InvalidSweepException(field, "must be a non-empty string, got " + describe(n));
        }
        return n.textValue();
    }

    /** An option's value as text: strings as they are, numbers and booleans as JSON writes them. */
    static String optionText(JsonNode n, String field) {
        if (n != null && n.isTextual()) {
            return n.textValue();
        }
        if (n != null && (n.isNumber() || n.isBoolean())) {
            return n.asText();
        }
        throw new InvalidSweepException(field, "must be a string, number or boolean, got " + describe(n));
    }

    /** A value as it appears in a generated scenario id: strings bare, numbers as JSON writes them. */
    static String idText(JsonNode n) {
        return n.isTextual() ? n.textValue() : n.toString();
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
