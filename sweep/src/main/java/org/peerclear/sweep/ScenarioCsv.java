package org.peerclear.sweep;

import java.nio.file.Path;
import java.util.List;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.Csv;

/**
 * {@code scenarios.csv}: one row per scenario, in the scenarios' order, numbers as Java's shortest exact decimal
 * ({@link Csv#number}: two engines' files are equal byte for byte but for the {@code seconds} column), empty where
 * a number does not apply.
 */
public final class ScenarioCsv {
    /** The file's name in the output folder. */
    public static final String FILE = "scenarios.csv";
    /** The header line, without its line feed. */
    public static final String HEADER = "id,status,welfare,meanPrice,tradedVolume,minVoltage,maxVoltage,losses,periods,error,seconds";

    private ScenarioCsv() {
    }

    /**
     * The file's text.
     *
     * @param rows the rows, in the scenarios' order
     * @return the header and one line per row, each ending in a line feed
     */
    public static String text(List<ScenarioRow> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (ScenarioRow r : rows) {
            b.append(Csv.cell(r.id())).append(',').append(r.status().name()).append(',')
                    .append(Csv.number(r.welfare())).append(',').append(Csv.number(r.meanPrice())).append(',')
                    .append(Csv.number(r.tradedVolume())).append(',').append(Csv.number(r.minVoltage())).append(',')
                    .append(Csv.number(r.maxVoltage())).append(',').append(Csv.number(r.losses())).append(',')
                    .append(r.periods()).append(',').append(Csv.cell(oneLine(r.error()))).append(',')
                    .append(Csv.number(r.seconds())).append('\n');
        }
        return b.toString();
    }

    /**
     * Writes {@code dir/scenarios.csv} atomically.
     *
     * @param rows the rows, in the scenarios' order
     * @param dir  an existing folder
     * @return the file written
     * @throws java.io.UncheckedIOException if it cannot be written, naming it
     */
    public static Path write(List<ScenarioRow> rows, Path dir) {
        Path file = dir.resolve(FILE);
        AtomicFiles.writeString(file, text(rows));
        return file;
    }

    /** Messages may quote user data with line breaks; a row stays one line. */
    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
