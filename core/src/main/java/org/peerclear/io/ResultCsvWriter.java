package org.peerclear.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.peerclear.result.AgentResult;
import org.peerclear.result.AssetResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.NetworkOutcome;
import org.peerclear.result.TradeResult;

/**
 * Writes the tables of a {@link ClearingResult} as {@code agents.csv}, {@code assets.csv} and
 * {@code trades.csv} (and {@code buses.csv} with a network) in a folder (each file atomically).
 * Cells follow RFC 4180 ({@link Csv}): ids with commas, quotes or line breaks are quoted;
 * undefined numbers are empty cells.
 */
public final class ResultCsvWriter {
    private ResultCsvWriter() {
    }

    public static void write(ClearingResult r, Path directory) {
        if (!r.hasSolution()) {
            throw new IllegalStateException("No tables to write: status " + r.status());
        }
        AtomicFiles.write(directory.resolve("agents.csv"), w -> lines(w, "id,p,price", out -> {
            for (AgentResult a : r.agents()) {
                out.write(Csv.cell(a.id()) + "," + Csv.number(a.p()) + "," + Csv.number(a.price()) + "\n");
            }
        }));
        AtomicFiles.write(directory.resolve("assets.csv"), w -> lines(w, "id,p", out -> {
            for (AssetResult a : r.assets()) {
                out.write(Csv.cell(a.id()) + "," + Csv.number(a.p()) + "\n");
            }
        }));
        AtomicFiles.write(directory.resolve("trades.csv"), w -> lines(w, "from,to,quantity,price", out -> {
            for (TradeResult t : r.trades()) {
                out.write(Csv.cell(t.from()) + "," + Csv.cell(t.to()) + "," + Csv.number(t.quantity()) + "," + Csv.number(t.price()) + "\n");
            }
        }));
        writeBuses(r, directory);
    }

    private static void writeBuses(ClearingResult r, Path directory) {
        r.network().ifPresent(n -> AtomicFiles.write(directory.resolve("buses.csv"), w -> lines(w, "id,vm,vmLinear,price", out -> {
            for (NetworkOutcome.Bus b : n.buses()) {
                out.write(Csv.cell(b.id()) + "," + Csv.number(b.vm()) + "," + Csv.number(b.vmLinear()) + "," + Csv.number(b.price()) + "\n");
            }
        })));
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
