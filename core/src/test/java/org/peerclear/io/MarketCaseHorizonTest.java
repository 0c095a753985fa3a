package org.peerclear.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.model.Asset;
import org.peerclear.model.Ev;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonMarkets;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.Series;
import org.peerclear.model.Shiftable;
import org.peerclear.model.Storage;

/**
 * Version-2 cases (time): reading a horizon, the period view, profiles, round trips through the
 * writer, and every time rule named by its field. (Version-1 rules are in
 * {@link MarketCaseReaderTest}.)
 */
class MarketCaseHorizonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final MarketCaseReader READER = MarketCaseReader.create();

    @TempDir
    Path dir;

    static String resource(String name) {
        try (InputStream in = MarketCaseHorizonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode twoPeriods() {
        try {
            return (ObjectNode) MAPPER.readTree(resource("two-periods.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryTimeFieldWithItsDefaults() {
        HorizonMarket h = READER.readHorizon(resource("two-periods.json"), null);
        assertThat(h.periods()).isEqualTo(2);
        assertThat(h.storage()).containsExactly(new Storage("h1", "h1.bat", 0.0, 10.0, 5.0, Double.NaN, 2.0, 2.0, 0.9, 0.95, 0.0));
        assertThat(h.evs()).containsExactly(new Ev("h1", "h1.ev", 0.0, 40.0, 10.0, 15.0, 7.0, 0.0, 1.0, 1.0, 0.0, 0, 2));
        assertThat(h.shiftables()).containsExactly(new Shiftable("h1", "h1.washer", 1.5, 2.0, 0, 2));
        assertThat(h.rampMax()).containsExactly(java.util.Map.entry("h1.pv", 2.5));
        assertThat(h.trades().fee()).isEqualTo(Series.of(0.01, 0.02));
        assertThat(h.grid().orElseThrow().importMax()).isEqualTo(Series.of(10.0, 5.0));
        Market p1 = h.period(1);
        assertThat(p1.agent("h1").assets()).containsExactly(new Asset("h1.pv", 0.0, 3.0, 0.0, 0.0),
                new Asset("h1.bat", -2.0, 2.0, 0.0, 0.0), new Asset("h1.ev", -7.0, 0.0, 0.0, 0.0),
                new Asset("h1.washer", -2.0, 0.0, 0.0, 0.0));
        assertThat(p1.agent("h2").assets()).containsExactly(new Asset("h2.load", -4.0, 0.0, 0.05, 0.25));
        assertThat(p1.tradeGraph().fee()).isEqualTo(0.02);
        assertThat(p1.arcs()).filteredOn(a -> a.from().equals("h1") && a.to().equals("h2")).singleElement()
                .satisfies(a -> assertThat(a.gamma()).isEqualTo(0.01));
        assertThat(p1.grid().orElseThrow().importPrice()).isEqualTo(0.3);
        assertThat(p1.grid().orElseThrow().importMax()).isEqualTo(5.0);
    }

    @Test
    void theFieldsThatGiveThePeriodsMayComeAfterTheAgents() {
        ObjectNode t = twoPeriods();
        ObjectNode reordered = F.objectNode();
        reordered.set("agents", t.get("agents"));
        reordered.set("trades", t.get("trades"));
        t.fieldNames().forEachRemaining(f -> reordered.set(f, t.get(f)));
        assertThat(READER.readHorizon(reordered.toString(), null)).isEqualTo(READER.readHorizon(t.toString(), null));
    }

    @Test
    void aHorizonRoundTripsThroughTheWriter() {
        for (HorizonMarket h : List.of(HorizonMarkets.oneBatteryTwoPrices(), HorizonMarkets.householdDay(),
                READER.readHorizon(resource("two-periods.json"), null))) {
            String once = MarketCaseWriter.toJson(h);
            HorizonMarket back = READER.readHorizon(once, null);
            assertThat(back).as(h.name()).isEqualTo(h);
            assertThat(MarketCaseWriter.toJson(back)).isEqualTo(once);
        }
    }

    @Test
    void aHorizonRoundTripsThroughAFile() throws IOException {
        Path file = dir.resolve("day.json");
        MarketCaseWriter.write(HorizonMarkets.householdDay(), file);
        assertThat(Files.readString(file)).contains("\"version\" : 2").contains("\"periods\" : 24");
        assertThat(READER.readHorizon(file)).isEqualTo(HorizonMarkets.householdDay());
    }

    @Test
    void aVersionOneCaseReadAsAHorizonIsItsMarket() {
        String v1 = MarketCaseReaderTest.example();
        Market m = READER.read(v1, null);
        HorizonMarket h = READER.readHorizon(v1, null);
        assertThat(h.periods()).isEqualTo(1);
        assertThat(h.needsHorizon()).isFalse();
        assertThat(h).isEqualTo(HorizonMarket.of(m));
        // The writer writes every part of a market: equal bytes are an equal market.
        assertThat(MarketCaseWriter.toJson(h.period(0))).isEqualTo(MarketCaseWriter.toJson(m));
        assertThat(h.period(0).arcs()).isEqualTo(m.arcs());
        assertThat(h.period(0).warnings()).isEqualTo(m.warnings());
    }

    @Test
    void aHorizonsBusesAreCheckedLikeAMarkets() {
        MarketCaseReader reader = MarketCaseReader.withBusLookup(net -> java.util.Set.of("1", "18", "25"));
        assertThatThrownBy(() -> reader.readHorizon(MarketCaseReaderTest.example(), null))
                .isInstanceOf(InvalidMarketException.class)
                .hasMessage("agents[h3].bus: bus '33' is not a bus of network 'case33bw'");
    }

    @Test
    void aVersionTwoCaseOfOnePeriodWithoutMemoryIsAMarket() {
        ObjectNode t = MarketCaseReaderTest.exampleTree().put("version", 2).put("periods", 1);
        // Version 2 requires the example's class labels to be declared.
        t.set("classes", F.objectNode().<ObjectNode>set("green", F.objectNode()).set("fossil", F.objectNode()));
        ((ObjectNode) t.get("agents").get(0).get("assets").get(0)).set("pMax", F.arrayNode().add(4.0));
        ((ObjectNode) t.get("agents").get(0).get("assets").get(0)).put("rampMax", 1.0);
        Market m = READER.read(t.toString(), null).toBuilder().productClasses(org.peerclear.model.ProductClasses.NONE).build();
        assertThat(MarketCaseWriter.toJson(m)).isEqualTo(MarketCaseWriter.toJson(READER.read(MarketCaseReaderTest.example(), null)));
    }

    @Test
    void readRefusesACaseThatNeedsAHorizonAndSaysWhatToCall() {
        assertThatThrownBy(() -> READER.read(resource("two-periods.json"), null))
                .isInstanceOf(InvalidMarketException.class)
                .hasMessage("periods: the case has 2 periods; read it with MarketCaseReader.readHorizon (a Market is one period)");
        ObjectNode one = twoPeriods().put("periods", 1);
        ((ArrayNode) one.get("agents")).remove(1);
        ObjectNode pv = (ObjectNode) one.get("agents").get(0).get("assets").get(0);
        pv.put("pMax", 1.0);
        h1(one, EV).put("departure", 1);
        h1(one, WASHER).put("windowEnd", 1);
        one.withObjectProperty("trades").put("fee", 0.01).remove("arcs");
        one.withObjectProperty("grid").put("importPrice", 0.2).remove("importMax");
        assertThatThrownBy(() -> READER.read(one.toString(), null))
                .isInstanceOf(InvalidMarketException.class)
                .hasMessage("agents[h1].assets[h1.bat].type: a storage asset couples periods;"
                        + " read it with MarketCaseReader.readHorizon (a Market is one period)");
        assertThat(READER.readHorizon(one.toString(), null).periods()).isEqualTo(1);
    }

    @Test
    void profilesComeFromTheCsvBesideTheCaseScaled() throws IOException {
        Path csv = dir.resolve("household-day.csv");
        Files.writeString(csv, resource("household-day.csv"));
        Path json = dir.resolve("household-day.json");
        Files.writeString(json, resource("household-day.json"));
        HorizonMarket h = READER.readHorizon(json);
        // pv_half × 2 and load × −1 are exact in binary: the same numbers as the fixture's.
        assertThat(h).isEqualTo(HorizonMarkets.householdDay());
        assertThat(h.period(12).agent("home").assets().get(0).pMax()).isEqualTo(4.5);
        // Text resolves the profiles against the folder it is given.
        assertThat(READER.readHorizon(resource("household-day.json"), dir)).isEqualTo(h);
    }

    @Test
    void profileProblemsNameTheFileTheLineOrTheColumn() throws IOException {
        String csv = resource("household-day.csv");
        String json = resource("household-day.json");
        assertThatThrownBy(() -> READER.readHorizon(json, dir)).isInstanceOf(InvalidMarketException.class)
                .hasMessage("profiles: no such file household-day.csv");
        Files.writeString(dir.resolve("household-day.csv"), csv.substring(0, csv.lastIndexOf('\n', csv.length() - 2) + 1));
        assertThatThrownBy(() -> READER.readHorizon(json, dir))
                .hasMessage("profiles: household-day.csv has 23 rows of values but the case has 24 periods"
                        + " (a profile needs exactly one row per period)");
        Files.writeString(dir.resolve("household-day.csv"), csv.replace("2,0,0.5,0.2", "2,0,x,0.2"));
        assertThatThrownBy(() -> READER.readHorizon(json, dir))
                .hasMessage("profiles: household-day.csv line 4, column 'load': must be a finite number, got 'x'");
        Files.writeString(dir.resolve("household-day.csv"), csv.replace("2,0,0.5,0.2", "2,0,0.5"));
        assertThatThrownBy(() -> READER.readHorizon(json, dir))
                .hasMessage("profiles: household-day.csv line 4 has 3 cells, the header has 4");
        Files.writeString(dir.resolve("household-day.csv"), csv.replace("pv_half", "pv"));
        assertThatThrownBy(() -> READER.readHorizon(json, dir))
                .hasMessage("agents[home].assets[home.pv].pMax.profile: no column 'pv_half' in household-day.csv (columns: pv, load, import)");
        Files.writeString(dir.resolve("household-day.csv"), csv);
        assertThatThrownBy(() -> READER.readHorizon(json.replace("\"profiles\": \"household-day.csv\",", ""), dir))
                .hasMessage("agents[home].assets[home.pv].pMax.profile: needs the top-level \"profiles\" file, which the case does not name");
    }

    @Test
    void anEvThatCannotBeChargedInTimeIsNotAParseError() {
        ObjectNode t = twoPeriods();
        // From 10 kWh, two hours at 7 kW reach 24 kWh: 39 cannot be met, and that is the clearing's to report.
        h1(t, EV).put("energyRequired", 39.0);
        HorizonMarket h = READER.readHorizon(t.toString(), null);
        assertThat(h.evs().get(0).requirementReachable(h.units().periodHours())).isFalse();
        assertThat(h.evs().get(0).reachableEnergy(1.0)).isEqualTo(24.0);
    }

    static Stream<Arguments> invalidCases() {
        return Stream.of(
                bad("asset array of the wrong length", t -> h1(t, PV).set("pMax", F.arrayNode().add(1.0).add(2.0).add(3.0)),
                        "agents[h1].assets[h1.pv].pMax", "has 3 values but the case has 2 periods"),
                bad("empty array", t -> h1(t, PV).set("pMax", F.arrayNode()), "agents[h1].assets[h1.pv].pMax", "has 0 values but the case has 2 periods"),
                bad("grid array of the wrong length", t -> t.withObjectProperty("grid").set("importPrice", F.arrayNode().add(0.2)),
                        "grid.importPrice", "has 1 values but the case has 2 periods"),
                bad("fee array of the wrong length", t -> t.withObjectProperty("trades").set("fee", F.arrayNode().add(0.1).add(0.1).add(0.1)),
                        "trades.fee", "has 3 values but the case has 2 periods"),
                bad("gamma array of the wrong length", t -> ((ObjectNode) t.get("trades").get("arcs").get(0)).set("gamma", F.arrayNode().add(0.1)),
                        "trades.arcs[0].gamma", "has 1 values but the case has 2 periods"),
                bad("array holding a string", t -> h1(t, PV).set("pMax", F.arrayNode().add(1.0).add("2")),
                        "agents[h1].assets[h1.pv].pMax[1]", "must be a number"),
                bad("pMin above pMax in one period", t -> h1(t, PV).put("pMin", 2.0),
                        "agents[h1].assets[h1.pv].pMin", "in period 0: pMin 2.0 > pMax 1.0"),
                bad("negative a in one period", t -> MarketCaseReaderTest.asset(t, 1, 0).set("a", F.arrayNode().add(0.1).add(-0.1)),
                        "agents[h2].assets[h2.load].a", "in period 1: must be >= 0"),
                bad("import below export in one period", t -> t.withObjectProperty("grid").set("exportPrice", F.arrayNode().add(0.05).add(0.4)),
                        "grid.importPrice", "in period 1: importPrice 0.3 < exportPrice 0.4"),
                bad("negative fee in one period", t -> t.withObjectProperty("trades").set("fee", F.arrayNode().add(0.1).add(-0.1)),
                        "trades.fee", "in period 1: must be >= 0"),
                bad("negative gamma in one period", t -> ((ObjectNode) t.get("trades").get("arcs").get(0)).set("gamma", F.arrayNode().add(0.1).add(-0.1)),
                        "trades.arcs[0].gamma", "in period 1: must be >= 0"),
                bad("zero periods", t -> t.put("periods", 0), "periods", "must be an integer >= 1"),
                bad("fractional periods", t -> t.put("periods", 1.5), "periods", "must be an integer >= 1"),
                bad("EV that leaves before it arrives", t -> h1(t, EV).put("arrival", 1).put("departure", 1),
                        "agents[h1].assets[h1.ev].departure", "departure 1 <= arrival 1 (an EV must leave after it arrives)"),
                bad("EV that leaves after the horizon", t -> h1(t, EV).put("departure", 3),
                        "agents[h1].assets[h1.ev].departure", "departure 3 > periods 2"),
                bad("EV arrival not an integer", t -> h1(t, EV).put("arrival", 0.5), "agents[h1].assets[h1.ev].arrival", "must be an integer"),
                bad("EV arrival negative", t -> h1(t, EV).put("arrival", -1), "agents[h1].assets[h1.ev].arrival", "must be >= 0"),
                bad("EV asked for more than its battery", t -> h1(t, EV).put("energyRequired", 41.0),
                        "agents[h1].assets[h1.ev].energyRequired", "energyRequired 41.0 > energyMax 40.0"),
                bad("energyInitial above energyMax", t -> h1(t, BAT).put("energyInitial", 11.0),
                        "agents[h1].assets[h1.bat].energyInitial", "energyInitial 11.0 is outside [energyMin, energyMax] = [0.0, 10.0]"),
                bad("energyInitial below energyMin", t -> h1(t, BAT).put("energyMin", 6.0),
                        "agents[h1].assets[h1.bat].energyInitial", "is outside [energyMin, energyMax] = [6.0, 10.0]"),
                bad("energyMin above energyMax", t -> h1(t, BAT).put("energyMin", 12.0),
                        "agents[h1].assets[h1.bat].energyMin", "energyMin must be <= energyMax"),
                bad("energyFinal above energyMax", t -> h1(t, BAT).put("energyFinal", 12.0),
                        "agents[h1].assets[h1.bat].energyFinal", "energyFinal 12.0 > energyMax 10.0"),
                bad("zero efficiency", t -> h1(t, BAT).put("chargeEfficiency", 0.0),
                        "agents[h1].assets[h1.bat].chargeEfficiency", "must be in (0, 1]"),
                bad("efficiency above one", t -> h1(t, EV).put("dischargeEfficiency", 1.2),
                        "agents[h1].assets[h1.ev].dischargeEfficiency", "must be in (0, 1]"),
                bad("negative charge limit", t -> h1(t, BAT).put("chargeMax", -1.0), "agents[h1].assets[h1.bat].chargeMax", "must be >= 0"),
                bad("negative cycle cost", t -> h1(t, BAT).put("cycleCost", -0.01), "agents[h1].assets[h1.bat].cycleCost", "must be >= 0"),
                bad("storage without chargeMax", t -> h1(t, BAT).remove("chargeMax"), "agents[h1].assets[h1.bat].chargeMax", "is required"),
                bad("storage with pMax", t -> h1(t, BAT).put("pMax", 2.0), "agents[h1].assets[h1.bat].pMax", "a storage asset takes no pMin, pMax, a or b"),
                bad("EV with a cost", t -> h1(t, EV).put("b", 0.1), "agents[h1].assets[h1.ev].b", "an ev asset takes no pMin, pMax, a or b"),
                bad("shiftable with pMin", t -> h1(t, WASHER).put("pMin", -2.0), "agents[h1].assets[h1.washer].pMin", "a shiftable asset takes no pMin"),
                bad("storage with a field of an EV", t -> h1(t, BAT).put("arrival", 0), "agents[h1].assets[h1.bat].arrival", "unknown field"),
                bad("unknown type", t -> h1(t, BAT).put("type", "battery"), "agents[h1].assets[h1.bat].type", "must be one of ev, flexible, shiftable, storage"),
                bad("shiftable window backwards", t -> h1(t, WASHER).put("windowStart", 2), "agents[h1].assets[h1.washer].windowEnd",
                        "windowEnd 2 <= windowStart 2 (a window must end after it starts)"),
                bad("shiftable with negative energy", t -> h1(t, WASHER).put("energy", -1.0), "agents[h1].assets[h1.washer].energy", "must be >= 0"),
                bad("ramp on a storage", t -> h1(t, BAT).put("rampMax", 1.0), "agents[h1].assets[h1.bat].rampMax", "applies to flexible assets only, not to a storage asset"),
                bad("negative ramp", t -> h1(t, PV).put("rampMax", -1.0), "agents[h1].assets[h1.pv].rampMax", "must be >= 0"),
                bad("profile with an unknown field", t -> h1(t, PV).set("pMax", F.objectNode().put("profile", "pv").put("shift", 1)),
                        "agents[h1].assets[h1.pv].pMax.shift", "unknown field"),
                bad("minStable over a horizon", t -> h1(t, PV).put("minStable", 0.5), "agents[h1].assets[h1.pv].minStable", "applies to a case of one period"),
                bad("block on a storage", t -> h1(t, BAT).put("block", true), "agents[h1].assets[h1.bat].block", "applies to flexible assets only"),
                bad("minQuantity over a horizon", t -> t.withObjectProperty("trades").put("minQuantity", 1.0), "trades.minQuantity", "applies to a case of one period"),
                bad("classMarkets over a horizon", t -> t.put("classMarkets", true), "classMarkets", "applies to a case of one period"),
                bad("premiums over a horizon", t -> ((ObjectNode) t.get("agents").get(1)).set("premiums", F.objectNode().put("green", 0.03)),
                        "agents[h2].premiums", "applies to a case of one period"));
    }

    /** Version-2 fields in the version-1 example: each names the version that introduced it. */
    static Stream<Arguments> versionTwoFieldsInVersionOne() {
        return Stream.of(
                bad("periods", t -> t.put("periods", 24), "periods", "the field 'periods' was introduced in version 2"),
                bad("profiles", t -> t.put("profiles", "p.csv"), "profiles", "the field 'profiles' was introduced in version 2"),
                bad("type", t -> MarketCaseReaderTest.asset(t, 0, 0).put("type", "flexible"), "agents[h1].assets[h1.pv].type", "the field 'type' was introduced in version 2"),
                bad("rampMax", t -> MarketCaseReaderTest.asset(t, 0, 0).put("rampMax", 1.0), "agents[h1].assets[h1.pv].rampMax", "introduced in version 2"),
                bad("array", t -> MarketCaseReaderTest.asset(t, 0, 0).set("pMax", F.arrayNode().add(4.0)), "agents[h1].assets[h1.pv].pMax",
                        "a per-period array was introduced in version 2 of the market-case format; this case is version 1"),
                bad("profile", t -> MarketCaseReaderTest.asset(t, 0, 0).set("pMax", F.objectNode().put("profile", "pv")), "agents[h1].assets[h1.pv].pMax",
                        "a profile was introduced in version 2"),
                bad("fee array", t -> t.withObjectProperty("trades").set("fee", F.arrayNode().add(0.01)), "trades.fee", "introduced in version 2"),
                bad("grid array", t -> t.withObjectProperty("grid").set("importPrice", F.arrayNode().add(0.35)), "grid.importPrice", "introduced in version 2"),
                bad("storage", t -> ((ArrayNode) t.get("agents").get(3).get("assets")).add(F.objectNode().put("id", "m1.bat").put("type", "storage")),
                        "agents[m1].assets[m1.bat].type", "introduced in version 2"),
                bad("minStable", t -> MarketCaseReaderTest.asset(t, 0, 0).put("minStable", 1.0), "agents[h1].assets[h1.pv].minStable", "introduced in version 2"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> mutation, String field, String rule) {
        return Arguments.of(name, mutation, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void rejectsInvalidTimeFieldsNamingFieldAndRule(String name, Consumer<ObjectNode> mutation, String field, String rule) {
        ObjectNode t = twoPeriods();
        mutation.accept(t);
        assertRejected(t.toString(), field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionTwoFieldsInVersionOne")
    void aVersionTwoFieldInAVersionOneCaseNamesTheVersion(String name, Consumer<ObjectNode> mutation, String field, String rule) {
        ObjectNode t = MarketCaseReaderTest.exampleTree();
        mutation.accept(t);
        assertRejected(t.toString(), field, rule);
        // The same when the version comes last (the field is met before the version is known).
        ObjectNode last = t.deepCopy();
        last.remove("version");
        last.put("version", 1);
        assertRejected(last.toString(), field, rule);
    }

    private static void assertRejected(String json, String field, String rule) {
        for (Runnable read : List.<Runnable>of(() -> READER.readHorizon(json, null), () -> READER.read(json, null))) {
            assertThatThrownBy(read::run)
                    .isInstanceOf(InvalidMarketException.class)
                    .hasMessageStartingWith(field + ":")
                    .hasMessageContaining(rule)
                    .satisfies(e -> assertThat(((InvalidMarketException) e).field()).isEqualTo(field));
        }
    }

    // The assets of h1 in two-periods.json, by position.
    private static final int PV = 0;
    private static final int BAT = 1;
    private static final int EV = 2;
    private static final int WASHER = 3;

    private static ObjectNode h1(ObjectNode t, int k) {
        return MarketCaseReaderTest.asset(t, 0, k);
    }
}
