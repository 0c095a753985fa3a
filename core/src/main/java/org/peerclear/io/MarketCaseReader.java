package org.peerclear.io;

import static org.peerclear.io.JsonFields.array;
import static org.peerclear.io.JsonFields.asText;
import static org.peerclear.io.JsonFields.kind;
import static org.peerclear.io.JsonFields.number;
import static org.peerclear.io.JsonFields.object;
import static org.peerclear.io.JsonFields.onlyKnown;
import static org.peerclear.io.JsonFields.optionalNumber;
import static org.peerclear.io.JsonFields.optionalText;
import static org.peerclear.io.JsonFields.required;
import static org.peerclear.io.JsonFields.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.model.Units;

/**
 * Reads a market case (format {@code peerclear-market}, version 1). Strict: unknown fields at
 * any level, wrong types, missing required fields, non-finite numbers and duplicate JSON keys
 * are rejected with an {@link InvalidMarketException} naming the field; the semantic rules are
 * those of {@link Market.Builder#build()}.
 *
 * <p>A reader may be given a bus lookup (a feeder name or path → its bus ids), so that agents
 * placed on buses the feeder does not have are rejected at read time. The power-flow module
 * provides one; without it, bus ids are checked when a network-aware method loads the feeder.
 */
public final class MarketCaseReader {
    public static final String FORMAT = "peerclear-market";
    public static final int VERSION = 1;

    private static final Set<String> TOP = Set.of("format", "version", "name", "units", "agents", "trades",
            "communities", "grid", "network");
    private static final Set<String> UNITS = Set.of("power", "currency", "periodHours");
    private static final Set<String> AGENT = Set.of("id", "bus", "class", "assets");
    private static final Set<String> ASSET = Set.of("id", "pMin", "pMax", "a", "b");
    private static final Set<String> TRADES = Set.of("graph", "fee", "arcs");
    private static final Set<String> ARC = Set.of("from", "to", "gamma");
    private static final Set<String> COMMUNITY = Set.of("id", "manager", "members");
    private static final Set<String> GRID = Set.of("bus", "importPrice", "exportPrice", "importMax", "exportMax");
    private static final Set<String> NETWORK = Set.of("case", "vMin", "vMax", "ratings");
    private static final Set<String> RATING = Set.of("from", "to", "pMax");

    private final ObjectMapper mapper;
    private final Function<NetworkSpec, Set<String>> busLookup;

    private MarketCaseReader(Function<NetworkSpec, Set<String>> busLookup) {
        this.mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.busLookup = busLookup;
    }

    /** A reader that does not resolve feeders. */
    public static MarketCaseReader create() {
        return new MarketCaseReader(null);
    }

    /** A reader that checks agents' and the grid's buses against the feeder's bus ids. */
    public static MarketCaseReader withBusLookup(Function<NetworkSpec, Set<String>> busLookup) {
        return new MarketCaseReader(busLookup);
    }

    public Market read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidMarketException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return read(text, dir);
    }

    /** Reads a case from text; relative network paths resolve against {@code baseDirectory}. */
    public Market read(String json, Path baseDirectory) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidMarketException("(file)", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidMarketException("(file)", "is empty");
        }
        return parse(root, baseDirectory);
    }

    private Market parse(JsonNode root, Path baseDirectory) {
        object(root, "(file)");
        onlyKnown(root, "", TOP);
        String format = text(root, "format", "");
        if (!FORMAT.equals(format)) {
            throw new InvalidMarketException("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        JsonNode version = required(root, "version", "");
        if (!version.isIntegralNumber() || version.asInt() != VERSION) {
            throw new InvalidMarketException("version", "must be " + VERSION + ", got " + version);
        }
        Market.Builder b = Market.builder(optionalText(root, "name", ""));
        if (root.has("units")) {
            JsonNode u = object(root.get("units"), "units");
            onlyKnown(u, "units", UNITS);
            b.units(new Units(text(u, "power", "units"), text(u, "currency", "units"), number(u, "periodHours", "units")));
        }
        List<JsonNode> agents = array(root, "agents", "", true);
        for (int i = 0; i < agents.size(); i++) {
            b.agent(agent(agents.get(i), "agents[" + i + "]"));
        }
        if (root.has("trades")) {
            b.tradeGraph(trades(object(root.get("trades"), "trades")));
        }
        List<JsonNode> communities = array(root, "communities", "", false);
        for (int i = 0; i < communities.size(); i++) {
            b.community(community(communities.get(i), "communities[" + i + "]"));
        }
        if (root.has("grid")) {
            JsonNode g = object(root.get("grid"), "grid");
            onlyKnown(g, "grid", GRID);
            b.grid(new Grid(optionalText(g, "bus", "grid"), number(g, "importPrice", "grid"), number(g, "exportPrice", "grid"),
                    optionalNumber(g, "importMax", "grid", Double.POSITIVE_INFINITY),
                    optionalNumber(g, "exportMax", "grid", Double.POSITIVE_INFINITY)));
        }
        if (root.has("network")) {
            b.network(network(object(root.get("network"), "network"), baseDirectory));
        }
        Market market = b.build();
        checkBuses(market);
        return market;
    }

    private static Agent agent(JsonNode node, String at) {
        object(node, at);
        String id = text(node, "id", at);
        String path = "agents[" + id + "]";
        onlyKnown(node, path, AGENT);
        List<JsonNode> assets = array(node, "assets", path, false);
        List<Asset> list = new ArrayList<>();
        for (int k = 0; k < assets.size(); k++) {
            JsonNode s = object(assets.get(k), path + ".assets[" + k + "]");
            String sid = text(s, "id", path + ".assets[" + k + "]");
            String sp = path + ".assets[" + sid + "]";
            onlyKnown(s, sp, ASSET);
            try {
                list.add(new Asset(sid, number(s, "pMin", sp), number(s, "pMax", sp), number(s, "a", sp), number(s, "b", sp)));
            } catch (InvalidMarketException e) {
                throw e.field().startsWith("assets[") ? new InvalidMarketException(path + "." + e.field(),
                        e.getMessage().substring(e.field().length() + 2)) : e;
            }
        }
        return new Agent(id, optionalText(node, "bus", path), optionalText(node, "class", path), list);
    }

    private static TradeGraph trades(JsonNode t) {
        onlyKnown(t, "trades", TRADES);
        double fee = optionalNumber(t, "fee", "trades", 0.0);
        List<JsonNode> arcNodes = array(t, "arcs", "trades", false);
        List<Arc> arcs = new ArrayList<>();
        for (int k = 0; k < arcNodes.size(); k++) {
            String at = "trades.arcs[" + k + "]";
            JsonNode a = object(arcNodes.get(k), at);
            onlyKnown(a, at, ARC);
            double gamma = number(a, "gamma", at);
            if (gamma < 0) {
                throw new InvalidMarketException(at + ".gamma", "must be >= 0, got " + gamma
                        + " (a negative gamma would make the problem non-convex; express preferences as penalties on what is not preferred)");
            }
            arcs.add(new Arc(text(a, "from", at), text(a, "to", at), gamma));
        }
        JsonNode g = t.get("graph");
        if (g == null || (g.isTextual() && g.asText().equals("complete"))) {
            return TradeGraph.complete(fee, arcs);
        }
        if (g.isTextual() && g.asText().equals("none")) {
            return TradeGraph.none(fee, arcs);
        }
        if (g.isArray()) {
            List<List<String>> pairs = new ArrayList<>();
            for (int k = 0; k < g.size(); k++) {
                JsonNode p = g.get(k);
                String at = "trades.graph[" + k + "]";
                if (!p.isArray() || p.size() != 2) {
                    throw new InvalidMarketException(at, "must be a pair [agentId, agentId], got " + kind(p));
                }
                pairs.add(List.of(asText(p.get(0), at + "[0]"), asText(p.get(1), at + "[1]")));
            }
            return TradeGraph.pairs(pairs, fee, arcs);
        }
        throw new InvalidMarketException("trades.graph", "must be \"complete\", \"none\" or a list of pairs, got " + kind(g));
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

    private static NetworkSpec network(JsonNode n, Path baseDirectory) {
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

    private void checkBuses(Market market) {
        if (busLookup == null || market.network().isEmpty()) {
            return;
        }
        NetworkSpec net = market.network().get();
        Set<String> buses = busLookup.apply(net);
        for (Agent a : market.agents()) {
            if (a.bus() != null && !buses.contains(a.bus())) {
                throw new InvalidMarketException("agents[" + a.id() + "].bus", "bus '" + a.bus()
                        + "' is not a bus of network '" + net.feeder() + "'");
            }
        }
        market.grid().flatMap(g -> java.util.Optional.ofNullable(g.bus())).ifPresent(bus -> {
            if (!buses.contains(bus)) {
                throw new InvalidMarketException("grid.bus", "bus '" + bus + "' is not a bus of network '" + net.feeder() + "'");
            }
        });
        for (int k = 0; k < net.ratings().size(); k++) {
            NetworkSpec.BranchRating r = net.ratings().get(k);
            for (String bus : List.of(r.from(), r.to())) {
                if (!buses.contains(bus)) {
                    throw new InvalidMarketException("network.ratings[" + k + "]", "bus '" + bus
                            + "' is not a bus of network '" + net.feeder() + "'");
                }
            }
        }
    }
}
