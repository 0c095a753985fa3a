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
        double[] none = new double[periods.size()];
        java.util.Arrays.fill(none, Double.NaN);
        write(periods, none, out);
    }

    /**
     * Writes the results of several periods, each with its true welfare (an auction of a market
     * case: the fills valued on the agents' own cost curves), to {@code out}, left open.
     *
     * @param periods     one result per period
     * @param trueWelfare one per period, currency; NaN where there is none (not written)
     * @param out         the target
     */
    public static void write(List<AuctionResult> periods, double[] trueWelfare, Writer out) {
        if (trueWelfare.length != periods.size()) {
            throw new IllegalArgumentException(trueWelfare.length + " true welfares for " + periods.size() + " periods");
        }
        JsonOutput.write(out, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("periods");
            for (int t = 0; t < periods.size(); t++) {
                result(g, periods.get(t), trueWelfare[t]);
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

    /**
     * Writes one result with its true welfare to {@code out}, left open.
     *
     * @param r           the result
     * @param trueWelfare the fills valued on the agents' own cost curves, currency; NaN: not written
     * @param out         the target
     */
    public static void write(AuctionResult r, double trueWelfare, Writer out) {
        JsonOutput.write(out, g -> result(g, r, trueWelfare));
    }

    private static void result(JsonGenerator g, AuctionResult r) throws IOException {
        result(g, r, Double.NaN);
    }

    private static void result(JsonGenerator g, AuctionResult r, double trueWelfare) throws IOException {
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
        optional(g, "trueWelfare", trueWelfare);
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
