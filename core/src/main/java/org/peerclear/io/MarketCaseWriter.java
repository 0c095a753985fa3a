package org.peerclear.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;

/**
 * Writes a {@link Market} as a market case that {@link MarketCaseReader} reads back into an
 * equal market. Output is deterministic (field order fixed, numbers in Java's shortest exact
 * decimal form), so the same market always gives the same bytes.
 */
public final class MarketCaseWriter {
    private MarketCaseWriter() {
    }

    public static String toJson(Market market) {
        StringWriter w = new StringWriter();
        write(market, w);
        return w.toString();
    }

    public static void write(Market market, Path file) {
        AtomicFiles.write(file, w -> write(market, w));
    }

    public static void write(Market market, Writer out) {
        JsonOutput.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("format", MarketCaseReader.FORMAT);
            g.writeNumberField("version", MarketCaseReader.VERSION);
            g.writeStringField("name", market.name());
            g.writeObjectFieldStart("units");
            g.writeStringField("power", market.units().power());
            g.writeStringField("currency", market.units().currency());
            g.writeNumberField("periodHours", market.units().periodHours());
            g.writeEndObject();
            g.writeArrayFieldStart("agents");
            for (Agent a : market.agents()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                if (a.bus() != null) {
                    g.writeStringField("bus", a.bus());
                }
                if (a.productClass() != null) {
                    g.writeStringField("class", a.productClass());
                }
                g.writeArrayFieldStart("assets");
                for (Asset s : a.assets()) {
                    g.writeStartObject();
                    g.writeStringField("id", s.id());
                    g.writeNumberField("pMin", s.pMin());
                    g.writeNumberField("pMax", s.pMax());
                    g.writeNumberField("a", s.a());
                    g.writeNumberField("b", s.b());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            writeTrades(g, market.tradeGraph());
            if (!market.communities().isEmpty()) {
                g.writeArrayFieldStart("communities");
                for (Community c : market.communities()) {
                    g.writeStartObject();
                    g.writeStringField("id", c.id());
                    g.writeStringField("manager", c.manager());
                    g.writeArrayFieldStart("members");
                    for (String m : c.members()) {
                        g.writeString(m);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (market.grid().isPresent()) {
                Grid grid = market.grid().get();
                g.writeObjectFieldStart("grid");
                if (grid.bus() != null) {
                    g.writeStringField("bus", grid.bus());
                }
                g.writeNumberField("importPrice", grid.importPrice());
                g.writeNumberField("exportPrice", grid.exportPrice());
                if (Double.isFinite(grid.importMax())) {
                    g.writeNumberField("importMax", grid.importMax());
                }
                if (Double.isFinite(grid.exportMax())) {
                    g.writeNumberField("exportMax", grid.exportMax());
                }
                g.writeEndObject();
            }
            if (market.network().isPresent()) {
                NetworkSpec n = market.network().get();
                g.writeObjectFieldStart("network");
                g.writeStringField("case", n.feeder());
                g.writeNumberField("vMin", n.vMin());
                g.writeNumberField("vMax", n.vMax());
                if (!n.ratings().isEmpty()) {
                    g.writeArrayFieldStart("ratings");
                    for (NetworkSpec.BranchRating r : n.ratings()) {
                        g.writeStartObject();
                        g.writeStringField("from", r.from());
                        g.writeStringField("to", r.to());
                        g.writeNumberField("pMax", r.pMax());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    private static void writeTrades(JsonGenerator g, TradeGraph t) throws IOException {
        g.writeObjectFieldStart("trades");
        switch (t.kind()) {
            case COMPLETE:
                g.writeStringField("graph", "complete");
                break;
            case NONE:
                g.writeStringField("graph", "none");
                break;
            default:
                g.writeArrayFieldStart("graph");
                for (List<String> p : t.pairs()) {
                    g.writeStartArray();
                    g.writeString(p.get(0));
                    g.writeString(p.get(1));
                    g.writeEndArray();
                }
                g.writeEndArray();
        }
        g.writeNumberField("fee", t.fee());
        if (!t.overrides().isEmpty()) {
            g.writeArrayFieldStart("arcs");
            for (Arc a : t.overrides()) {
                g.writeStartObject();
                g.writeStringField("from", a.from());
                g.writeStringField("to", a.to());
                g.writeNumberField("gamma", a.gamma());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
