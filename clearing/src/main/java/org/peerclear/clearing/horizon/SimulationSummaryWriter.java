package org.peerclear.clearing.horizon;

import java.nio.file.Path;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.JsonOutput;
import org.peerclear.model.HorizonMarket;

/**
 * A simulation's {@code summary.json} ({@code simulate}, and a sweep's per-scenario result of a
 * simulate run): the periods, window and step, the committed periods' cost and time, and per
 * window its start, committed periods, status, whether it was relaxed, time and message.
 */
public final class SimulationSummaryWriter {
    private SimulationSummaryWriter() {
    }

    /**
     * Writes the summary atomically.
     *
     * @param market the simulated market, for its name
     * @param s      the simulation
     * @param window the periods cleared together
     * @param step   the periods committed per window
     * @param file   the file to create or replace; its folder must exist
     * @throws java.io.UncheckedIOException if the file cannot be written, naming it
     */
    public static void write(HorizonMarket market, RollingHorizon.Simulation s, int window, int step, Path file) {
        AtomicFiles.write(file, w -> JsonOutput.write(w, g -> {
            g.writeStartObject();
            g.writeStringField("market", market.name());
            g.writeNumberField("from", s.from());
            g.writeNumberField("to", s.to());
            g.writeNumberField("window", window);
            g.writeNumberField("step", step);
            JsonOutput.number(g, "cost", s.cost());
            JsonOutput.number(g, "seconds", s.seconds());
            g.writeArrayFieldStart("windows");
            for (RollingHorizon.Window win : s.windows()) {
                g.writeStartObject();
                g.writeNumberField("start", win.start());
                g.writeNumberField("committed", win.committed());
                g.writeStringField("status", win.status().name());
                g.writeBooleanField("relaxed", win.relaxed());
                JsonOutput.number(g, "seconds", win.seconds());
                g.writeStringField("message", win.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }
}
