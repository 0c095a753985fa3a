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
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 */
final class CaseParser {
    static final Set<String> TOP = Set.of("format", "version", "name", "units", "agents", "trades",
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

    private final JsonParser p;
    private final ObjectMapper mapper;
    private final Path baseDirectory;
    private final String document;
    private final Map<String, String> ids = new HashMap<>();

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

    Market parse() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new InvalidMarketException(document, "is empty");
        }
        if (t != JsonToken.START_OBJECT) {
            object(tree(), document);
        }
        ObjectNode small = mapper.createObjectNode();
        List<Agent> agents = null;
        TradeGraph trades = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "agents" -> agents = agents();
                case "trades" -> trades = trades();
                default -> {
                    if (!TOP.contains(field)) {
                        throw unknownField("", field, TOP);
                    }
                    small.set(field, tree());
                    if (field.equals("format")) {
                        format(small);
                    } else if (field.equals("version")) {
                        version(small);
                    }
                }
            }
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new InvalidMarketException(document, "not valid JSON: unexpected " + after.asString()
                    + " after the end of the case" + JsonFields.at(p.currentLocation()));
        }
        return build(small, agents, trades);
    }

    private Market build(ObjectNode root, List<Agent> agents, TradeGraph trades) {
        format(root);
        version(root);
        Market.Builder b = Market.builder(optionalText(root, "name", ""));
        if (root.has("units")) {
            JsonNode u = object(root.get("units"), "units");
            onlyKnown(u, "units", UNITS);
            b.units(new Units(text(u, "power", "units"), text(u, "currency", "units"), number(u, "periodHours", "units")));
        }
        if (agents == null) {
            throw new InvalidMarketException("agents", "is required");
        }
        agents.forEach(b::agent);
        if (trades != null) {
            b.tradeGraph(trades);
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
        return b.build();
    }

    private static void format(JsonNode root) {
        String format = text(root, "format", "");
        if (!MarketCaseReader.FORMAT.equals(format)) {
            throw new InvalidMarketException("format", "must be \"" + MarketCaseReader.FORMAT + "\", got \"" + format + "\"");
        }
    }

    private static void version(JsonNode root) {
        JsonNode version = required(root, "version", "");
        if (!version.isIntegralNumber() || version.asInt() != MarketCaseReader.VERSION) {
            throw new InvalidMarketException("version", "must be " + MarketCaseReader.VERSION + ", got " + version);
        }
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

    private List<Agent> agents() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            array(alone("agents"), "agents", "", true);
        }
        List<Agent> agents = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Agent a = agent(tree(), "agents[" + agents.size() + "]");
            ids.putIfAbsent(a.id(), a.id());
            agents.add(a);
        }
        return agents;
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

    private TradeGraph trades() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            object(tree(), "trades");
        }
        ObjectNode small = mapper.createObjectNode();
        List<Arc> arcs = List.of();
        List<List<String>> pairs = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "arcs" -> arcs = arcs();
                case "graph" -> {
                    if (value == JsonToken.START_ARRAY) {
                        pairs = pairs();
                    } else {
                        small.set(field, tree());
                    }
                }
                case "fee" -> small.set(field, tree());
                default -> throw unknownField("trades", field, TRADES);
            }
        }
        double fee = optionalNumber(small, "fee", "trades", 0.0);
        if (pairs != null) {
            return TradeGraph.pairs(pairs, fee, arcs);
        }
        JsonNode g = small.get("graph");
        if (g == null || (g.isTextual() && g.asText().equals("complete"))) {
            return TradeGraph.complete(fee, arcs);
        }
        if (g.isTextual() && g.asText().equals("none")) {
            return TradeGraph.none(fee, arcs);
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
}
