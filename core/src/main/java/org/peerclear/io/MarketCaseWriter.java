package org.peerclear.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Ev;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonTrades;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Series;
import org.peerclear.model.Shiftable;
import org.peerclear.model.Storage;
import org.peerclear.model.Units;

/**
 * Writes a {@link Market} as a version-1 market case, and a {@link HorizonMarket} as a version-2
 * one, that {@link MarketCaseReader} reads back into an equal market. Output is deterministic
 * (field order fixed, numbers in Java's shortest exact decimal form), so the same market always
 * gives the same bytes. A horizon's per-period numbers are written as inline arrays (never as a
 * profiles file), its constant ones as numbers.
 */
public final class MarketCaseWriter {
    private MarketCaseWriter() {
    }

    /**
     * The market as case text: version 1, or version 2 when it has integer rules, product classes or a network tariff.
     *
     * @param market the market
     * @return the document, ending in a newline; {@link MarketCaseReader#read(String, Path)} reads it back equal
     */
    public static String toJson(Market market) {
        return text(w -> write(market, w));
    }

    /**
     * Writes the market as a case file, atomically.
     *
     * @param market the market
     * @param file   the file to create or replace
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Market market, Path file) {
        AtomicFiles.write(file, w -> write(market, w));
    }

    /**
     * Writes the market as case text to {@code out}, left open.
     *
     * @param market the market
     * @param out    the target
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(Market market, Writer out) {
        JsonOutput.write(out, g -> {
            // Integer rules, classes and network tariffs exist from version 2 on; without them a market writes as version 1.
            boolean v2 = CaseRulesWriter.needsVersion2(market);
            header(g, v2 ? MarketCaseReader.HORIZON_VERSION : MarketCaseReader.VERSION, market.name(), market.units());
            if (v2) {
                CaseRulesWriter.classes(g, market);
            }
            g.writeArrayFieldStart("agents");
            for (Agent a : market.agents()) {
                agentStart(g, a.id(), a.bus(), a.productClass());
                for (Asset s : a.assets()) {
                    g.writeStartObject();
                    g.writeStringField("id", s.id());
                    g.writeNumberField("pMin", s.pMin());
                    g.writeNumberField("pMax", s.pMax());
                    g.writeNumberField("a", s.a());
                    g.writeNumberField("b", s.b());
                    CaseRulesWriter.asset(g, market, s.id());
                    g.writeEndObject();
                }
                g.writeEndArray();
                CaseRulesWriter.premiums(g, market, a.id());
                g.writeEndObject();
            }
            g.writeEndArray();
            // A constant trade graph and grid write as the numbers of version 1.
            rest(g, HorizonTrades.of(market.tradeGraph()), market.communities(),
                    market.grid().map(HorizonGrid::of).orElse(null), market.network().orElse(null), market);
        });
    }

    /**
     * The horizon as version-2 case text, even with one period.
     *
     * @param market the horizon
     * @return the document, ending in a newline; {@link MarketCaseReader#readHorizon(String, Path)} reads it back equal
     */
    public static String toJson(HorizonMarket market) {
        return text(w -> write(market, w));
    }

    private static String text(java.util.function.Consumer<Writer> write) {
        StringWriter w = new StringWriter();
        write.accept(w);
        return w.toString();
    }

    /**
     * Writes the horizon as a version-2 case file, atomically.
     *
     * @param market the horizon
     * @param file   the file to create or replace
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(HorizonMarket market, Path file) {
        AtomicFiles.write(file, w -> write(market, w));
    }

    /**
     * Writes the horizon as version-2 case text to {@code out}, left open, even with one period.
     *
     * @param market the horizon
     * @param out    the target
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(HorizonMarket market, Writer out) {
        JsonOutput.write(out, g -> {
            header(g, MarketCaseReader.HORIZON_VERSION, market.name(), market.units());
            g.writeNumberField("periods", market.periods());
            g.writeArrayFieldStart("agents");
            for (HorizonAgent a : market.agents()) {
                agentStart(g, a.id(), a.bus(), a.productClass());
                for (HorizonAsset s : a.assets()) {
                    asset(g, s, market.rampMax());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            rest(g, market.trades(), market.communities(), market.grid().orElse(null), market.network().orElse(null), null);
        });
    }

    private static void header(JsonGenerator g, int version, String name, Units units) throws IOException {
        header(g, MarketCaseReader.FORMAT, version, name, units);
    }

    /** Opens a document (a case or an order file) with its format, version, name and units. */
    static void header(JsonGenerator g, String format, int version, String name, Units units) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", format);
        g.writeNumberField("version", version);
        // The readers take a name as a non-empty string: an unnamed document is written without one.
        if (!name.isEmpty()) {
            g.writeStringField("name", name);
        }
        g.writeObjectFieldStart("units");
        g.writeStringField("power", units.power());
        g.writeStringField("currency", units.currency());
        g.writeNumberField("periodHours", units.periodHours());
        g.writeEndObject();
    }

    /** Opens an agent's object and its assets array. */
    private static void agentStart(JsonGenerator g, String id, String bus, String productClass) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        if (bus != null) {
            g.writeStringField("bus", bus);
        }
        if (productClass != null) {
            g.writeStringField("class", productClass);
        }
        g.writeArrayFieldStart("assets");
    }

    private static void asset(JsonGenerator g, HorizonAsset s, Map<String, Double> rampMax) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        if (s instanceof FlexibleAsset f) {
            series(g, "pMin", f.pMin());
            series(g, "pMax", f.pMax());
            series(g, "a", f.a());
            series(g, "b", f.b());
            if (rampMax.containsKey(f.id())) {
                g.writeNumberField("rampMax", rampMax.get(f.id()));
            }
        } else {
            g.writeStringField("type", s.type());
        }
        if (s instanceof Storage st) {
            energyStore(g, st.energyMin(), st.energyMax(), st.energyInitial());
            if (st.hasEnergyFinal()) {
                g.writeNumberField("energyFinal", st.energyFinal());
            }
            powers(g, st.chargeMax(), st.dischargeMax(), st.chargeEfficiency(), st.dischargeEfficiency(), st.cycleCost());
        } else if (s instanceof Ev e) {
            energyStore(g, e.energyMin(), e.energyMax(), e.energyInitial());
            g.writeNumberField("energyRequired", e.energyRequired());
            powers(g, e.chargeMax(), e.dischargeMax(), e.chargeEfficiency(), e.dischargeEfficiency(), e.cycleCost());
            g.writeNumberField("arrival", e.arrival());
            g.writeNumberField("departure", e.departure());
        } else if (s instanceof Shiftable h) {
            g.writeNumberField("energy", h.energy());
            g.writeNumberField("pMax", h.pMax());
            g.writeNumberField("windowStart", h.windowStart());
            g.writeNumberField("windowEnd", h.windowEnd());
        }
        g.writeEndObject();
    }

    private static void energyStore(JsonGenerator g, double energyMin, double energyMax, double energyInitial) throws IOException {
        g.writeNumberField("energyMin", energyMin);
        g.writeNumberField("energyMax", energyMax);
        g.writeNumberField("energyInitial", energyInitial);
    }

    private static void powers(JsonGenerator g, double chargeMax, double dischargeMax, double chargeEfficiency,
                               double dischargeEfficiency, double cycleCost) throws IOException {
        g.writeNumberField("chargeMax", chargeMax);
        g.writeNumberField("dischargeMax", dischargeMax);
        g.writeNumberField("chargeEfficiency", chargeEfficiency);
        g.writeNumberField("dischargeEfficiency", dischargeEfficiency);
        g.writeNumberField("cycleCost", cycleCost);
    }

    /** A number when constant, else the array of per-period values. */
    private static void series(JsonGenerator g, String field, Series s) throws IOException {
        if (s.isConstant()) {
            g.writeNumberField(field, s.at(0));
            return;
        }
        g.writeArrayFieldStart(field);
        for (int t = 0; t < s.length(); t++) {
            g.writeNumber(s.at(t));
        }
        g.writeEndArray();
    }

    /** Trades, communities, grid and network, and the case's closing brace. */
    private static void rest(JsonGenerator g, HorizonTrades trades, List<Community> communities, HorizonGrid grid,
                             NetworkSpec network, Market rules) throws IOException {
        writeTrades(g, trades, rules);
        if (!communities.isEmpty()) {
            g.writeArrayFieldStart("communities");
            for (Community c : communities) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("manager", c.manager());
                g.writeArrayFieldStart("members");
                for (String m : c.members()) {
                    g.writeString(m);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (grid != null) {
            g.writeObjectFieldStart("grid");
            if (grid.bus() != null) {
                g.writeStringField("bus", grid.bus());
            }
            series(g, "importPrice", grid.importPrice());
            series(g, "exportPrice", grid.exportPrice());
            // An absent limit is no limit (+∞), which JSON cannot write.
            if (!grid.importMax().equals(Series.constant(Double.POSITIVE_INFINITY))) {
                series(g, "importMax", grid.importMax());
            }
            if (!grid.exportMax().equals(Series.constant(Double.POSITIVE_INFINITY))) {
                series(g, "exportMax", grid.exportMax());
            }
            g.writeEndObject();
        }
        if (network != null) {
            networkStart(g, network);
            if (rules != null) {
                CaseRulesWriter.tariff(g, rules.networkTariff());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Opens the {@code network} object and writes its feeder, limits and ratings; the caller closes it. */
    static void networkStart(JsonGenerator g, NetworkSpec network) throws IOException {
        g.writeObjectFieldStart("network");
        g.writeStringField("case", network.feeder());
        g.writeNumberField("vMin", network.vMin());
        g.writeNumberField("vMax", network.vMax());
        if (!network.ratings().isEmpty()) {
            g.writeArrayFieldStart("ratings");
            for (NetworkSpec.BranchRating r : network.ratings()) {
                g.writeStartObject();
                g.writeStringField("from", r.from());
                g.writeStringField("to", r.to());
                g.writeNumberField("pMax", r.pMax());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void writeTrades(JsonGenerator g, HorizonTrades t, Market rules) throws IOException {
        g.writeObjectFieldStart("trades");
        switch (t.kind()) {
            case COMPLETE:
                g.writeStringField("graph", "complete");
                break;
            case NONE:
                g.writeStringField("graph", "none");
                break;
            default:
                g.writeArrayFieldStart("graph");
                for (List<String> p : t.pairs()) {
                    g.writeStartArray();
                    g.writeString(p.get(0));
                    g.writeString(p.get(1));
                    g.writeEndArray();
                }
                g.writeEndArray();
        }
        series(g, "fee", t.fee());
        if (!t.overrides().isEmpty()) {
            g.writeArrayFieldStart("arcs");
            for (HorizonTrades.ArcGamma a : t.overrides()) {
                g.writeStartObject();
                g.writeStringField("from", a.from());
                g.writeStringField("to", a.to());
                series(g, "gamma", a.gamma());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (rules != null && rules.integerRules().minQuantity() > 0) {
            g.writeNumberField("minQuantity", rules.integerRules().minQuantity());
        }
        g.writeEndObject();
    }
}
