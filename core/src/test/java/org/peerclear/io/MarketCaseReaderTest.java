package org.peerclear.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.model.Arc;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;

/** The market-case reader: the spec's example reads, and every invalid input is named. */
class MarketCaseReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static String example() {
        try (InputStream in = MarketCaseReaderTest.class.getResourceAsStream("three-houses.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode exampleTree() {
        try {
            return (ObjectNode) MAPPER.readTree(example());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Market read(JsonNode tree) {
        return MarketCaseReader.create().read(tree.toString(), null);
    }

    @Test
    void readsTheSpecExample() {
        Market m = MarketCaseReader.create().read(example(), null);
        assertThat(m.name()).isEqualTo("three-houses");
        assertThat(m.agents()).extracting(a -> a.id()).containsExactly("h1", "h2", "h3", "m1");
        assertThat(m.agent("h1").assets()).hasSize(2);
        assertThat(m.agent("h1").productClass()).isEqualTo("green");
        assertThat(m.units().power()).isEqualTo("kW");
        assertThat(m.grid()).isPresent();
        assertThat(m.grid().get().importPrice()).isEqualTo(0.35);
        assertThat(m.network()).isPresent();
        assertThat(m.network().get().feeder()).isEqualTo("case33bw");
        // Community C1 = {h1, h2} with manager m1: members trade with m1 only; m1 and h3 trade
        // with each other and with the grid. Pairs: h1-m1, h2-m1, h3-m1, h3-grid, m1-grid.
        assertThat(m.arcs()).hasSize(10);
        assertThat(m.arcs()).extracting(Arc::from).containsExactly("h1", "m1", "h2", "m1", "h3", "m1", "h3", "grid", "m1", "grid");
        assertThat(m.arcs()).extracting(Arc::gamma).containsOnly(0.01);
        // The override h2->h3 is on a declared pair the community removes: valid but noted.
        assertThat(m.warnings()).singleElement().asString().contains("h2->h3").contains("no effect");
    }

    @Test
    void writerRoundTripsToTheSameBytes() {
        Market m = MarketCaseReader.create().read(example(), null);
        String once = MarketCaseWriter.toJson(m);
        String twice = MarketCaseWriter.toJson(MarketCaseReader.create().read(once, null));
        assertThat(twice).isEqualTo(once);
        assertThat(MarketCaseReader.create().read(once, null).arcs()).isEqualTo(m.arcs());
    }

    @Test
    void busLookupRejectsAnUnknownBus() {
        MarketCaseReader reader = MarketCaseReader.withBusLookup(net -> Set.of("1", "18", "25"));
        assertThatThrownBy(() -> reader.read(example(), null))
                .isInstanceOf(InvalidMarketException.class)
                .hasMessageContaining("agents[h3].bus").hasMessageContaining("'33'").hasMessageContaining("case33bw");
    }

    @Test
    void overrideOnTheGridArcIsAccepted() {
        ObjectNode t = exampleTree();
        ((ArrayNode) t.withObjectProperty("trades").get("arcs")).add(F.objectNode().put("from", "h3").put("to", "grid").put("gamma", 0.2));
        Market m = read(t);
        assertThat(m.arcs()).contains(new Arc("h3", "grid", 0.2), new Arc("grid", "h3", 0.01));
    }

    static Stream<Arguments> invalidCases() {
        return Stream.of(
                bad("not JSON", null, "(file)", "not valid JSON"),
                bad("wrong format", t -> t.put("format", "matpower"), "format", "peerclear-market"),
                bad("wrong version", t -> t.put("version", 3), "version", "must be 1 or 2, got 3"),
                bad("missing format", t -> t.remove("format"), "format", "is required"),
                bad("unknown top-level field", t -> t.put("horizon", 24), "horizon", "unknown field"),
                bad("version-2 field in a version-1 case", t -> t.put("periods", 24), "periods", "introduced in version 2"),
                bad("unknown agent field", t -> agent(t, 0).put("colour", "red"), "agents[h1].colour", "unknown field"),
                bad("unknown asset field", t -> asset(t, 0, 0).put("c", 1.0), "agents[h1].assets[h1.pv].c", "unknown field"),
                bad("missing agents", t -> t.remove("agents"), "agents", "is required"),
                bad("empty agents", t -> t.putArray("agents"), "agents", "at least one agent"),
                bad("pMin above pMax", t -> asset(t, 0, 0).put("pMin", 5.0), "agents[h1].assets[h1.pv].pMin", "pMin must be <= pMax"),
                bad("negative a", t -> asset(t, 0, 1).put("a", -0.1), "agents[h1].assets[h1.load].a", "must be >= 0"),
                bad("string number", t -> asset(t, 1, 0).put("b", "0.28"), "agents[h2].assets[h2.load].b", "must be a number"),
                bad("NaN as string", t -> asset(t, 1, 0).put("pMin", "NaN"), "agents[h2].assets[h2.load].pMin", "must be a number"),
                bad("huge number overflows to infinity", null, "agents[h2].assets[h2.load].pMin", "finite"),
                bad("missing pMax", t -> asset(t, 2, 0).remove("pMax"), "agents[h3].assets[h3.gen].pMax", "is required"),
                bad("duplicate agent id", t -> agent(t, 1).put("id", "h1"), "agents[h1].id", "duplicate agent id"),
                bad("duplicate asset id", t -> asset(t, 1, 0).put("id", "h1.pv"), "agents[h2].assets[h1.pv].id", "duplicate asset id"),
                bad("agent id reserved for grid", t -> agent(t, 3).put("id", "grid"), "agents[grid].id", "reserved"),
                bad("negative gamma", t -> arc(t, 0).put("gamma", -0.03), "trades.arcs[0].gamma", "non-convex"),
                bad("negative fee", t -> t.withObjectProperty("trades").put("fee", -0.01), "trades.fee", "must be >= 0"),
                bad("arc naming an unknown agent", t -> arc(t, 0).put("to", "h9"), "trades.arcs[0].to", "unknown agent 'h9'"),
                bad("arc not in the graph", t -> {
                    ArrayNode g = t.withObjectProperty("trades").putArray("graph");
                    g.add(F.arrayNode().add("h1").add("h3"));
                }, "trades.arcs[0]", "not in the trade graph"),
                bad("graph pair with unknown agent", t -> t.withObjectProperty("trades").putArray("graph").add(F.arrayNode().add("h1").add("zz")),
                        "trades.graph[0]", "unknown agent 'zz'"),
                bad("graph pair twice", t -> {
                    ArrayNode g = t.withObjectProperty("trades").putArray("graph");
                    g.add(F.arrayNode().add("h2").add("h3"));
                    g.add(F.arrayNode().add("h3").add("h2"));
                }, "trades.graph[1]", "listed twice"),
                bad("graph self pair", t -> t.withObjectProperty("trades").putArray("graph").add(F.arrayNode().add("h3").add("h3")), "trades.graph[0]", "joins an agent to itself"),
                bad("graph of unknown kind", t -> t.withObjectProperty("trades").put("graph", "ring"), "trades.graph", "\"complete\", \"none\""),
                bad("member unknown", t -> members(t).add("h7"), "communities[C1].members", "unknown agent 'h7'"),
                bad("manager unknown", t -> community(t).put("manager", "m9"), "communities[C1].manager", "unknown agent 'm9'"),
                bad("agent in two communities", t -> {
                    agents(t).add(F.objectNode().put("id", "m2").set("assets", F.arrayNode()));
                    ((ArrayNode) t.get("communities")).add(F.objectNode().put("id", "C2").put("manager", "m2")
                            .set("members", F.arrayNode().add("h2")));
                }, "communities[C2].members", "already a member of community 'C1'"),
                bad("manager is a member", t -> members(t).add("m1"), "communities[C1].members", "manages community"),
                bad("duplicate community id", t -> {
                    agents(t).add(F.objectNode().put("id", "m2").set("assets", F.arrayNode()));
                    ((ArrayNode) t.get("communities")).add(F.objectNode().put("id", "C1").put("manager", "m2")
                            .set("members", F.arrayNode().add("h3")));
                }, "communities[C1].id", "duplicate community id"),
                bad("empty community", t -> members(t).removeAll(), "communities[C1].members", "at least one agent"),
                bad("import below export price", t -> t.withObjectProperty("grid").put("importPrice", 0.01), "grid.importPrice", "must be >= exportPrice"),
                bad("negative import limit", t -> t.withObjectProperty("grid").put("importMax", -1.0), "grid.importMax", "must be >= 0"),
                bad("vMin above vMax", t -> t.withObjectProperty("network").put("vMin", 1.1), "network.vMin", "vMin must be < vMax"),
                bad("missing bus with network", t -> agent(t, 1).remove("bus"), "agents[h2].bus", "required when the market has a network"),
                bad("non-positive rating", t -> t.withObjectProperty("network").putArray("ratings").add(F.objectNode().put("from", "1").put("to", "2").put("pMax", 0.0)),
                        "network.ratings[1-2].pMax", "must be > 0"),
                bad("zero period", t -> t.withObjectProperty("units").put("periodHours", 0.0), "units.periodHours", "> 0"),
                bad("blank agent id", t -> agent(t, 0).put("id", " "), "agents[0].id", "non-empty string"),
                bad("duplicate JSON key", null, "(file)", "Duplicate field"),
                bad("assets not an array", t -> agent(t, 1).put("assets", "none"), "agents[h2].assets", "must be an array"),
                bad("agent not an object", t -> agents(t).set(0, F.textNode("h1")), "agents[0]", "must be a JSON object"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> mutation, String field, String rule) {
        return Arguments.of(name, mutation, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void rejectsInvalidInputNamingFieldAndRule(String name, Consumer<ObjectNode> mutation, String field, String rule) {
        String json;
        if (mutation != null) {
            ObjectNode t = exampleTree();
            mutation.accept(t);
            json = t.toString();
        } else if (name.equals("not JSON")) {
            json = "{ \"format\": ";
        } else if (name.startsWith("huge number")) {
            json = example().replace("\"pMin\": -5.0", "\"pMin\": -1e999");
        } else {
            json = example().replace("\"name\": \"three-houses\",", "\"name\": \"a\", \"name\": \"b\",");
        }
        assertThatThrownBy(() -> MarketCaseReader.create().read(json, null))
                .isInstanceOf(InvalidMarketException.class)
                .hasMessageStartingWith(field + ":")
                .hasMessageContaining(rule)
                .satisfies(e -> assertThat(((InvalidMarketException) e).field()).isEqualTo(field));
    }

    @Test
    void thereAreAtLeast25DistinctInvalidCases() {
        List<Arguments> cases = invalidCases().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        assertThat(cases.stream().map(a -> a.get()[0]).distinct().count()).isEqualTo(cases.size());
    }

    private static ArrayNode agents(ObjectNode t) {
        return (ArrayNode) t.get("agents");
    }

    private static ObjectNode agent(ObjectNode t, int i) {
        return (ObjectNode) agents(t).get(i);
    }

    static ObjectNode asset(ObjectNode t, int i, int k) {
        return (ObjectNode) agent(t, i).get("assets").get(k);
    }

    private static ObjectNode arc(ObjectNode t, int k) {
        return (ObjectNode) t.get("trades").get("arcs").get(k);
    }

    private static ObjectNode community(ObjectNode t) {
        return (ObjectNode) t.get("communities").get(0);
    }

    private static ArrayNode members(ObjectNode t) {
        return (ArrayNode) community(t).get("members");
    }
}
