package org.peerclear.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Series;

/**
 * The CSV of profiles a version-2 case names in {@code "profiles"}: one header row of column
 * names, then one row of numbers per period; a first column named {@code period} is ignored.
 * Cells are split at commas (a header name may be enclosed in double quotes); every cell of a
 * row must be a finite number. Every problem names the field {@code profiles}, the file and the
 * line.
 */
final class ProfileTable {
    private static final String FIELD = "profiles";

    private final String file;
    private final Map<String, Series> columns;

    private ProfileTable(String file, Map<String, Series> columns) {
        this.file = file;
        this.columns = columns;
    }

    /** Reads {@code path}, which must have exactly {@code periods} rows of numbers. */
    static ProfileTable read(Path path, String named, int periods) {
        String file = named;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new InvalidMarketException(FIELD, file + " has no header row");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> names = new ArrayList<>();
            for (String cell : header.split(",", -1)) {
                names.add(unquote(cell.trim()));
            }
            int skip = names.get(0).toLowerCase(Locale.ROOT).equals("period") ? 1 : 0;
            List<double[]> rows = new ArrayList<>();
            int line = 1;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                String[] cells = row.split(",", -1);
                if (cells.length != names.size()) {
                    throw new InvalidMarketException(FIELD, file + " line " + line + " has " + cells.length
                            + " cells, the header has " + names.size());
                }
                double[] values = new double[names.size() - skip];
                for (int c = skip; c < cells.length; c++) {
                    values[c - skip] = number(cells[c].trim(), file, line, names.get(c));
                }
                rows.add(values);
            }
            if (rows.size() != periods) {
                throw new InvalidMarketException(FIELD, file + " has " + rows.size() + " rows of values but the case has "
                        + periods + " periods (a profile needs exactly one row per period)");
            }
            Map<String, Series> columns = new LinkedHashMap<>();
            for (int c = skip; c < names.size(); c++) {
                double[] column = new double[periods];
                for (int t = 0; t < periods; t++) {
                    column[t] = rows.get(t)[c - skip];
                }
                if (names.get(c).isEmpty() || columns.put(names.get(c), Series.of(column)) != null) {
                    throw new InvalidMarketException(FIELD, file + ": column " + (c + 1) + " has "
                            + (names.get(c).isEmpty() ? "no name" : "the name '" + names.get(c) + "' of an earlier column"));
                }
            }
            return new ProfileTable(file, columns);
        } catch (NoSuchFileException e) {
            throw new InvalidMarketException(FIELD, "no such file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + IoProblems.describe(e, path), e);
        }
    }

    private static double number(String cell, String file, int line, String column) {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the place, as for a non-finite number.
        }
        throw new InvalidMarketException(FIELD, file + " line " + line + ", column '" + column
                + "': must be a finite number, got '" + cell + "'");
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    }

    /** The column {@code name} times {@code scale}; {@code at} is the referring field, for the message. */
    Series column(String name, double scale, String at) {
        Series column = columns.get(name);
        if (column == null) {
            throw new InvalidMarketException(at, "no column '" + name + "' in " + file + " (columns: "
                    + String.join(", ", columns.keySet()) + ")");
        }
        return column.scaled(scale);
    }
}
