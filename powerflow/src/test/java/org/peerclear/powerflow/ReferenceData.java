package org.peerclear.powerflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerclear.powerflow.matpower.MatpowerCase;
import org.peerclear.powerflow.matpower.MatpowerParser;

/** Access to the MATPOWER reference cases copied into the test resources (feeders/NOTICE). */
final class ReferenceData {
    static final List<String> CASES = List.of("case33bw", "case69", "case141", "case533mt_hi", "case1197",
            "eulv_bal_t566");

    private ReferenceData() {
    }

    static String text(String resource) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/feeders/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource feeders/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MatpowerCase matpower(String name) {
        return MatpowerParser.parse(text(name + "/" + name + ".m"), name + ".m");
    }

    static Feeder feeder(String name) {
        return matpower(name).toFeeder();
    }

    /** CSV rows as maps column name -> value (strings). */
    static List<Map<String, String>> csv(String resource) {
        String[] lines = text(resource).split("\r?\n");
        String[] head = lines[0].split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] v = lines[i].split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int c = 0; c < head.length; c++) {
                m.put(head[c], c < v.length ? v[c] : "");
            }
            rows.add(m);
        }
        return rows;
    }

    static double d(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }
}
