package org.peerclear.io;

import static org.peerclear.io.JsonFields.array;
import static org.peerclear.io.JsonFields.asText;
import static org.peerclear.io.JsonFields.kind;
import static org.peerclear.io.JsonFields.number;
import static org.peerclear.io.JsonFields.object;
import static org.peerclear.io.JsonFields.onlyKnown;
import static org.peerclear.io.JsonFields.optionalNumber;
import static org.peerclear.io.JsonFields.optionalText;
import static org.peerclear.io.JsonFields.join;
import static org.peerclear.io.JsonFields.required;
import static org.peerclear.io.JsonFields.text;
import static org.peerclear.io.JsonFields.unknownField;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Ev;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonTrades;
import org.peerclear.model.IntegerRuleSpec;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.NetworkTariff;
import org.peerclear.model.ProductClasses;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Series;
import org.peerclear.model.Shiftable;
import org.peerclear.model.Storage;
import org.peerclear.model.TradeGraph;
import org.peerclear.model.Units;

/**
 * Parses one market case from a stream of JSON tokens, never holding a tree of the whole
 * document: the large arrays (agents, trade pairs, arc overrides) are read one element at a
 * time. Small parts (units, grid, network, communities, one agent with its assets) are read as
 * trees and checked by {@link JsonFields}. Pairs and arc overrides, which make up most of a
 * large case, are read token by token; one that is not plainly valid is rebuilt as a tree and
 * handed to the same checks, so every message is the one the rules give (the reader's tests
 * pin them).
 *
 * <p>Top-level fields are checked as they come (format and version at once, so a file of another
 * kind fails at its first lines); missing ones at the end. Agent ids met again in pairs and arcs
 * are replaced by the agent's own string, so a large case keeps one copy of each id.
 *
 * <p>Version 2 (time): JSON fields may come in any order, so the number of periods and the
 * profiles file may come after the agents that use them. The parse therefore keeps what needs
 * them unresolved ({@link Value}: an array of any length, a profile reference) and resolves it
 * once the document is read ({@link #horizon()}); an agent whose assets are all plain numbers is
 * an {@link Agent} at once, as in version 1, so a version-1 case costs what it did. Fields that
 * only version 2 has are noted as they come and refused in a version-1 case (at once when the
 * version came first, else at the end), naming the version that introduced them.
 */
final class CaseParser {
    static final Set<String> TOP = Set.of("format", "version", "name", "units", "agents", "trades",
            "communities", "grid", "network", "periods", "profiles", "classes", "classMarkets", "options");
    private static final Set<String> UNITS = Set.of("power", "currency", "periodHours");
    private static final Set<String> AGENT = Set.of("id", "bus", "class", "assets", "premiums");
    private static final Set<String> TYPES = Set.of("flexible", "storage", "ev", "shiftable");
    private static final Set<String> FLEXIBLE = Set.of("id", "type", "pMin", "pMax", "a", "b", "rampMax", "minStable", "block");
    private static final Set<String> STORAGE = Set.of("id", "type", "energyMin", "energyMax", "energyInitial", "energyFinal",
            "chargeMax", "dischargeMax", "chargeEfficiency", "dischargeEfficiency", "cycleCost", "minStable", "block");
    private static final Set<String> EV = Set.of("id", "type", "energyMin", "energyMax", "energyInitial", "energyRequired",
            "chargeMax", "dischargeMax", "chargeEfficiency", "dischargeEfficiency", "cycleCost", "arrival", "departure",
            "minStable", "block");
    private static final Set<String> SHIFTABLE = Set.of("id", "type", "energy", "pMax", "windowStart", "windowEnd",
            "minStable", "block");
    private static final Set<String> PROFILE = Set.of("profile", "scale");
    private static final Set<String> TRADES = Set.of("graph", "fee", "arcs", "minQuantity");
    private static final Set<String> ARC = Set.of("from", "to", "gamma");
    private static final Set<String> COMMUNITY = Set.of("id", "manager", "members");
    private static final Set<String> GRID = Set.of("bus", "importPrice", "exportPrice", "importMax", "exportMax");
    private static final Set<String> NETWORK = Set.of("case", "vMin", "vMax", "ratings", "charges", "losses", "lossAware",
            "tightenToAc");
    private static final Set<String> RATING = Set.of("from", "to", "pMax");

    private final JsonParser p;
    private final ObjectMapper mapper;
    private final Path baseDirectory;
    private final String document;
    private final Map<String, String> ids = new HashMap<>();

    // What the document held, for market() and horizon().
    private ObjectNode root;
    /** {@link Agent}s, and {@link RawAgent}s for agents with per-period numbers or typed assets. */
    private List<Object> agents;
    private boolean tradesGiven;
    private TradeGraph.Kind tradeKind = TradeGraph.Kind.COMPLETE;
    private List<List<String>> pairs = List.of();
    private Value fee = Value.number(0.0, "trades.fee");
    private List<Arc> arcs = List.of();
    /** Arc overrides (by index) whose gamma is per period; their {@link Arc} holds a placeholder 0. */
    private final Map<Integer, Value> arcSeries = new HashMap<>();
    private final Map<String, Double> ramps = new LinkedHashMap<>();
    /** The version, once read (0 before). */
    private int version;
    /** The first version-2 field met (its path, and what it is), or null. */
    private String v2Field;
    private String v2What;
    // Integer rules and classes as written (version 2).
    private final Map<String, Double> minStable = new LinkedHashMap<>();
    private final Set<String> block = new java.util.LinkedHashSet<>();
    private double minQuantity;
    private final Map<String, Map<String, Double>> premiums = new LinkedHashMap<>();
    /** Agent id → class label, for the check that a version-2 label is declared. */
    private final Map<String, String> labels = new LinkedHashMap<>();
    /** The path of the first integer rule or premium met, or null. */
    private String firstRule;

    /**
     * A number of a version-2 case as written: a number, an array of per-period values (of any
     * length: the horizon checks it), or a column of the profiles file times a scale. {@code at}
     * is its field's path.
     */
    private record Value(double number, double[] values, String profile, double scale, String at) {
        static Value number(double v, String at) {
            return new Value(v, null, null, 1.0, at);
        }

        boolean plain() {
            return values == null && profile == null;
        }
    }

    /** An agent with assets that need the horizon: {@link Asset}, {@link RawFlexible} or {@link RawTyped}. */
    private record RawAgent(String id, String bus, String productClass, List<Object> assets) {
    }

    /** A storage, EV or shiftable asset as written. */
    private record RawTyped(JsonNode node, String type, String agentId, String id, String at) {
        HorizonAsset build() {
            return typed(node, type, agentId, id, at);
        }
    }

    /** A flexible asset with a per-period number. */
    private record RawFlexible(String id, Value pMin, Value pMax, Value a, Value b) {
    }

    /**
     * @param mapper reads small subtrees; it must not fail on trailing tokens (it reads one value
     *     in the middle of the document)
     * @param document what whole-document problems are reported against: "(file)" or a path
     */
    CaseParser(JsonParser p, ObjectMapper mapper, Path baseDirectory, String document) {
        this.p = p;
        this.mapper = mapper;
        this.baseDirectory = baseDirectory;
        this.document = document;
    }

    /** Reads the whole document; then {@link #market()} or {@link #horizon()} builds what it says. */
    CaseParser parse() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new InvalidMarketException(document, "is empty");
        }
        if (t != JsonToken.START_OBJECT) {
            object(tree(), document);
        }
        ObjectNode small = mapper.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "agents" -> agents = agents();
                case "trades" -> trades();
                default -> {
                    if (!TOP.contains(field)) {
                        throw unknownField("", field, TOP);
                    }
                    small.set(field, tree());
                    switch (field) {
                        case "format" -> format(small);
                        case "version" -> version(small);
                        case "periods", "profiles" -> v2(field, "the field '" + field + "'");
                        case "classes", "classMarkets" -> v2(field, "the field '" + field + "'");
                        default -> { }
                    }
                }
            }
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new InvalidMarketException(document, "not valid JSON: unexpected " + after.asString()
                    + " after the end of the case" + JsonFields.at(p.currentLocation()));
        }
        root = small;
        format(root);
        version(root);
        if (agents == null) {
            throw new InvalidMarketException("agents", "is required");
        }
        return this;
    }

    /** The case as it is: one period's market, or the horizon when it needs one. */
    MarketCaseReader.Case either() {
        if (plain()) {
            return new MarketCaseReader.Case(market(), null, options());
        }
        HorizonMarket h = horizon();
        return h.needsHorizon() ? new MarketCaseReader.Case(null, h, options()) : new MarketCaseReader.Case(h.period(0), null, options());
    }

    /** The case as a horizon, with its options. */
    MarketCaseReader.Case horizonCase() {
        return new MarketCaseReader.Case(null, horizon(), options());
    }

    /**
     * The optional {@code options} block as written: option names to their values as text, in
     * the file's order. The names and values are checked by whoever applies them (the reader
     * does not know the options), naming the field {@code options.NAME}.
     */
    private Map<String, String> options() {
        JsonNode o = root.get("options");
        if (o == null) {
            return Map.of();
        }
        if (!o.isObject()) {
            throw new InvalidMarketException("options", "must be an object of option names to values, got " + JsonFields.kind(o));
        }
        Map<String, String> m = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw new InvalidMarketException("options." + e.getKey(), "must be a number, true, false or a string, got "
                        + JsonFields.kind(v));
            }
            m.put(e.getKey(), v.asText());
        });
        return m;
    }

    /**
     * The case as one period's market. A case that is more than that (more than one period, an
     * asset with memory) is refused with a pointer to {@link MarketCaseReader#readHorizon}.
     */
    Market market() {
        if (!plain()) {
            HorizonMarket h = horizon();
            if (h.needsHorizon()) {
                throw needsHorizon(h);
            }
            return withRules(h.period(0).toBuilder());
        }
        Market.Builder b = Market.builder(optionalText(root, "name", "")).units(units());
        agents.forEach(a -> b.agent((Agent) a));
        if (tradesGiven) {
            b.tradeGraph(switch (tradeKind) {
                case COMPLETE -> TradeGraph.complete(fee.number(), arcs);
                case NONE -> TradeGraph.none(fee.number(), arcs);
                case PAIRS -> TradeGraph.pairs(pairs, fee.number(), arcs);
            });
        }
        communities().forEach(b::community);
        if (root.has("grid")) {
            Value[] g = gridValues();
            b.grid(new Grid(gridBus(), g[0].number(), g[1].number(), g[2].number(), g[3].number()));
        }
        network().ifPresent(b::network);
        return withRules(b);
    }

    /**
     * The market with the case's integer rules, classes and network tariff. They apply to one
     * period: a horizon that has them is refused in {@link #horizon()}.
     */
    private Market withRules(Market.Builder b) {
        if (version == MarketCaseReader.HORIZON_VERSION) {
            b.integerRules(new IntegerRuleSpec(minStable, block, minQuantity)).productClasses(productClasses())
                    .networkTariff(tariff());
        }
        return b.build();
    }

    private ProductClasses productClasses() {
        Set<String> declared = root.has("classes") ? CaseRulesFields.classes(root.get("classes")) : Set.of();
        labels.forEach((agent, label) -> {
            if (!declared.contains(label)) {
                throw new InvalidMarketException("agents[" + agent + "].class", "class '" + label
                        + "' is not declared in the top-level \"classes\" (version 2 requires it; declared: "
                        + (declared.isEmpty() ? "none" : String.join(", ", new TreeSet<>(declared))) + ")");
            }
        });
        boolean markets = root.has("classMarkets") && CaseRulesFields.flag(root.get("classMarkets"), "classMarkets");
        return new ProductClasses(declared, premiums, markets);
    }

    private NetworkTariff tariff() {
        JsonNode n = root.get("network");
        if (n == null) {
            return NetworkTariff.NONE;
        }
        return new NetworkTariff(n.has("charges") ? CaseRulesFields.charges(n.get("charges")) : null,
                n.has("losses") ? CaseRulesFields.losses(n.get("losses")) : null,
                n.has("lossAware") && CaseRulesFields.flag(n.get("lossAware"), "network.lossAware"),
                n.has("tightenToAc") && CaseRulesFields.flag(n.get("tightenToAc"), "network.tightenToAc"));
    }

    /** The case as a horizon (a version-1 case is a horizon of one period). */
    HorizonMarket horizon() {
        int periods = periods();
        JsonNode named = root.get("profiles");
        ProfileTable table = named == null ? null : profiles(asText(named, "profiles"), periods);
        HorizonMarket.Builder b = HorizonMarket.builder(optionalText(root, "name", ""), periods).units(units());
        for (Object a : agents) {
            if (a instanceof Agent plain) {
                b.agent(new HorizonAgent(plain.id(), plain.bus(), plain.productClass(),
                        plain.assets().stream().<HorizonAsset>map(s -> FlexibleAsset.of(plain.id(), s)).toList()));
            } else {
                RawAgent raw = (RawAgent) a;
                List<HorizonAsset> assets = new ArrayList<>();
                for (Object s : raw.assets()) {
                    if (s instanceof Asset plain) {
                        assets.add(FlexibleAsset.of(raw.id(), plain));
                    } else if (s instanceof RawFlexible f) {
                        assets.add(new FlexibleAsset(raw.id(), f.id(), series(f.pMin(), table), series(f.pMax(), table),
                                series(f.a(), table), series(f.b(), table)));
                    } else {
                        assets.add(((RawTyped) s).build());
                    }
                }
                b.agent(new HorizonAgent(raw.id(), raw.bus(), raw.productClass(), assets));
            }
        }
        List<HorizonTrades.ArcGamma> gammas = new ArrayList<>(arcs.size());
        for (int k = 0; k < arcs.size(); k++) {
            Arc arc = arcs.get(k);
            Value v = arcSeries.get(k);
            gammas.add(new HorizonTrades.ArcGamma(arc.from(), arc.to(), v == null ? Series.constant(arc.gamma()) : series(v, table)));
        }
        b.trades(new HorizonTrades(tradeKind, pairs, series(fee, table), gammas));
        communities().forEach(b::community);
        if (root.has("grid")) {
            Value[] g = gridValues();
            b.grid(new HorizonGrid(gridBus(), series(g[0], table), series(g[1], table), series(g[2], table), series(g[3], table)));
        }
        network().ifPresent(b::network);
        ramps.forEach(b::rampMax);
        HorizonMarket h = b.build();
        if (version == MarketCaseReader.HORIZON_VERSION) {
            productClasses(); // checks that every class label is declared, as version 2 requires
        }
        if (h.needsHorizon()) {
            refuseRulesOverHorizon(h);
        }
        return h;
    }

    /** True when the case is one version-1 market as written: nothing needs the horizon to resolve. */
    private boolean plain() {
        if (periods() != 1 || root.has("profiles") || !fee.plain() || !arcSeries.isEmpty()) {
            return false;
        }
        if (root.has("grid")) {
            for (Value v : gridValues()) {
                if (!v.plain()) {
                    return false;
                }
            }
        }
        return agents.stream().allMatch(a -> a instanceof Agent);
    }

    /** Integer rules, classes and network tariffs are one-period features in this version. */
    private void refuseRulesOverHorizon(HorizonMarket h) {
        String field = firstRule;
        if (field == null && root.has("classMarkets")) {
            field = "classMarkets";
        }
        if (field == null && root.has("network")) {
            for (String f : List.of("charges", "losses", "lossAware", "tightenToAc")) {
                if (root.get("network").has(f)) {
                    field = "network." + f;
                    break;
                }
            }
        }
        if (field != null) {
            throw new InvalidMarketException(field, "applies to a case of one period without assets with memory; this case "
                    + (h.periods() > 1 ? "has " + h.periods() + " periods" : "has an asset with memory")
                    + " (integer rules, premiums, class markets and network tariffs do not clear over a horizon yet)");
        }
    }

    private static InvalidMarketException needsHorizon(HorizonMarket h) {
        String how = "read it with MarketCaseReader.readHorizon (a Market is one period)";
        if (h.periods() > 1) {
            return new InvalidMarketException("periods", "the case has " + h.periods() + " periods; " + how);
        }
        HorizonAsset typed = h.agents().stream().flatMap(a -> a.assets().stream())
                .filter(s -> !(s instanceof FlexibleAsset)).findFirst().orElseThrow();
        return new InvalidMarketException(typed.field("type"), "a " + typed.type() + " asset couples periods; " + how);
    }

    private int periods() {
        JsonNode v = root.get("periods");
        if (v == null) {
            return 1;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw new InvalidMarketException("periods", "must be an integer >= 1, got " + kind(v));
        }
        return v.asInt();
    }

    private ProfileTable profiles(String named, int periods) {
        Path path = baseDirectory == null ? Path.of(named) : baseDirectory.resolve(named);
        return ProfileTable.read(path, named, periods);
    }

    private static Series series(Value v, ProfileTable table) {
        if (v.plain()) {
            return Series.constant(v.number());
        }
        if (v.values() != null) {
            return Series.of(v.values());
        }
        if (table == null) {
            throw new InvalidMarketException(v.at() + ".profile", "needs the top-level \"profiles\" file, which the case does not name");
        }
        return table.column(v.profile(), v.scale(), v.at() + ".profile");
    }

    private Units units() {
        return units(root);
    }

    /** The {@code units} block of a document (a case or an order file); the default without one. */
    static Units units(JsonNode root) {
        if (!root.has("units")) {
            return Units.DEFAULT;
        }
        JsonNode u = object(root.get("units"), "units");
        onlyKnown(u, "units", UNITS);
        return new Units(text(u, "power", "units"), text(u, "currency", "units"), number(u, "periodHours", "units"));
    }

    private List<Community> communities() {
        List<JsonNode> list = array(root, "communities", "", false);
        List<Community> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(community(list.get(i), "communities[" + i + "]"));
        }
        return out;
    }

    /** importPrice, exportPrice, importMax, exportMax of the grid as written (limits +∞ when absent). */
    private Value[] gridValues() {
        JsonNode g = object(root.get("grid"), "grid");
        onlyKnown(g, "grid", GRID);
        return new Value[] {value(g, "importPrice", "grid"), value(g, "exportPrice", "grid"),
                optionalValue(g, "importMax", "grid", Double.POSITIVE_INFINITY),
                optionalValue(g, "exportMax", "grid", Double.POSITIVE_INFINITY)};
    }

    private String gridBus() {
        return optionalText(root.get("grid"), "bus", "grid");
    }

    private Optional<NetworkSpec> network() {
        if (!root.has("network")) {
            return Optional.empty();
        }
        JsonNode n = object(root.get("network"), "network");
        for (String field : List.of("charges", "losses", "lossAware", "tightenToAc")) {
            if (n.has(field)) {
                v2("network." + field);
            }
        }
        return Optional.of(network(n, baseDirectory));
    }

    private void format(JsonNode root) {
        String format = text(root, "format", "");
        if (!MarketCaseReader.FORMAT.equals(format)) {
            throw new InvalidMarketException("format", "must be \"" + MarketCaseReader.FORMAT + "\", got \"" + format + "\"");
        }
    }

    private void version(JsonNode root) {
        JsonNode v = required(root, "version", "");
        if (!v.isIntegralNumber() || (v.asInt() != MarketCaseReader.VERSION && v.asInt() != MarketCaseReader.HORIZON_VERSION)) {
            throw new InvalidMarketException("version", "must be " + MarketCaseReader.VERSION + " or "
                    + MarketCaseReader.HORIZON_VERSION + ", got " + v);
        }
        version = v.asInt();
        if (version == MarketCaseReader.VERSION && v2Field != null) {
            throw introducedLater(v2Field, v2What);
        }
    }

    /** Notes a version-2 field at {@code at}; refused at once in a version-1 case. */
    private void v2(String at, String what) {
        if (version == MarketCaseReader.VERSION) {
            throw introducedLater(at, what);
        }
        if (v2Field == null) {
            v2Field = at;
            v2What = what;
        }
    }

    /** Notes a version-2 field named by the last part of its path. */
    private void v2(String at) {
        v2(at, "the field '" + at.substring(at.lastIndexOf('.') + 1) + "'");
    }

    private static InvalidMarketException introducedLater(String at, String what) {
        return new InvalidMarketException(at, what + " was introduced in version " + MarketCaseReader.HORIZON_VERSION
                + " of the market-case format; this case is version " + MarketCaseReader.VERSION
                + " (declare \"version\": " + MarketCaseReader.HORIZON_VERSION + " to use it)");
    }

    /** A number as written, required. */
    private Value value(JsonNode node, String field, String path) {
        return value(required(node, field, path), join(path, field));
    }

    private Value optionalValue(JsonNode node, String field, String path, double fallback) {
        JsonNode v = node.get(field);
        return v == null ? Value.number(fallback, join(path, field)) : value(v, join(path, field));
    }

    private Value value(JsonNode v, String at) {
        if (v.isArray()) {
            v2(at, "a per-period array");
            double[] values = new double[v.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = JsonFields.asNumber(v.get(i), at + "[" + i + "]");
            }
            return new Value(Double.NaN, values, null, 1.0, at);
        }
        if (v.isObject()) {
            v2(at, "a profile");
            onlyKnown(v, at, PROFILE);
            return new Value(Double.NaN, null, text(v, "profile", at), optionalNumber(v, "scale", at, 1.0), at);
        }
        if (!v.isNumber()) {
            throw new InvalidMarketException(at, "must be a number, got " + kind(v)
                    + " (version 2 also takes an array of one number per period or {\"profile\": column})");
        }
        return Value.number(JsonFields.asNumber(v, at), at);
    }

    /** The current value as a tree (the parser is left on its last token). */
    private JsonNode tree() throws IOException {
        return mapper.readTree(p);
    }

    /** The current value under {@code field} of an object of its own, for the tree checks. */
    private JsonNode alone(String field) throws IOException {
        return mapper.createObjectNode().set(field, tree());
    }

    /** The agent's own id string when {@code id} names one, else {@code id}. */
    private String id(String id) {
        String known = ids.get(id);
        return known != null ? known : id;
    }

    private List<Object> agents() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            array(alone("agents"), "agents", "", true);
        }
        List<Object> agents = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Object a = agent(tree(), "agents[" + agents.size() + "]");
            String id = a instanceof Agent plain ? plain.id() : ((RawAgent) a).id();
            ids.putIfAbsent(id, id);
            agents.add(a);
        }
        return agents;
    }

    /** An {@link Agent} when every asset is a version-1 asset, else a {@link RawAgent}. */
    private Object agent(JsonNode node, String at) {
        object(node, at);
        String id = text(node, "id", at);
        String path = "agents[" + id + "]";
        onlyKnown(node, path, AGENT);
        if (node.has("premiums")) {
            v2(path + ".premiums");
            premiums.put(id, CaseRulesFields.premiums(node.get("premiums"), path + ".premiums"));
            firstRule = firstRule == null ? path + ".premiums" : firstRule;
        }
        List<JsonNode> assets = array(node, "assets", path, false);
        List<Object> list = new ArrayList<>();
        boolean plain = true;
        for (int k = 0; k < assets.size(); k++) {
            JsonNode s = object(assets.get(k), path + ".assets[" + k + "]");
            Object asset = asset(s, id, path, text(s, "id", path + ".assets[" + k + "]"));
            plain &= asset instanceof Asset;
            list.add(asset);
        }
        String bus = optionalText(node, "bus", path);
        String productClass = optionalText(node, "class", path);
        if (productClass != null) {
            labels.put(id, productClass);
        }
        if (plain) {
            return new Agent(id, bus, productClass, list.stream().map(Asset.class::cast).toList());
        }
        return new RawAgent(id, bus, productClass, list);
    }

    /** A version-1 {@link Asset}, a {@link RawFlexible} or a {@link RawTyped}. */
    private Object asset(JsonNode s, String agentId, String path, String sid) {
        String sp = path + ".assets[" + sid + "]";
        integerRules(s, sid, sp);
        String type = "flexible";
        if (s.has("type")) {
            v2(sp + ".type", "the field 'type'");
            type = asText(s.get("type"), sp + ".type");
            if (!TYPES.contains(type)) {
                throw new InvalidMarketException(sp + ".type", "must be one of " + String.join(", ", new TreeSet<>(TYPES))
                        + ", got \"" + type + "\"");
            }
        }
        if (!type.equals("flexible")) {
            // Built once the version is known, so that a version-1 case hears of the version first.
            return new RawTyped(s, type, agentId, sid, sp);
        }
        onlyKnown(s, sp, FLEXIBLE);
        if (s.has("rampMax")) {
            v2(sp + ".rampMax", "the field 'rampMax'");
            ramps.put(sid, number(s, "rampMax", sp));
        }
        Value pMin = value(s, "pMin", sp);
        Value pMax = value(s, "pMax", sp);
        Value a = value(s, "a", sp);
        Value b = value(s, "b", sp);
        if (!(pMin.plain() && pMax.plain() && a.plain() && b.plain())) {
            return new RawFlexible(sid, pMin, pMax, a, b);
        }
        try {
            return new Asset(sid, pMin.number(), pMax.number(), a.number(), b.number());
        } catch (InvalidMarketException e) {
            throw e.field().startsWith("assets[") ? new InvalidMarketException(path + "." + e.field(), e.problem()) : e;
        }
    }

    /** An asset's {@code minStable} and {@code block}, noted by asset id. */
    private void integerRules(JsonNode s, String sid, String sp) {
        if (s.has("minStable") || s.has("block")) {
            firstRule = firstRule == null ? sp + (s.has("block") ? ".block" : ".minStable") : firstRule;
        }
        if (s.has("minStable")) {
            v2(sp + ".minStable");
            minStable.put(sid, number(s, "minStable", sp));
        }
        if (s.has("block")) {
            v2(sp + ".block");
            if (CaseRulesFields.flag(s.get("block"), sp + ".block")) {
                block.add(sid);
            }
        }
        String type = s.has("type") ? s.get("type").asText() : "flexible";
        if ((s.has("minStable") || s.has("block")) && !type.equals("flexible")) {
            throw new InvalidMarketException(sp + "." + (s.has("block") ? "block" : "minStable"), "applies to flexible assets only"
                    + " in this version, not to a " + type + " asset");
        }
    }

    /** A storage, EV or shiftable asset: its own fields only, plain numbers. */
    private static HorizonAsset typed(JsonNode s, String type, String agentId, String sid, String sp) {
        if (s.has("rampMax")) {
            throw new InvalidMarketException(sp + ".rampMax", "applies to flexible assets only, not to a " + type + " asset");
        }
        for (String field : List.of("pMin", "pMax", "a", "b")) {
            if (s.has(field) && !(type.equals("shiftable") && field.equals("pMax"))) {
                throw new InvalidMarketException(sp + "." + field, (type.equals("ev") ? "an " : "a ") + type + " asset takes no pMin, pMax"
                        + (type.equals("shiftable") ? " (only its own pMax, the most it draws)" : "") + ", a or b: "
                        + (type.equals("shiftable") ? "its bounds are [-pMax, 0] inside its window and it has no cost"
                        : "its bounds come from chargeMax and dischargeMax and its cost from cycleCost"));
            }
        }
        return switch (type) {
            case "storage" -> {
                onlyKnown(s, sp, STORAGE);
                yield new Storage(agentId, sid, optionalNumber(s, "energyMin", sp, 0.0), number(s, "energyMax", sp),
                        number(s, "energyInitial", sp), optionalNumber(s, "energyFinal", sp, Double.NaN),
                        number(s, "chargeMax", sp), number(s, "dischargeMax", sp),
                        optionalNumber(s, "chargeEfficiency", sp, 1.0), optionalNumber(s, "dischargeEfficiency", sp, 1.0),
                        optionalNumber(s, "cycleCost", sp, 0.0));
            }
            case "ev" -> {
                onlyKnown(s, sp, EV);
                yield new Ev(agentId, sid, optionalNumber(s, "energyMin", sp, 0.0), number(s, "energyMax", sp),
                        number(s, "energyInitial", sp), number(s, "energyRequired", sp),
                        number(s, "chargeMax", sp), optionalNumber(s, "dischargeMax", sp, 0.0),
                        optionalNumber(s, "chargeEfficiency", sp, 1.0), optionalNumber(s, "dischargeEfficiency", sp, 1.0),
                        optionalNumber(s, "cycleCost", sp, 0.0), integer(s, "arrival", sp), integer(s, "departure", sp));
            }
            default -> {
                onlyKnown(s, sp, SHIFTABLE);
                yield new Shiftable(agentId, sid, number(s, "energy", sp), number(s, "pMax", sp),
                        integer(s, "windowStart", sp), integer(s, "windowEnd", sp));
            }
        };
    }

    private static int integer(JsonNode node, String field, String path) {
        JsonNode v = required(node, field, path);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidMarketException(join(path, field), "must be an integer (a period index), got " + kind(v));
        }
        return v.asInt();
    }

    private void trades() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            object(tree(), "trades");
        }
        tradesGiven = true;
        ObjectNode small = mapper.createObjectNode();
        List<List<String>> declared = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "arcs" -> arcs = arcs();
                case "graph" -> {
                    if (value == JsonToken.START_ARRAY) {
                        declared = pairs();
                    } else {
                        small.set(field, tree());
                    }
                }
                case "fee" -> small.set(field, tree());
                case "minQuantity" -> {
                    v2("trades.minQuantity");
                    minQuantity = JsonFields.asNumber(tree(), "trades.minQuantity");
                    firstRule = firstRule == null ? "trades.minQuantity" : firstRule;
                }
                default -> throw unknownField("trades", field, TRADES);
            }
        }
        fee = optionalValue(small, "fee", "trades", 0.0);
        if (declared != null) {
            tradeKind = TradeGraph.Kind.PAIRS;
            pairs = declared;
            return;
        }
        JsonNode g = small.get("graph");
        if (g == null || (g.isTextual() && g.asText().equals("complete"))) {
            tradeKind = TradeGraph.Kind.COMPLETE;
            return;
        }
        if (g.isTextual() && g.asText().equals("none")) {
            tradeKind = TradeGraph.Kind.NONE;
            return;
        }
        throw new InvalidMarketException("trades.graph", "must be \"complete\", \"none\" or a list of pairs, got " + kind(g));
    }

    private List<Arc> arcs() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            array(alone("arcs"), "arcs", "trades", false);
        }
        List<Arc> arcs = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            arcs.add(arc(arcs.size()));
        }
        return arcs;
    }

    private Arc arc(int k) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return arc(tree(), k);
        }
        String from = null;
        String to = null;
        double gamma = Double.NaN;
        boolean hasGamma = false;
        ObjectNode unusual = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("from") && value == JsonToken.VALUE_STRING) {
                from = p.getText();
            } else if (field.equals("to") && value == JsonToken.VALUE_STRING) {
                to = p.getText();
            } else if (field.equals("gamma") && value.isNumeric()) {
                gamma = p.getDoubleValue();
                hasGamma = true;
            } else if (ARC.contains(field)) {
                unusual = unusual != null ? unusual : mapper.createObjectNode();
                unusual.set(field, tree());
            } else {
                throw unknownField("trades.arcs[" + k + "]", field, ARC);
            }
        }
        if (unusual == null && from != null && to != null && hasGamma && gamma >= 0 && Double.isFinite(gamma)
                && !from.isBlank() && !to.isBlank()) {
            return new Arc(id(from), id(to), gamma);
        }
        ObjectNode node = mapper.createObjectNode();
        if (from != null) {
            node.put("from", from);
        }
        if (to != null) {
            node.put("to", to);
        }
        if (hasGamma) {
            node.put("gamma", gamma);
        }
        if (unusual != null) {
            node.setAll(unusual);
        }
        return arc(node, k);
    }

    /** The checks of one arc override, in the order the messages are promised. */
    private Arc arc(JsonNode node, int k) {
        String at = "trades.arcs[" + k + "]";
        JsonNode a = object(node, at);
        onlyKnown(a, at, ARC);
        JsonNode g = a.get("gamma");
        if (g != null && (g.isArray() || g.isObject())) {
            // A per-period gamma: the arc holds a placeholder, the horizon the values.
            arcSeries.put(k, value(g, at + ".gamma"));
            return new Arc(id(text(a, "from", at)), id(text(a, "to", at)), 0.0);
        }
        double gamma = number(a, "gamma", at);
        if (gamma < 0) {
            throw new InvalidMarketException(at + ".gamma", "must be >= 0, got " + gamma
                    + " (a negative gamma would make the problem non-convex; express preferences as penalties on what is not preferred)");
        }
        return new Arc(id(text(a, "from", at)), id(text(a, "to", at)), gamma);
    }

    private List<List<String>> pairs() throws IOException {
        List<List<String>> pairs = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            pairs.add(pair(pairs.size()));
        }
        return pairs;
    }

    private List<String> pair(int k) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return pair(tree(), k);
        }
        List<String> names = new ArrayList<>(2);
        ArrayNode unusual = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING && unusual == null) {
                names.add(p.getText());
            } else {
                if (unusual == null) {
                    unusual = mapper.createArrayNode();
                    names.forEach(unusual::add);
                }
                unusual.add(tree());
            }
        }
        if (unusual == null && names.size() == 2 && !names.get(0).isBlank() && !names.get(1).isBlank()) {
            return List.of(id(names.get(0)), id(names.get(1)));
        }
        if (unusual == null) {
            unusual = mapper.createArrayNode();
            names.forEach(unusual::add);
        }
        return pair(unusual, k);
    }

    /** The checks of one declared pair, in the order the messages are promised. */
    private List<String> pair(JsonNode node, int k) {
        String at = "trades.graph[" + k + "]";
        if (!node.isArray() || node.size() != 2) {
            throw new InvalidMarketException(at, "must be a pair [agentId, agentId], got " + kind(node));
        }
        return List.of(id(asText(node.get(0), at + "[0]")), id(asText(node.get(1), at + "[1]")));
    }

    private static Community community(JsonNode node, String at) {
        object(node, at);
        String id = text(node, "id", at);
        String path = "communities[" + id + "]";
        onlyKnown(node, path, COMMUNITY);
        List<String> members = new ArrayList<>();
        List<JsonNode> list = array(node, "members", path, true);
        for (int k = 0; k < list.size(); k++) {
            members.add(asText(list.get(k), path + ".members[" + k + "]"));
        }
        return new Community(id, text(node, "manager", path), members);
    }

    /** A {@code network} block without the version-2 tariff fields (those are read by the case alone). */
    static NetworkSpec network(JsonNode n, Path baseDirectory) {
        onlyKnown(n, "network", NETWORK);
        List<NetworkSpec.BranchRating> ratings = new ArrayList<>();
        List<JsonNode> list = array(n, "ratings", "network", false);
        for (int k = 0; k < list.size(); k++) {
            String at = "network.ratings[" + k + "]";
            JsonNode r = object(list.get(k), at);
            onlyKnown(r, at, RATING);
            ratings.add(new NetworkSpec.BranchRating(text(r, "from", at), text(r, "to", at), number(r, "pMax", at)));
        }
        return new NetworkSpec(text(n, "case", "network"), baseDirectory, number(n, "vMin", "network"),
                number(n, "vMax", "network"), ratings);
    }
}
