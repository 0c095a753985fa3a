package org.peerclear.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What a picture needs of an auction result (orders.md, "Result"): the mechanism, the status, the
 * prices (NaN where the result has none) and the volume.
 *
 * @param mechanism the mechanism's name
 * @param status    {@code CLEARED} or {@code NO_TRADE}
 * @param price     the uniform price, currency per unit; NaN without one
 * @param buyPrice  what buyers pay; NaN where it differs between fills
 * @param sellPrice what sellers receive; NaN likewise
 * @param volume    the energy traded, power unit for the period
 */
public record AuctionOutcome(String mechanism, String status, double price, double buyPrice, double sellPrice,
                             double volume) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads an auction result file.
     *
     * @param file a result as {@code auction} writes it (one period)
     * @return its outcome
     * @throws UncheckedIOException     if the file cannot be read or is not JSON
     * @throws IllegalArgumentException if it is not an auction result
     */
    public static AuctionOutcome read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read result " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.has("mechanism") || !root.has("fills") || !root.path("volume").isNumber()) {
            throw new IllegalArgumentException("not an auction result (no mechanism, fills and volume): an auction's"
                    + " supply and demand needs the result of 'auction'");
        }
        return new AuctionOutcome(root.get("mechanism").asText(), root.path("status").asText(), number(root, "price"),
                number(root, "buyPrice"), number(root, "sellPrice"), root.get("volume").asDouble());
    }

    private static double number(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
