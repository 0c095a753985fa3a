package org.peerclear.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.peerclear.order.Amend;
import org.peerclear.order.Cancel;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/**
 * Writes an order file (orders.md) that {@link OrdersReader} reads back equal. Every order's
 * {@code time} is written, so the continuous auction's priorities survive the round trip.
 */
public final class OrdersWriter {
    private OrdersWriter() {
    }

    /**
     * The file as text.
     *
     * @param file the orders
     * @return the document, ending in a newline
     */
    public static String toJson(OrderFile file) {
        java.io.StringWriter w = new java.io.StringWriter();
        write(file, w);
        return w.toString();
    }

    /**
     * Writes the file, atomically.
     *
     * @param file   the orders
     * @param target the file to create or replace
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public static void write(OrderFile file, Path target) {
        AtomicFiles.write(target, w -> write(file, w));
    }

    /**
     * Writes the file as text to {@code out}, left open.
     *
     * @param file the orders
     * @param out  the target
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(OrderFile file, Writer out) {
        JsonOutput.write(out, g -> {
            MarketCaseWriter.header(g, OrdersReader.FORMAT, OrdersReader.VERSION, file.name(), file.units());
            g.writeArrayFieldStart("orders");
            for (Order o : file.orders()) {
                order(g, o);
            }
            g.writeEndArray();
            if (!file.cancels().isEmpty()) {
                g.writeArrayFieldStart("cancels");
                for (Cancel c : file.cancels()) {
                    g.writeStartObject();
                    g.writeStringField("order", c.order());
                    g.writeNumberField("time", c.time());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!file.amends().isEmpty()) {
                g.writeArrayFieldStart("amends");
                for (Amend a : file.amends()) {
                    g.writeStartObject();
                    g.writeStringField("order", a.order());
                    g.writeNumberField("time", a.time());
                    g.writeNumberField("quantity", a.quantity());
                    g.writeNumberField("price", a.price());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (file.network().isPresent()) {
                MarketCaseWriter.networkStart(g, file.network().get());
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    private static void order(JsonGenerator g, Order o) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", o.id());
        g.writeStringField("agent", o.agent());
        g.writeStringField("side", o.side().label());
        g.writeNumberField("quantity", o.quantity());
        g.writeNumberField("price", o.price());
        g.writeNumberField("time", o.time());
        if (o.bus() != null) {
            g.writeStringField("bus", o.bus());
        }
        if (o.productClass() != null) {
            g.writeStringField("class", o.productClass());
        }
        g.writeEndObject();
    }
}
