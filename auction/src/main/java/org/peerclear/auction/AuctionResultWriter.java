package org.peerclear.auction;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.JsonOutput;

/**
 * Writes an auction result as orders.md's "Result": {@code status}, {@code mechanism},
 * {@code price}, {@code buyPrice} and {@code sellPrice} (each absent when the mechanism has none),
 * {@code fills[]}, {@code trades[]}, {@code volume}, {@code surplus}, {@code welfare},
 * {@code rejected[]} (network-aware continuous auction), then {@code options} and {@code notes}.
 * Several periods write as {@code {"periods": [result, ...]}}.
 */
public final class AuctionResultWriter {
    private AuctionResultWriter() {
    }

    /**
     * One result as text.
     *
     * @param r the result
     * @return the document, ending in a newline
     */
    public static String toJson(AuctionResult r) {
        StringWriter w = new StringWriter();
        JsonOutput.write(w, g -> result(g, r));
        return w.toString();
    }

    /**
     * Writes one result, atomically.
     *
     * @param r    the result
     * @param file the file to create or replace
     */
    public static void write(AuctionResult r, Path file) {
        AtomicFiles.write(file, w -> JsonOutput.write(w, g -> result(g, r)));
    }

    /**
     * Writes the results of several periods, in period order, to {@code out}, left open.
     *
     * @param periods one result per period
     * @param out     the target
     */
    public static void write(List<AuctionResult> periods, Writer out) {
        JsonOutput.write(out, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("periods");
            for (AuctionResult r : periods) {
                result(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * Writes one result to {@code out}, left open.
     *
     * @param r   the result
     * @param out the target
     */
    public static void write(AuctionResult r, Writer out) {
        JsonOutput.write(out, g -> result(g, r));
    }

    private static void result(JsonGenerator g, AuctionResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", r.status().name());
        g.writeStringField("mechanism", r.mechanism());
        optional(g, "price", r.price());
        optional(g, "buyPrice", r.buyPrice());
        optional(g, "sellPrice", r.sellPrice());
        g.writeArrayFieldStart("fills");
        for (Fill f : r.fills()) {
            g.writeStartObject();
            g.writeStringField("order", f.order());
            g.writeStringField("agent", f.agent());
            g.writeStringField("side", f.side().label());
            g.writeNumberField("quantity", f.quantity());
            g.writeNumberField("price", f.price());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("trades");
        for (Match m : r.trades()) {
            g.writeStartObject();
            g.writeStringField("buyOrder", m.buyOrder());
            g.writeStringField("sellOrder", m.sellOrder());
            g.writeNumberField("quantity", m.quantity());
            g.writeNumberField("price", m.price());
            g.writeNumberField("time", m.time());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("volume", r.volume());
        g.writeNumberField("surplus", r.surplus());
        g.writeNumberField("welfare", r.welfare());
        if (!r.rejected().isEmpty() || r.mechanism().equals("cda-network")) {
            g.writeArrayFieldStart("rejected");
            for (Rejection x : r.rejected()) {
                g.writeStartObject();
                g.writeStringField("buyOrder", x.buyOrder());
                g.writeStringField("sellOrder", x.sellOrder());
                g.writeNumberField("quantity", x.quantity());
                g.writeStringField("reason", x.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        JsonOutput.optionsAndNotes(g, r.options(), r.notes());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, double v) throws IOException {
        if (!Double.isNaN(v)) {
            g.writeNumberField(field, v);
        }
    }
}
