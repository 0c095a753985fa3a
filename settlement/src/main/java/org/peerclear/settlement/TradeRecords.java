package org.peerclear.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One period's trade records of a clearing result, one per directed arc that trades: those in the
 * file, and the implied reverse of a record whose other direction the file leaves out (a horizon
 * writes only the selling arcs): {@code t_ji = −t_ij} at the same price.
 */
final class TradeRecords {
    /**
     * A directed arc's record.
     *
     * @param from     the arc's owner
     * @param to       its partner
     * @param quantity {@code t_ij}, power unit: {@code > 0} sells
     * @param price    {@code λ_ij}, currency per unit of power for the period; NaN when the file has none
     * @param implied  whether the file left it out
     */
    record Arc(String from, String to, double quantity, double price, boolean implied) {
    }

    private final Map<String, Arc> byKey;

    private TradeRecords(Map<String, Arc> byKey) {
        this.byKey = byKey;
    }

    /** The records of period {@code t}; quantities at or below {@link SettlementTolerances#QUANTITY_REPORTED} are not trades. */
    static TradeRecords of(JsonNode root, int t) {
        Map<String, Arc> written = new LinkedHashMap<>();
        for (JsonNode tr : root.path("trades")) {
            double q = ResultTree.at(tr.path("quantity"), t);
            if (Math.abs(q) > SettlementTolerances.QUANTITY_REPORTED) {
                Arc a = new Arc(tr.path("from").asText(), tr.path("to").asText(), q, ResultTree.at(tr.path("price"), t), false);
                written.put(key(a.from(), a.to()), a);
            }
        }
        Map<String, Arc> all = new LinkedHashMap<>(written);
        for (Arc a : written.values()) {
            all.putIfAbsent(key(a.to(), a.from()), new Arc(a.to(), a.from(), -a.quantity(), a.price(), true));
        }
        return new TradeRecords(all);
    }

    /** {@return every record, the file's first, in its order} */
    List<Arc> all() {
        return new ArrayList<>(byKey.values());
    }

    /** {@return the record of the arc's other direction (always present: written or implied)} */
    Arc reverse(Arc a) {
        return byKey.get(key(a.to(), a.from()));
    }

    /** {@return per agent, the sum of its records' quantities} */
    Map<String, Double> byAgent() {
        Map<String, Double> by = new LinkedHashMap<>();
        for (Arc a : byKey.values()) {
            by.merge(a.from(), a.quantity(), Double::sum);
        }
        return by;
    }

    /** {@return the sum of every record's quantity: zero when every pair's two sides agree} */
    double net() {
        double s = 0;
        for (Arc a : byKey.values()) {
            s += a.quantity();
        }
        return s;
    }

    private static String key(String from, String to) {
        return from + '\u0000' + to;
    }
}
