package org.peerclear.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.peerclear.model.Grid;
import org.peerclear.result.AgentResult;
import org.peerclear.result.AssetResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.GridResult;
import org.peerclear.result.NetworkOutcome;
import org.peerclear.result.TradeResult;

/**
 * Writes the tables of a {@link ClearingResult} as {@code agents.csv}, {@code assets.csv} and
 * {@code trades.csv} (and {@code buses.csv} with a network) in a folder (each file atomically). Undefined numbers are empty cells.
 */
public final class ResultCsvWriter {
    private ResultCsvWriter() {
    }

    public static void write(ClearingResult r, Path directory) {
        if (!r.hasSolution()) {
            throw new IllegalStateException("No tables to write: status " + r.status());
        }
        AtomicFiles.write(directory.resolve("agents.csv"), w -> lines(w, "id,p,price,importPrice,exportPrice", out -> {
            for (AgentResult a : r.agents()) {
                // Only the grid has two prices besides its net one; other agents leave the cells empty.
                GridResult g = Grid.AGENT_ID.equals(a.id()) ? r.grid().orElseThrow() : null;
                out.write(a.id() + "," + num(a.p()) + "," + num(a.price()) + "," + num(g == null ? Double.NaN : g.importPrice())
                        + "," + num(g == null ? Double.NaN : g.exportPrice()) + "\n");
            }
        }));
        AtomicFiles.write(directory.resolve("assets.csv"), w -> lines(w, "id,p", out -> {
            for (AssetResult a : r.assets()) {
                out.write(a.id() + "," + num(a.p()) + "\n");
            }
        }));
        AtomicFiles.write(directory.resolve("trades.csv"), w -> lines(w, "from,to,quantity,price", out -> {
            for (TradeResult t : r.trades()) {
                out.write(t.from() + "," + t.to() + "," + num(t.quantity()) + "," + num(t.price()) + "\n");
            }
        }));
        writeBuses(r, directory);
    }

    private static void writeBuses(ClearingResult r, Path directory) {
        r.network().ifPresent(n -> AtomicFiles.write(directory.resolve("buses.csv"), w -> lines(w, "id,vm,vmLinear,price", out -> {
            for (NetworkOutcome.Bus b : n.buses()) {
                out.write(b.id() + "," + num(b.vm()) + "," + num(b.vmLinear()) + "," + num(b.price()) + "\n");
            }
        })));
    }

    /** Formats a number for a CSV cell: shortest exact decimal, empty when not finite. */
    public static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    interface Rows {
        void write(Writer w) throws IOException;
    }

    static void lines(Writer w, String header, Rows rows) {
        try {
            w.write(header + "\n");
            rows.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
