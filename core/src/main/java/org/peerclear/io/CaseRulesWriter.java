package org.peerclear.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.peerclear.model.IntegerRuleSpec;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkTariff;
import org.peerclear.model.ProductClasses;

/** Writes the version-2 integer rules, classes and network tariff of a market, as {@link CaseRulesFields} reads them. */
final class CaseRulesWriter {
    private CaseRulesWriter() {
    }

    static boolean needsVersion2(Market m) {
        return !m.integerRules().isEmpty() || !m.productClasses().isEmpty() || !m.networkTariff().isEmpty();
    }

    static void classes(JsonGenerator g, Market m) throws IOException {
        ProductClasses c = m.productClasses();
        if (c.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("classes");
        for (String label : c.declared()) {
            g.writeObjectFieldStart(label);
            g.writeEndObject();
        }
        g.writeEndObject();
        if (c.classMarkets()) {
            g.writeBooleanField("classMarkets", true);
        }
    }

    static void asset(JsonGenerator g, Market m, String assetId) throws IOException {
        IntegerRuleSpec r = m.integerRules();
        Double stable = r.minStable().get(assetId);
        if (stable != null) {
            g.writeNumberField("minStable", stable);
        }
        if (r.block().contains(assetId)) {
            g.writeBooleanField("block", true);
        }
    }

    static void premiums(JsonGenerator g, Market m, String agentId) throws IOException {
        Map<String, Double> p = m.productClasses().premiums().get(agentId);
        if (p == null) {
            return;
        }
        g.writeObjectFieldStart("premiums");
        for (Map.Entry<String, Double> e : p.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    static void tariff(JsonGenerator g, NetworkTariff t) throws IOException {
        if (t.charges() != null) {
            NetworkTariff.Charges c = t.charges();
            g.writeObjectFieldStart("charges");
            g.writeStringField("kind", c.kind());
            if (!Double.isNaN(c.rate())) {
                g.writeNumberField("rate", c.rate());
            }
            if (!c.rates().isEmpty() || c.kind().equals("zonal")) {
                g.writeObjectFieldStart("rates");
                for (Map.Entry<String, Double> e : c.rates().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            if (!c.zones().isEmpty()) {
                g.writeObjectFieldStart("zones");
                for (Map.Entry<String, String> e : c.zones().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            // "both" is the default side; a distance charge states it anyway, as the spec's example does.
            if (c.kind().equals("distance") || !c.side().equals("both")) {
                g.writeStringField("side", c.side());
            }
            g.writeEndObject();
        }
        if (t.losses() != null) {
            g.writeObjectFieldStart("losses");
            g.writeStringField("allocation", t.losses().allocation());
            if (t.losses().atGridPrice()) {
                g.writeStringField("price", "grid");
            } else {
                g.writeNumberField("price", t.losses().price());
            }
            g.writeEndObject();
        }
        if (t.lossAware()) {
            g.writeBooleanField("lossAware", true);
        }
        if (t.tightenToAc()) {
            g.writeBooleanField("tightenToAc", true);
        }
    }
}
