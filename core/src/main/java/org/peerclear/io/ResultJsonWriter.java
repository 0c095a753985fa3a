package org.peerclear.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.peerclear.model.Grid;
import org.peerclear.result.AgentResult;
import org.peerclear.result.AssetResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.ConvergenceHistory;
import org.peerclear.result.GridResult;
import org.peerclear.result.NetworkOutcome;
import org.peerclear.result.TradeResult;

/**
 * Writes a {@link ClearingResult} as the result JSON of the market-case format: status,
 * message, objective, welfare, method, solver, iterations, residuals, seconds, agents (the grid
 * also with its {@code importPrice} and {@code exportPrice}), assets, trades (non-zero only),
 * plus {@code units}, {@code options} and {@code notes}, and {@code convergence} when the method
 * recorded its residuals per iteration. Undefined numbers (NaN) are written as
 * {@code null}.
 */
public final class ResultJsonWriter {
    private ResultJsonWriter() {
    }

    /**
     * The result as JSON text.
     *
     * @param r any result, with or without a solution
     * @return the document, ending in a newline
     */
    public static String toJson(ClearingResult r) {
        StringWriter w = new StringWriter();
        write(r, w);
        return w.toString();
    }

    /**
     * Writes the result JSON file, atomically.
     *
     * @param r    any result
     * @param file the file to create or replace
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(ClearingResult r, Path file) {
        write(r, file, FileProgressListener.NONE);
    }

    /**
     * Writes {@code file} atomically, telling {@code progress} how many rows (agents, assets, trades, buses, branches) are out.
     *
     * @param r        any result
     * @param file     the file to create or replace
     * @param progress told the rows written; {@link FileProgressListener#NONE} for no reports
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(ClearingResult r, Path file, FileProgressListener progress) {
        AtomicFiles.write(file, w -> write(r, w, file, progress));
    }

    /**
     * Writes the result JSON to {@code out}, left open.
     *
     * @param r   any result
     * @param out the target
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(ClearingResult r, Writer out) {
        write(r, out, null, FileProgressListener.NONE);
    }

    private static void write(ClearingResult r, Writer out, Path file, FileProgressListener progress) {
        List<AgentResult> agents = r.hasSolution() ? r.agents() : List.of();
        List<AssetResult> assets = r.hasSolution() ? r.assets() : List.of();
        List<TradeResult> trades = r.hasSolution() ? r.trades() : List.of();
        long rows = agents.size() + assets.size() + trades.size()
                + r.network().map(n -> n.buses().size() + n.branches().size()).orElse(0);
        ProgressMeter meter = new ProgressMeter(progress, FileProgress.Action.WRITING, file, rows, FileProgress.Unit.ROWS);
        JsonOutput.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("market", r.market().name());
            g.writeStringField("status", r.status().name());
            g.writeStringField("message", r.message());
            number(g, "objective", r.objective());
            number(g, "welfare", r.welfare());
            g.writeStringField("method", r.method());
            g.writeStringField("solver", r.solver());
            g.writeNumberField("iterations", r.iterations());
            number(g, "primalResidual", r.primalResidual());
            number(g, "dualResidual", r.dualResidual());
            number(g, "seconds", r.seconds());
            g.writeObjectFieldStart("units");
            g.writeStringField("power", r.market().units().power());
            g.writeStringField("currency", r.market().units().currency());
            g.writeNumberField("periodHours", r.market().units().periodHours());
            g.writeEndObject();
            g.writeArrayFieldStart("agents");
            for (AgentResult a : agents) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                number(g, "p", a.p());
                number(g, "price", a.price());
                if (Grid.AGENT_ID.equals(a.id())) {
                    GridResult grid = r.grid().orElseThrow();
                    number(g, "importPrice", grid.importPrice());
                    number(g, "exportPrice", grid.exportPrice());
                }
                g.writeEndObject();
                meter.add(1);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("assets");
            for (AssetResult a : assets) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                number(g, "p", a.p());
                g.writeEndObject();
                meter.add(1);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("trades");
            for (TradeResult t : trades) {
                g.writeStartObject();
                g.writeStringField("from", t.from());
                g.writeStringField("to", t.to());
                number(g, "quantity", t.quantity());
                number(g, "price", t.price());
                g.writeEndObject();
                meter.add(1);
            }
            g.writeEndArray();
            if (r.network().isPresent()) {
                NetworkOutcome n = r.network().get();
                g.writeArrayFieldStart("buses");
                for (NetworkOutcome.Bus b : n.buses()) {
                    g.writeStartObject();
                    g.writeStringField("id", b.id());
                    number(g, "vm", b.vm());
                    number(g, "vmLinear", b.vmLinear());
                    number(g, "price", b.price());
                    g.writeEndObject();
                    meter.add(1);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("branches");
                for (NetworkOutcome.Branch b : n.branches()) {
                    g.writeStartObject();
                    g.writeStringField("from", b.from());
                    g.writeStringField("to", b.to());
                    number(g, "p", b.p());
                    number(g, "q", b.q());
                    number(g, "loss", b.pLoss());
                    g.writeEndObject();
                    meter.add(1);
                }
                g.writeEndArray();
                number(g, "losses", n.lossesKw());
                g.writeObjectFieldStart("network");
                g.writeStringField("feeder", n.feeder());
                g.writeStringField("acStatus", n.acStatus());
                g.writeNumberField("acIterations", n.acIterations());
                number(g, "worstViolationPu", n.worstViolationPu());
                number(g, "linearisationErrorPu", n.linearisationError());
                number(g, "lossesKvar", n.lossesKvar());
                number(g, "vMin", n.vMin());
                number(g, "vMax", n.vMax());
                g.writeStringField("units", "kW, kvar, pu; bus price in currency per market power unit");
                g.writeEndObject();
            }
            if (r.convergence().isPresent()) {
                ConvergenceHistory h = r.convergence().get();
                g.writeObjectFieldStart("convergence");
                g.writeArrayFieldStart("iteration");
                for (long it : h.iteration()) {
                    g.writeNumber(it);
                }
                g.writeEndArray();
                JsonOutput.numbers(g, "primal", h.primal());
                JsonOutput.numbers(g, "dual", h.dual());
                g.writeEndObject();
            }
            for (Map.Entry<String, Object> e : r.sections().entrySet()) {
                g.writeFieldName(e.getKey());
                section(g, e.getValue());
            }
            JsonOutput.optionsAndNotes(g, r.options(), r.notes());
            g.writeEndObject();
        });
        meter.finish();
    }

    private static void section(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                section(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    static void number(JsonGenerator g, String field, double v) throws IOException {
        JsonOutput.number(g, field, v);
    }
}
