package org.peerclear.io;

import static org.peerclear.io.JsonFields.asNumber;
import static org.peerclear.io.JsonFields.asText;
import static org.peerclear.io.JsonFields.kind;
import static org.peerclear.io.JsonFields.object;
import static org.peerclear.io.JsonFields.onlyKnown;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.NetworkTariff;

/**
 * The version-2 fields of integer rules, product classes and the network tariff, read from small
 * trees: {@code classes}, an agent's {@code premiums}, {@code network.charges},
 * {@code network.losses} and the flags. Their meaning is checked by the model.
 */
final class CaseRulesFields {
    private static final Set<String> UNIFORM = Set.of("kind", "rate");
    private static final Set<String> ZONAL = Set.of("kind", "rates", "zones");
    private static final Set<String> DISTANCE = Set.of("kind", "rate", "side");
    private static final Set<String> PLUGIN = Set.of("kind", "rate", "rates", "zones", "side");
    private static final Set<String> LOSSES = Set.of("allocation", "price");

    private CaseRulesFields() {
    }

    static boolean flag(JsonNode v, String at) {
        if (!v.isBoolean()) {
            throw new InvalidMarketException(at, "must be true or false, got " + kind(v));
        }
        return v.asBoolean();
    }

    /** {@code classes}: an object of class label → {} (a declaration carries no fields yet). */
    static Set<String> classes(JsonNode v) {
        object(v, "classes");
        Set<String> out = new LinkedHashSet<>();
        v.fields().forEachRemaining(e -> {
            String at = "classes." + e.getKey();
            if (e.getKey().isBlank()) {
                throw new InvalidMarketException("classes", "a class label must be a non-empty string");
            }
            onlyKnown(object(e.getValue(), at), at, Set.of());
            out.add(e.getKey());
        });
        return out;
    }

    /** An agent's {@code premiums}: class → number. */
    static Map<String, Double> premiums(JsonNode v, String at) {
        object(v, at);
        Map<String, Double> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), asNumber(e.getValue(), at + "." + e.getKey())));
        return out;
    }

    static NetworkTariff.Charges charges(JsonNode v) {
        String at = "network.charges";
        object(v, at);
        String kind = asText(JsonFields.required(v, "kind", at), at + ".kind");
        switch (kind) {
            case "uniform" -> {
                onlyKnown(v, at, UNIFORM);
                return new NetworkTariff.Charges(kind, JsonFields.number(v, "rate", at), Map.of(), Map.of(), "both");
            }
            case "zonal" -> {
                onlyKnown(v, at, ZONAL);
                return new NetworkTariff.Charges(kind, Double.NaN, rates(v, at), zones(v, at), "both");
            }
            case "distance" -> {
                onlyKnown(v, at, DISTANCE);
                String side = v.has("side") ? asText(v.get("side"), at + ".side") : "both";
                return new NetworkTariff.Charges(kind, JsonFields.number(v, "rate", at), Map.of(), Map.of(), side);
            }
            default -> {
                // A plugged-in policy: the same fields, each optional; the policy reads what it needs.
                onlyKnown(v, at, PLUGIN);
                double rate = v.has("rate") ? asNumber(v.get("rate"), at + ".rate") : Double.NaN;
                String side = v.has("side") ? asText(v.get("side"), at + ".side") : "both";
                return new NetworkTariff.Charges(kind, rate, v.has("rates") ? rates(v, at) : Map.of(), zones(v, at), side);
            }
        }
    }

    private static Map<String, Double> rates(JsonNode v, String at) {
        JsonNode rates = object(JsonFields.required(v, "rates", at), at + ".rates");
        Map<String, Double> r = new LinkedHashMap<>();
        rates.fields().forEachRemaining(e -> r.put(e.getKey(), asNumber(e.getValue(), at + ".rates." + e.getKey())));
        return r;
    }

    private static Map<String, String> zones(JsonNode v, String at) {
        Map<String, String> z = new LinkedHashMap<>();
        if (v.has("zones")) {
            object(v.get("zones"), at + ".zones").fields()
                    .forEachRemaining(e -> z.put(e.getKey(), asText(e.getValue(), at + ".zones." + e.getKey())));
        }
        return z;
    }

    static NetworkTariff.Losses losses(JsonNode v) {
        String at = "network.losses";
        object(v, at);
        onlyKnown(v, at, LOSSES);
        String allocation = asText(JsonFields.required(v, "allocation", at), at + ".allocation");
        JsonNode price = v.get("price");
        double p = Double.NaN;
        if (price != null && !(price.isTextual() && price.asText().equals("grid"))) {
            if (!price.isNumber()) {
                throw new InvalidMarketException(at + ".price", "must be \"grid\" or a number >= 0, got " + kind(price));
            }
            p = asNumber(price, at + ".price");
        }
        return new NetworkTariff.Losses(allocation, p);
    }
}
