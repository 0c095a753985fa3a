package org.peerclear.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A scenario's changes to a case, made on the case's JSON tree: scaling a group of assets, setting
 * the fee, setting a number at a dotted path. What a change cannot find (a group without assets, a
 * path the case does not have) is an {@link InvalidSweepException} naming the sweep file's field;
 * values that make the case invalid are left for the case reader, which fails the scenario.
 */
final class CaseEdits {
    /**
     * The power and energy fields that {@code scale} multiplies, per asset type ({@code flexible}: an asset without
     * a type). Costs ({@code a}, {@code b}, {@code cycleCost}) and efficiencies stay.
     */
    static final Map<String, List<String>> SCALED = Map.of(
            "flexible", List.of("pMin", "pMax", "rampMax", "minStable"),
            "storage", List.of("energyMax", "energyMin", "energyInitial", "energyFinal", "chargeMax", "dischargeMax"),
            "ev", List.of("energyMax", "energyInitial", "energyRequired", "chargeMax", "dischargeMax"),
            "shiftable", List.of("energy", "pMax"));

    private CaseEdits() {
    }

    /**
     * Multiplies the power and energy fields ({@link #SCALED}) of every asset in {@code group}: the assets whose id
     * ends in {@code "." + group} (or is {@code group}), and the assets of that type ({@code storage}, {@code ev},
     * {@code shiftable}, {@code flexible}). A field may be a number, an array of numbers or a profile reference,
     * whose {@code scale} is multiplied.
     *
     * @throws InvalidSweepException naming {@code field} when no asset is in the group
     */
    static void scale(ObjectNode kase, String group, double factor, String field) {
        TreeSet<String> groups = new TreeSet<>();
        int matched = 0;
        for (JsonNode agent : kase.path("agents")) {
            for (JsonNode asset : agent.path("assets")) {
                if (!asset.isObject()) {
                    continue;
                }
                String id = asset.path("id").asText("");
                String type = asset.path("type").asText("flexible");
                String suffix = id.substring(id.lastIndexOf('.') + 1);
                groups.add(suffix);
                groups.add(type);
                if (group.equals(suffix) || group.equals(type)) {
                    matched++;
                    for (String f : SCALED.getOrDefault(type, List.of())) {
                        scaleField((ObjectNode) asset, f, factor);
                    }
                }
            }
        }
        if (matched == 0) {
            throw new InvalidSweepException(field, "no asset of the base case is in group '" + group + "'; its groups: "
                    + String.join(", ", groups));
        }
    }

    private static void scaleField(ObjectNode asset, String name, double factor) {
        JsonNode v = asset.get(name);
        if (v == null) {
            return;
        }
        if (v.isNumber()) {
            asset.put(name, v.doubleValue() * factor);
        } else if (v.isArray()) {
            ArrayNode a = (ArrayNode) v;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber()) {
                    a.set(i, a.numberNode(a.get(i).doubleValue() * factor));
                }
            }
        } else if (v.isObject() && v.has("profile")) {
            ObjectNode ref = (ObjectNode) v;
            ref.put("scale", ref.path("scale").asDouble(1.0) * factor);
        }
    }

    /** Sets {@code trades.fee}, the default gamma of every arc (arcs with their own gamma keep it). */
    static void fee(ObjectNode kase, double fee) {
        JsonNode trades = kase.get("trades");
        (trades instanceof ObjectNode o ? o : kase.putObject("trades")).put("fee", fee);
    }

    /**
     * Replaces the number (or array of numbers) at a dotted path of objects, e.g. {@code network.vMin}.
     *
     * @throws InvalidSweepException naming {@code field} when the path does not lead to a number of the case
     */
    static void set(ObjectNode kase, String path, JsonNode value, String field) {
        String[] parts = path.split("\\.", -1);
        ObjectNode at = kase;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (!(next instanceof ObjectNode o)) {
                throw new InvalidSweepException(field, "the base case has no object " + String.join(".", List.of(parts).subList(0, i + 1))
                        + " (a dotted path leads through objects to a number the case has)");
            }
            at = o;
        }
        String last = parts[parts.length - 1];
        JsonNode old = at.get(last);
        if (old == null || !(old.isNumber() || old.isArray())) {
            throw new InvalidSweepException(field, "the base case has no number at " + path
                    + (old == null ? "" : " (it holds " + SweepJson.describe(old) + ")"));
        }
        at.set(last, value.deepCopy());
    }
}
