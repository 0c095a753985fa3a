package org.peerclear.clearing.horizon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.index.MarketIndex;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.Csv;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.result.GridResult;
import org.peerclear.result.NetworkOutcome;

/**
 * Writes a horizon's result as the tables of {@code clear --csv}: the one-period files with a
 * {@code period} column first and one row per period and agent, asset, trade (and bus):
 * <ul>
 *   <li>{@code agents.csv}: {@code period,id,p,price,importPrice,exportPrice} (the grid's legs
 *       merged as agent {@code grid}, its three prices as a one-period result has them; the
 *       last two empty for other agents);</li>
 *   <li>{@code assets.csv}: {@code period,id,p,charge,discharge,energyStart,energyEnd}, the last
 *       four for storage and EVs only (the energy at the start and at the end of the period: the
 *       result's {@code energy[]}, T+1 values, as {@code energyStart} of every period and the
 *       {@code energyEnd} of the last);</li>
 *   <li>{@code trades.csv}: {@code period,from,to,quantity,price}, the pairs of the JSON
 *       result's {@code trades[]} (each pair once, from the side that sells in some period);</li>
 *   <li>with a feeder {@code buses.csv}: {@code period,id,vm,vmLinear,price} (AC and
 *       LinDistFlow voltage, network price).</li>
 * </ul>
 * Each file is written atomically; cells as {@link Csv}.
 */
public final class HorizonCsvWriter {
    private HorizonCsvWriter() {
    }

    /**
     * Writes the tables into a folder, replacing files of the same names.
     *
     * @param market    the market over several periods that was cleared, for ids and the grid's prices
     * @param h         its horizon as cleared ({@link org.peerclear.clearing.horizon.model.Horizons#of})
     * @param r         the result, with a solution
     * @param directory the folder, which must exist
     * @throws IllegalStateException if the result has no solution
     * @throws UncheckedIOException  if a file cannot be written, naming it
     */
    public static void write(HorizonMarket market, Horizon h, HorizonResult r, Path directory) {
        if (!r.hasSolution()) {
            throw new IllegalStateException("No tables to write: status " + r.status());
        }
        MarketIndex ix = h.periods().get(0);
        int tEnd = h.length();
        table(directory.resolve("agents.csv"), "period,id,p,price,importPrice,exportPrice", w -> {
            for (int t = 0; t < tEnd; t++) {
                for (int n = 0; n < ix.firstGridLeg(); n++) {
                    row(w, t, Csv.cell(ix.agentId(n)), Csv.number(HorizonResultWriter.agentPower(ix, r, t, n)),
                            Csv.number(r.agentPrices()[t][n]), "", "");
                }
                if (ix.numGridLegs() > 0) {
                    GridResult g = HorizonResultWriter.grid(market, h, r, t);
                    row(w, t, Grid.AGENT_ID, Csv.number(g.p()), Csv.number(g.price()), Csv.number(g.importPrice()),
                            Csv.number(g.exportPrice()));
                }
            }
        });
        int[] store = HorizonResultWriter.storeOf(h);
        table(directory.resolve("assets.csv"), "period,id,p,charge,discharge,energyStart,energyEnd", w -> {
            for (int t = 0; t < tEnd; t++) {
                for (int s = 0; s < ix.assetStart()[ix.firstGridLeg()]; s++) {
                    String p = Csv.number(r.assetPower()[t][s]);
                    int k = store[s];
                    if (k < 0) {
                        row(w, t, Csv.cell(ix.assetId(s)), p, "", "", "", "");
                        continue;
                    }
                    StorageLink link = h.storages().get(k);
                    boolean connected = t >= link.from() && t < link.to();
                    row(w, t, Csv.cell(ix.assetId(s)), p,
                            Csv.number(connected ? r.charge()[k][t - link.from()] : 0.0),
                            Csv.number(connected ? r.discharge()[k][t - link.from()] : 0.0),
                            Csv.number(HorizonResultWriter.energyAt(link, r.energy()[k], t)),
                            Csv.number(HorizonResultWriter.energyAt(link, r.energy()[k], t + 1)));
                }
            }
        });
        table(directory.resolve("trades.csv"), "period,from,to,quantity,price", w -> {
            for (int t = 0; t < tEnd; t++) {
                for (int k = 0; k < ix.numArcs(); k++) {
                    if (HorizonResultWriter.sellsInSomePeriod(r, k)) {
                        row(w, t, Csv.cell(ix.agentId(ix.from()[k])), Csv.cell(ix.agentId(ix.to()[k])),
                                Csv.number(r.trades()[t][k]), Csv.number(r.tradePrices()[t][k]));
                    }
                }
            }
        });
        if (!r.network().isEmpty()) {
            table(directory.resolve("buses.csv"), "period,id,vm,vmLinear,price", w -> {
                for (int t = 0; t < tEnd; t++) {
                    for (NetworkOutcome.Bus b : r.network().get(t).buses()) {
                        row(w, t, Csv.cell(b.id()), Csv.number(b.vm()), Csv.number(b.vmLinear()), Csv.number(b.price()));
                    }
                }
            });
        }
    }

    /** The rows of one table; an I/O failure is unchecked, and {@link AtomicFiles} names the file. */
    interface Rows {
        void write(Writer w) throws IOException;
    }

    static void table(Path file, String header, Rows rows) {
        AtomicFiles.write(file, w -> {
            try {
                w.write(header);
                w.write('\n');
                rows.write(w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One row: the period, then the cells (already formatted). */
    static void row(Writer w, int period, String... cells) throws IOException {
        w.write(Integer.toString(period));
        for (String c : cells) {
            w.write(',');
            w.write(c);
        }
        w.write('\n');
    }
}
