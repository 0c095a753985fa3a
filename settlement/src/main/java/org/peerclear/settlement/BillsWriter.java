package org.peerclear.settlement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link Bills} as {@code BILLS.json} of the CLI contract: {@code status},
 * {@code periods}, {@code bills[] {party, kind, paid, received, net}},
 * {@code lines[] {period, payer, payee, amount, reason}}, {@code imbalance}, and the checks
 * ({@code checks {money {gross, relativeImbalance, conserved}, energy[] {...}}}).
 */
public final class BillsWriter {
    private BillsWriter() {
    }

    /**
     * The bills as JSON text.
     *
     * @param b the bills
     * @return the document, ending in a newline
     */
    public static String toJson(Bills b) {
        StringWriter w = new StringWriter();
        write(b, w);
        return w.toString();
    }

    /**
     * Writes the bills to a file.
     *
     * @param b    the bills
     * @param file the file to create or replace
     * @throws UncheckedIOException if it cannot be written
     */
    public static void write(Bills b, Path file) {
        try {
            Files.writeString(file, toJson(b));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the bills to {@code out}, left open.
     *
     * @param b   the bills
     * @param out the target
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Bills b, Writer out) {
        try {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("status", b.status());
            g.writeNumberField("periods", b.periods());
            g.writeArrayFieldStart("bills");
            for (Bill x : b.bills()) {
                g.writeStartObject();
                g.writeStringField("party", x.party());
                g.writeStringField("kind", x.kind());
                g.writeNumberField("paid", x.paid());
                g.writeNumberField("received", x.received());
                g.writeNumberField("net", x.net());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lines");
            for (Line l : b.lines()) {
                g.writeStartObject();
                g.writeNumberField("period", l.period());
                g.writeStringField("payer", l.payer());
                g.writeStringField("payee", l.payee());
                g.writeNumberField("amount", l.amount());
                g.writeStringField("reason", l.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("imbalance", b.imbalance());
            g.writeObjectFieldStart("checks");
            g.writeObjectFieldStart("money");
            g.writeNumberField("gross", b.gross());
            g.writeNumberField("relativeImbalance", b.relativeImbalance());
            g.writeBooleanField("conserved", b.moneyConserved());
            g.writeEndObject();
            g.writeArrayFieldStart("energy");
            for (EnergyCheck e : b.energy()) {
                g.writeStartObject();
                g.writeNumberField("period", e.period());
                g.writeNumberField("generation", e.generation());
                g.writeNumberField("consumption", e.consumption());
                g.writeNumberField("traded", e.traded());
                g.writeNumberField("grid", e.grid());
                g.writeNumberField("losses", e.losses());
                g.writeNumberField("residual", e.residual());
                g.writeBooleanField("conserved", e.conserved());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
            out.write(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
