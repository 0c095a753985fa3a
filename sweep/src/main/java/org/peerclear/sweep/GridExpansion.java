package org.peerclear.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A sweep file's {@code grid}: every combination of its values, the first key varying slowest and
 * the last fastest (as nested loops in the file's key order, or an odometer), each scenario's id
 * its {@code key=value} pairs joined by commas, e.g. {@code fee=0.01,scale.pv=1.2}.
 */
final class GridExpansion {
    private GridExpansion() {
    }

    /**
     * @param grid the grid object: keys as a scenario's (but {@code id}, and {@code scale} only as {@code scale.GROUP}),
     *             each with a non-empty array of values
     * @return the scenarios, in order
     * @throws InvalidSweepException for an empty grid, a key or value a scenario may not have
     */
    static List<ScenarioChanges> expand(ObjectNode grid) {
        if (grid.isEmpty()) {
            throw new InvalidSweepException("grid", "is empty: give at least one key with a list of values");
        }
        List<String> keys = new ArrayList<>();
        List<List<ScenarioChanges.Change>> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String field = "grid." + key;
            if (key.equals("id") || key.equals("scale")) {
                throw new InvalidSweepException(field, key.equals("id") ? "a grid's scenarios are named by their values"
                        : "write one key per group, scale.GROUP (e.g. \"scale.pv\": [0.8, 1.2])");
            }
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new InvalidSweepException(field, "must be a non-empty list of values, got " + SweepJson.describe(e.getValue()));
            }
            List<ScenarioChanges.Change> list = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                list.add(ScenarioChanges.change(key, e.getValue().get(i), field + "[" + i + "]"));
            }
            keys.add(key);
            values.add(list);
        }
        List<ScenarioChanges> out = new ArrayList<>();
        int[] at = new int[keys.size()];
        while (true) {
            List<ScenarioChanges.Change> changes = new ArrayList<>();
            StringBuilder id = new StringBuilder();
            for (int k = 0; k < keys.size(); k++) {
                ScenarioChanges.Change c = values.get(k).get(at[k]);
                changes.add(c);
                id.append(k == 0 ? "" : ",").append(keys.get(k)).append('=').append(SweepJson.idText(c.value()));
            }
            out.add(new ScenarioChanges(id.toString(), changes));
            int k = keys.size() - 1;
            while (k >= 0 && ++at[k] == values.get(k).size()) {
                at[k] = 0;
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }
}
