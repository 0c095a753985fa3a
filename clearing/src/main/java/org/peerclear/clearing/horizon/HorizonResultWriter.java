package org.peerclear.clearing.horizon;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.core.JsonGenerator;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.index.MarketIndex;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.JsonOutput;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.GridResult;
import org.peerclear.result.IndexedResults;
import org.peerclear.result.NetworkOutcome;

/**
 * Writes a horizon's result as the market-case-v2 result of a case with several periods:
 * {@code agents[] {id, p[], price[]}} (the grid's legs merged as agent {@code grid} as in a
 * one-period result: its price is that of its net position, null where it is balanced),
 * {@code assets[] {id, p[]}} and, for storage and EVs, {@code energy[]} (T+1 entries: held before
 * connection, kept after), {@code charge[]}, {@code discharge[]}; {@code trades[] {from, to,
 * quantity[], price[]}} for the pairs that trade in some period; with a feeder {@code buses[]
 * {id, vm[], price[]}} (AC voltage, network price component), {@code branches[] {from, to, p[], q[],
 * loss[]}} (AC flow at the sending end and loss, kW and kvar), {@code losses[]} (kW) and the limits
 * {@code vMin}, {@code vMax} (pu). {@code objective} and {@code welfare} are totals.
 */
public final class HorizonResultWriter {
    private HorizonResultWriter() {
    }

    /**
     * Writes {@code r} to {@code file} (atomically). {@code method} is the clearing method that
     * ran ({@code auto}, {@code lp}, {@code qp}, ...), as a one-period result names it: the result
     * does not know it, since one horizon problem serves every centralised method.
     *
     * @param market the market over several periods that was cleared, for ids and units
     * @param h      its horizon as cleared
     * @param r      the result; without a solution its point is left out (status, message, totals only)
     * @param method the clearing method's name
     * @param file   the file to create or replace; its folder must exist
     * @throws java.io.UncheckedIOException if the file cannot be written, naming it
     */
    public static void write(HorizonMarket market, Horizon h, HorizonResult r, String method, Path file) {
        write(market, h, r, method, Map.of(), file);
    }

    /**
     * As {@link #write(HorizonMarket, Horizon, HorizonResult, String, Path)}, with the named
     * options the run used ({@code ClearingSettings.read(options).toMap()}), written in their order
     * as the result's {@code options}.
     *
     * @param market  the market over several periods that was cleared, for ids and units
     * @param h       its horizon as cleared
     * @param r       the result; without a solution its point is left out (status, message, totals only)
     * @param method  the clearing method's name
     * @param options option name to value as text, in the order to write them
     * @param file    the file to create or replace; its folder must exist
     * @throws java.io.UncheckedIOException if the file cannot be written, naming it
     */
    public static void write(HorizonMarket market, Horizon h, HorizonResult r, String method, Map<String, String> options,
                             Path file) {
        AtomicFiles.write(file, w -> write(market, h, r, method, options, w));
    }

    /**
     * As {@link #write(HorizonMarket, Horizon, HorizonResult, String, Path)}, to {@code out}.
     *
     * @param market the market over several periods that was cleared, for ids and units
     * @param h      its horizon as cleared
     * @param r      the result; without a solution its point is left out (status, message, totals only)
     * @param method the clearing method's name
     * @param out    receives the JSON document and a final newline; flushed, not closed
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(HorizonMarket market, Horizon h, HorizonResult r, String method, Writer out) {
        write(market, h, r, method, Map.of(), out);
    }

    /**
     * As {@link #write(HorizonMarket, Horizon, HorizonResult, String, Map, Path)}, to {@code out}.
     *
     * @param market  the market over several periods that was cleared, for ids and units
     * @param h       its horizon as cleared
     * @param r       the result; without a solution its point is left out (status, message, totals only)
     * @param method  the clearing method's name
     * @param options option name to value as text, in the order to write them
     * @param out     receives the JSON document and a final newline; flushed, not closed
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(HorizonMarket market, Horizon h, HorizonResult r, String method, Map<String, String> options,
                             Writer out) {
        JsonOutput.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("market", market.name());
            g.writeStringField("status", r.status().name());
            g.writeStringField("message", r.message());
            JsonOutput.number(g, "objective", r.objective());
            JsonOutput.number(g, "welfare", r.welfare());
            g.writeStringField("method", method);
            g.writeStringField("solver", r.solver());
            JsonOutput.number(g, "seconds", r.seconds());
            g.writeNumberField("periods", h.length());
            g.writeObjectFieldStart("units");
            g.writeStringField("power", market.units().power());
            g.writeStringField("currency", market.units().currency());
            g.writeNumberField("periodHours", market.units().periodHours());
            g.writeEndObject();
            if (r.hasSolution()) {
                agents(g, market, h, r);
                assets(g, h, r);
                trades(g, h, r);
                network(g, r);
            }
            g.writeObjectFieldStart("options");
            for (Map.Entry<String, String> e : options.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void agents(JsonGenerator g, HorizonMarket market, Horizon h, HorizonResult r) throws IOException {
        MarketIndex ix = h.periods().get(0);
        int tEnd = h.length();
        g.writeArrayFieldStart("agents");
        for (int n = 0; n < ix.firstGridLeg(); n++) {
            double[] p = new double[tEnd];
            double[] price = new double[tEnd];
            for (int t = 0; t < tEnd; t++) {
                p[t] = agentPower(ix, r, t, n);
                price[t] = r.agentPrices()[t][n];
            }
            agent(g, ix.agentId(n), p, price);
        }
        if (ix.numGridLegs() > 0) {
            double[] p = new double[tEnd];
            double[] price = new double[tEnd];
            for (int t = 0; t < tEnd; t++) {
                GridResult grid = grid(market, h, r, t);
                p[t] = grid.p();
                price[t] = grid.price();
            }
            agent(g, Grid.AGENT_ID, p, price);
        }
        g.writeEndArray();
    }

    private static void agent(JsonGenerator g, String id, double[] p, double[] price) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        JsonOutput.numbers(g, "p", p);
        JsonOutput.numbers(g, "price", price);
        g.writeEndObject();
    }

    private static void assets(JsonGenerator g, Horizon h, HorizonResult r) throws IOException {
        MarketIndex ix = h.periods().get(0);
        int tEnd = h.length();
        int[] store = storeOf(h);
        g.writeArrayFieldStart("assets");
        for (int s = 0; s < ix.assetStart()[ix.firstGridLeg()]; s++) {
            g.writeStartObject();
            g.writeStringField("id", ix.assetId(s));
            double[] p = new double[tEnd];
            for (int t = 0; t < tEnd; t++) {
                p[t] = r.assetPower()[t][s];
            }
            JsonOutput.numbers(g, "p", p);
            if (store[s] >= 0) {
                int k = store[s];
                StorageLink link = h.storages().get(k);
                double[] energy = new double[tEnd + 1];
                double[] charge = new double[tEnd];
                double[] discharge = new double[tEnd];
                for (int t = 0; t <= tEnd; t++) {
                    energy[t] = energyAt(link, r.energy()[k], t);
                    if (t < tEnd && t >= link.from() && t < link.to()) {
                        charge[t] = r.charge()[k][t - link.from()];
                        discharge[t] = r.discharge()[k][t - link.from()];
                    }
                }
                JsonOutput.numbers(g, "energy", energy);
                JsonOutput.numbers(g, "charge", charge);
                JsonOutput.numbers(g, "discharge", discharge);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void trades(JsonGenerator g, Horizon h, HorizonResult r) throws IOException {
        MarketIndex ix = h.periods().get(0);
        int tEnd = h.length();
        g.writeArrayFieldStart("trades");
        for (int k = 0; k < ix.numArcs(); k++) {
            if (!sellsInSomePeriod(r, k)) {
                continue;
            }
            double[] q = new double[tEnd];
            double[] price = new double[tEnd];
            for (int t = 0; t < tEnd; t++) {
                q[t] = r.trades()[t][k];
                price[t] = r.tradePrices()[t][k];
            }
            g.writeStartObject();
            g.writeStringField("from", ix.agentId(ix.from()[k]));
            g.writeStringField("to", ix.agentId(ix.to()[k]));
            JsonOutput.numbers(g, "quantity", q);
            JsonOutput.numbers(g, "price", price);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Agent {@code n}'s net injection in period {@code t}: the sum over its assets. */
    static double agentPower(MarketIndex ix, HorizonResult r, int t, int n) {
        double p = 0;
        for (int s = ix.assetStart()[n]; s < ix.assetStart()[n + 1]; s++) {
            p += r.assetPower()[t][s];
        }
        return p;
    }

    /**
     * The grid's side of period {@code t}, its legs merged exactly as a one-period result merges
     * them ({@link ClearingResult#grid}): net injection, the price of its net position, and the
     * prices at which it sold and bought (NaN where it did not).
     */
    static GridResult grid(HorizonMarket market, Horizon h, HorizonResult r, int t) {
        return IndexedResults.solution(IndexedResults.builder(market.period(t), h.periods().get(t)).status(r.status(), r.message()),
                r.assetPower()[t], r.trades()[t], r.agentPrices()[t], r.tradePrices()[t]).build().grid().orElseThrow();
    }

    /** Per asset, the index of its storage link in {@code h}, or −1 for an asset without memory. */
    static int[] storeOf(Horizon h) {
        int[] store = new int[h.periods().get(0).numAssets()];
        java.util.Arrays.fill(store, -1);
        for (int k = 0; k < h.storages().size(); k++) {
            store[h.storages().get(k).asset()] = k;
        }
        return store;
    }

    /**
     * A store's energy at the start of period {@code t} (t = T: at the end) from its energies over
     * its connection: before it connects it holds its initial energy, after it leaves what it left with.
     */
    static double energyAt(StorageLink link, double[] energy, int t) {
        return energy[Math.min(Math.max(t - link.from(), 0), link.to() - link.from())];
    }

    /** Each pair once, from the side that sells in some period (the other arc carries the opposite). */
    static boolean sellsInSomePeriod(HorizonResult r, int arc) {
        for (double[] periodTrades : r.trades()) {
            if (periodTrades[arc] > 0) {
                return true;
            }
        }
        return false;
    }

    private static void network(JsonGenerator g, HorizonResult r) throws IOException {
        if (r.network().isEmpty()) {
            return;
        }
        int tEnd = r.network().size();
        g.writeArrayFieldStart("buses");
        for (int b = 0; b < r.network().get(0).buses().size(); b++) {
            double[] vm = new double[tEnd];
            double[] price = new double[tEnd];
            for (int t = 0; t < tEnd; t++) {
                vm[t] = r.network().get(t).buses().get(b).vm();
                price[t] = r.network().get(t).buses().get(b).price();
            }
            g.writeStartObject();
            g.writeStringField("id", r.network().get(0).buses().get(b).id());
            JsonOutput.numbers(g, "vm", vm);
            JsonOutput.numbers(g, "price", price);
            g.writeEndObject();
        }
        g.writeEndArray();
        // The AC flows per period, as a one-period result writes them: the settlement's energy statement
        // measures the grid's side at the substation from them.
        g.writeArrayFieldStart("branches");
        for (int l = 0; l < r.network().get(0).branches().size(); l++) {
            double[] p = new double[tEnd];
            double[] q = new double[tEnd];
            double[] loss = new double[tEnd];
            for (int t = 0; t < tEnd; t++) {
                NetworkOutcome.Branch br = r.network().get(t).branches().get(l);
                p[t] = br.p();
                q[t] = br.q();
                loss[t] = br.pLoss();
            }
            g.writeStartObject();
            g.writeStringField("from", r.network().get(0).branches().get(l).from());
            g.writeStringField("to", r.network().get(0).branches().get(l).to());
            JsonOutput.numbers(g, "p", p);
            JsonOutput.numbers(g, "q", q);
            JsonOutput.numbers(g, "loss", loss);
            g.writeEndObject();
        }
        g.writeEndArray();
        double[] losses = new double[tEnd];
        for (int t = 0; t < tEnd; t++) {
            NetworkOutcome ac = r.network().get(t);
            losses[t] = ac.lossesKw();
        }
        JsonOutput.numbers(g, "losses", losses);
        // The feeder's limits, so that a picture of the voltages can show them without the case.
        JsonOutput.number(g, "vMin", r.network().get(0).vMin());
        JsonOutput.number(g, "vMax", r.network().get(0).vMax());
    }
}
