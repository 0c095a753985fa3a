package org.peerclear.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reading a result's JSON tree: the one form every settlement engine reads (see {@link Settle}). */
final class ResultTree {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultTree() {
    }

    /** The tree of a result file. */
    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The tree of a result a writer produced in memory. */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // The text comes from one of PeerClear's own writers: not parsing it is a bug, not bad input.
            throw new IllegalStateException("A result writer produced JSON that does not parse: " + e.getMessage(), e);
        }
    }

    /** A number, or the {@code t}-th of an array of them (a horizon's per-period field); {@code null} or absent is NaN. */
    static double at(JsonNode n, int t) {
        JsonNode v = n.isArray() ? n.path(t) : n;
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
