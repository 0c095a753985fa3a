package org.peerclear.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.peerclear.model.Grid;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.GridResult;
import org.peerclear.result.NetworkOutcome;

/**
 * Writes the tables of a {@link ClearingResult} as {@code agents.csv}, {@code assets.csv} and
 * {@code trades.csv} (and {@code buses.csv} with a network) in a folder (each file atomically).
 * Cells follow RFC 4180 ({@link Csv}): ids with commas, quotes or line breaks are quoted;
 * undefined numbers are empty cells.
 */
public final class ResultCsvWriter {
    private ResultCsvWriter() {
    }

    /**
     * Writes the result's tables into {@code directory}, replacing files of the same names.
     *
     * @param r         a result with a solution
     * @param directory an existing folder
     * @throws IllegalStateException if {@code r} has no solution (nothing to tabulate)
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static void write(ClearingResult r, Path directory) {
        write(r, directory, FileProgressListener.NONE);
    }

    /**
     * As {@link #write(ClearingResult, Path)}, telling {@code progress} how many rows of each file are out.
     *
     * @param r         a result with a solution
     * @param directory an existing folder
     * @param progress  told the rows written per file; {@link FileProgressListener#NONE} for no reports
     * @throws IllegalStateException if {@code r} has no solution
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static void write(ClearingResult r, Path directory, FileProgressListener progress) {
        if (!r.hasSolution()) {
            throw new IllegalStateException("No tables to write: status " + r.status());
        }
        // Only the grid has two prices besides its net one; other agents leave those cells empty.
        GridResult grid = r.grid().orElse(null);
        table(directory.resolve("agents.csv"), "id,p,price,importPrice,exportPrice", r.agents(), progress,
                a -> Csv.cell(a.id()) + "," + Csv.number(a.p()) + "," + Csv.number(a.price()) + ","
                        + (Grid.AGENT_ID.equals(a.id()) && grid != null ? Csv.number(grid.importPrice()) + "," + Csv.number(grid.exportPrice()) : ","));
        table(directory.resolve("assets.csv"), "id,p", r.assets(), progress,
                a -> Csv.cell(a.id()) + "," + Csv.number(a.p()));
        table(directory.resolve("trades.csv"), "from,to,quantity,price", r.trades(), progress,
                t -> Csv.cell(t.from()) + "," + Csv.cell(t.to()) + "," + Csv.number(t.quantity()) + "," + Csv.number(t.price()));
        r.network().ifPresent(n -> table(directory.resolve("buses.csv"), "id,vm,vmLinear,price", n.buses(), progress,
                (NetworkOutcome.Bus b) -> Csv.cell(b.id()) + "," + Csv.number(b.vm()) + "," + Csv.number(b.vmLinear()) + ","
                        + Csv.number(b.price())));
    }

    private static <T> void table(Path file, String header, List<T> rows, FileProgressListener progress, Function<T, String> line) {
        AtomicFiles.write(file, w -> {
            ProgressMeter meter = new ProgressMeter(progress, FileProgress.Action.WRITING, file, rows.size(), FileProgress.Unit.ROWS);
            try {
                w.write(header + "\n");
                for (T row : rows) {
                    w.write(line.apply(row));
                    w.write('\n');
                    meter.add(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            meter.finish();
        });
    }
}
