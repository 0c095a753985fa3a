package org.peerclear.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one way PeerClear writes JSON documents: pretty-printed with arrays one element a line,
 * the target left open, a final newline. Content is written by a {@link Body}.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the fields of one JSON document. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the whole document: one top-level value, its object opened and closed here.
         *
         * @param g the generator, pretty-printing, at the start of the document
         * @throws IOException as the generator throws it
         */
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOutput() {
    }

    /**
     * Writes one JSON document to {@code out} and a final newline, leaving {@code out} open.
     *
     * @param out  the target; flushed, not closed
     * @param body writes the document
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(Writer out, Body body) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
            pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            g.setPrettyPrinter(pp);
            body.write(g);
            g.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A number field; an undefined number (NaN, infinite) is written as null.
     *
     * @param g     the generator, inside an object
     * @param field the field's name
     * @param v     the value
     * @throws IOException as the generator throws it
     */
    public static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, v);
        } else {
            g.writeNullField(field);
        }
    }

    /**
     * An array field of numbers, undefined ones as null.
     *
     * @param g      the generator, inside an object
     * @param field  the field's name
     * @param values the values in order
     * @throws IOException as the generator throws it
     */
    public static void numbers(JsonGenerator g, String field, double[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            if (Double.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
    }

    /**
     * A result's closing fields, as every result writer ends: {@code options} (name to value, in
     * the map's order) and {@code notes} (one string each).
     *
     * @param g       the generator, inside the result's object
     * @param options the options the run used
     * @param notes   what the user should know
     * @throws IOException as the generator throws it
     */
    public static void optionsAndNotes(JsonGenerator g, java.util.Map<String, String> options, java.util.List<String> notes)
            throws IOException {
        g.writeObjectFieldStart("options");
        for (java.util.Map.Entry<String, String> e : options.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("notes");
        for (String n : notes) {
            g.writeString(n);
        }
        g.writeEndArray();
    }
}
