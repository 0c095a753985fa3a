package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The version-2 case fields end to end: {@code clear CASE.json --out R.json} on small cases,
 * the numbers of the result checked against hand computations or against the same market
 * written without the field (a fee for a uniform charge, {@code --set} for an option).
 */
class CaseV2CliTest {
    private static final double TOL = 1e-6;

    @TempDir
    Path dir;

    /**
     * One buyer (0.30 per kW, up to 3 kW) and two producers: a block offer of 2 kW at 0.10 and a
     * flexible 0..3 kW at 0.20. With the block on, 2 kW at 0.10 and 1 kW at 0.20: welfare 0.90 −
     * 0.20 − 0.20 = 0.50; with it off, 3 kW at 0.20: 0.30. So the block runs and the welfare is 0.50.
     */
    private static final String BLOCK = """
            {"format": "peerclear-market", "version": 2, "name": "block",
             "agents": [
               {"id": "b", "assets": [{"id": "load", "pMin": -3, "pMax": 0, "a": 0, "b": 0.30}]},
               {"id": "g1", "assets": [{"id": "blk", "pMin": 0, "pMax": 2, "a": 0, "b": 0.10, "block": true}]},
               {"id": "g2", "assets": [{"id": "flex", "pMin": 0, "pMax": 3, "a": 0, "b": 0.20}]}]}
            """;

    @Test
    void milpClearsABlockOfferAsEnumeratingItSays() throws Exception {
        JsonNode r = clearOk(BLOCK, "--method", "milp");
        assertThat(r.get("method").asText()).isEqualTo("milp");
        assertThat(r.get("welfare").asDouble()).isCloseTo(0.50, within(TOL));
        assertThat(asset(r, "blk").get("p").asDouble()).isCloseTo(2.0, within(TOL));
        assertThat(asset(r, "flex").get("p").asDouble()).isCloseTo(1.0, within(TOL));
    }

    @Test
    void minQuantityKeepsATradeTooSmallToMakeAtZero() throws Exception {
        // The buyer wants at most 0.5 kW and a trade must be 0 or at least 1 kW: nothing trades.
        JsonNode r = clearOk("""
                {"format": "peerclear-market", "version": 2, "name": "small",
                 "agents": [
                   {"id": "b", "assets": [{"id": "load", "pMin": -0.5, "pMax": 0, "a": 0, "b": 0.30}]},
                   {"id": "g", "assets": [{"id": "pv", "pMin": 0, "pMax": 2, "a": 0, "b": 0.10}]}],
                 "trades": {"minQuantity": 1.0}}
                """, "--method", "milp");
        assertThat(agent(r, "b").get("p").asDouble()).isCloseTo(0.0, within(TOL));
        assertThat(r.get("welfare").asDouble()).isCloseTo(0.0, within(TOL));
    }

    @Test
    void integerRulesWithAnotherMethodExitTwoNamingTheFieldAsTheReaderDoes() throws Exception {
        Path c = write("block.json", BLOCK);
        CliTest.Run r = CliTest.run("clear", c.toString(), "--method", "qp");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("agents[g1].assets[blk].block: ").contains("--method milp");

        CliTest.Run minStable = CliTest.run("clear", write("stable.json", BLOCK.replace("\"block\": true", "\"minStable\": 1.5")).toString());
        assertThat(minStable.code()).isEqualTo(2);
        assertThat(minStable.err()).contains("agents[g1].assets[blk].minStable: ").contains("--method milp");

        // The reader names the same field the same way when its value is wrong.
        CliTest.Run invalid = CliTest.run("clear", write("bad.json", BLOCK.replace("\"block\": true", "\"block\": 1")).toString(),
                "--method", "milp");
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).contains("agents[g1].assets[blk].block");
    }

    /**
     * A buyer (up to 3 kW at 0.30) valuing green energy 0.05 more, a green seller at 0.20 and an
     * unlabelled one at 0.18. Without the premium the buyer takes the unlabelled 0.18; with it
     * the unlabelled unit costs it 0.18 + 0.05 = 0.23 > 0.20, so it buys all 3 kW green and the
     * welfare is 3 · (0.30 − 0.20) = 0.30. The sellers do not trade with each other: in a complete
     * graph the green seller would resell the unlabelled energy and sidestep the premium.
     */
    @Test
    void premiumsSteerTheBuyerToTheClassItPrefers() throws Exception {
        String premium = """
                {"format": "peerclear-market", "version": 2, "name": "premiums",
                 "classes": {"green": {}},
                 "agents": [
                   {"id": "b", "premiums": {"green": 0.05}, "assets": [{"id": "load", "pMin": -3, "pMax": 0, "a": 0, "b": 0.30}]},
                   {"id": "g", "class": "green", "assets": [{"id": "pv", "pMin": 0, "pMax": 4, "a": 0, "b": 0.20}]},
                   {"id": "f", "assets": [{"id": "gen", "pMin": 0, "pMax": 4, "a": 0, "b": 0.18}]}],
                 "trades": {"graph": [["b", "g"], ["b", "f"]]}}
                """;
        JsonNode r = clearOk(premium, "--method", "qp");
        assertThat(asset(r, "pv").get("p").asDouble()).isCloseTo(3.0, within(TOL));
        assertThat(asset(r, "gen").get("p").asDouble()).isCloseTo(0.0, within(TOL));
        assertThat(r.get("welfare").asDouble()).isCloseTo(0.30, within(TOL));

        JsonNode without = clearOk(premium.replace("\"premiums\": {\"green\": 0.05}, ", ""), "--method", "qp");
        assertThat(asset(without, "gen").get("p").asDouble()).isCloseTo(3.0, within(TOL));
        assertThat(without.get("welfare").asDouble()).isCloseTo(0.36, within(TOL));
    }

    /**
     * The class markets of a buyer (3 kW at 0.30) valuing green 0.05 more and two sellers with the
     * same cost 0.10 + 0.02·x. The buyer buys both classes when pi_green − 0.05 = pi_unlabelled,
     * i.e. 0.02·(x_g − x_u) = 0.05 with x_g + x_u = 3: x_g = 2.75, x_u = 0.25, prices 0.155 and 0.105.
     */
    @Test
    void classMarketsClearOneMarketPerClassAndReportItsSection() throws Exception {
        JsonNode r = clearOk("""
                {"format": "peerclear-market", "version": 2, "name": "classes",
                 "classes": {"green": {}}, "classMarkets": true,
                 "agents": [
                   {"id": "b", "premiums": {"green": 0.05}, "assets": [{"id": "load", "pMin": -3, "pMax": 0, "a": 0, "b": 0.30}]},
                   {"id": "g", "class": "green", "assets": [{"id": "pv", "pMin": 0, "pMax": 4, "a": 0.02, "b": 0.10}]},
                   {"id": "f", "assets": [{"id": "gen", "pMin": 0, "pMax": 4, "a": 0.02, "b": 0.10}]}]}
                """);
        assertThat(r.get("method").asText()).isEqualTo("multiclass");
        JsonNode s = r.get("classMarkets");
        assertThat(s.get("prices").get("green").asDouble()).isCloseTo(0.155, within(TOL));
        assertThat(s.get("prices").get("unlabelled").asDouble()).isCloseTo(0.105, within(TOL));
        assertThat(s.get("sales").get("g").asDouble()).isCloseTo(2.75, within(TOL));
        assertThat(s.get("sales").get("f").asDouble()).isCloseTo(0.25, within(TOL));
        assertThat(s.get("purchases").get("b").get("green").asDouble()).isCloseTo(2.75, within(TOL));
        assertThat(s.get("purchases").get("b").get("unlabelled").asDouble()).isCloseTo(0.25, within(TOL));
        assertThat(r.get("trades")).isEmpty();
    }

    /** Two sellers and two buyers on case33bw, every pair may trade, fee 0.001; a grid at the substation. */
    private static String feederCase(String networkExtra) {
        return """
                {"format": "peerclear-market", "version": 2, "name": "feeder",
                 "agents": [
                   {"id": "s18", "bus": "18", "assets": [{"id": "s18.gen", "pMin": 0, "pMax": 150, "a": 0.0004, "b": 0.05}]},
                   {"id": "s30", "bus": "30", "assets": [{"id": "s30.gen", "pMin": 0, "pMax": 150, "a": 0.0004, "b": 0.05}]},
                   {"id": "b9", "bus": "9", "assets": [{"id": "b9.load", "pMin": -120, "pMax": 0, "a": 0.0005, "b": 0.25}]},
                   {"id": "b23", "bus": "23", "assets": [{"id": "b23.load", "pMin": -120, "pMax": 0, "a": 0.0005, "b": 0.25}]}],
                 "trades": {"graph": "complete", "fee": FEE},
                 "grid": {"bus": "1", "importPrice": 0.30, "exportPrice": 0.02},
                 "network": {"case": "case33bw", "vMin": 0.9, "vMax": 1.05 EXTRA}}
                """.replace("EXTRA", networkExtra);
    }

    @Test
    void aUniformNetworkChargeClearsAsTheSameRaiseOfEveryFee() throws Exception {
        JsonNode charged = clearOk(feederCase(", \"charges\": {\"kind\": \"uniform\", \"rate\": 0.01}").replace("FEE", "0.001"));
        JsonNode raised = clearOk(feederCase("").replace("FEE", "0.011"));
        JsonNode plain = clearOk(feederCase("").replace("FEE", "0.001"));
        assertThat(charged.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(charged.get("objective").asDouble()).isCloseTo(raised.get("objective").asDouble(), within(TOL));
        assertThat(charged.get("objective").asDouble()).isGreaterThan(plain.get("objective").asDouble() + 1);
        for (String id : List.of("s18", "s30", "b9", "b23")) {
            assertThat(agent(charged, id).get("price").asDouble()).as(id).isCloseTo(agent(raised, id).get("price").asDouble(), within(TOL));
        }
    }

    @Test
    void lossesAreAllocatedInFullAndPricedAtTheGridsImportPrice() throws Exception {
        JsonNode r = clearOk(feederCase(", \"losses\": {\"allocation\": \"pro-rata\", \"price\": \"grid\"}").replace("FEE", "0.001"));
        JsonNode a = r.get("lossAllocation");
        assertThat(a.get("method").asText()).isEqualTo("pro-rata");
        assertThat(a.get("price").asDouble()).isEqualTo(0.30);
        assertThat(a.get("totalKw").asDouble()).isCloseTo(r.get("losses").asDouble(), within(TOL));
        double shares = 0;
        List<String> participants = new ArrayList<>();
        for (var e : iterable(a.get("shares"))) {
            shares += e.getValue().asDouble();
            participants.add(e.getKey());
            // Power in kW here, so a share's cost is its kW times the price.
            assertThat(a.get("costs").get(e.getKey()).asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble() * 0.30, within(TOL));
        }
        assertThat(shares).isCloseTo(a.get("totalKw").asDouble(), within(TOL));
        assertThat(participants).contains("s18", "s30", "b9", "b23").anyMatch(p -> p.startsWith("load@"));

        JsonNode priced = clearOk(feederCase(", \"losses\": {\"allocation\": \"path\", \"price\": 0.1}").replace("FEE", "0.001"));
        assertThat(priced.get("lossAllocation").get("method").asText()).isEqualTo("path");
        assertThat(priced.get("lossAllocation").get("price").asDouble()).isEqualTo(0.1);
    }

    @Test
    void lossAwareAndTightenToAcClearAsTheirNamedOptionsDo() throws Exception {
        for (String option : List.of("lossAware", "tightenToAc")) {
            JsonNode fromCase = clearOk(feederCase(", \"" + option + "\": true").replace("FEE", "0.001"), "--method", "qp");
            JsonNode fromOption = clearOk(feederCase("").replace("FEE", "0.001"), "--method", "qp", "--set", "network." + option + "=true");
            assertThat(fromCase.get("status").asText()).as(option).isEqualTo(fromOption.get("status").asText());
            assertThat(fromCase.get("objective").asDouble()).as(option).isCloseTo(fromOption.get("objective").asDouble(), within(TOL));
            assertThat(fromCase.get("losses").asDouble()).as(option).isCloseTo(fromOption.get("losses").asDouble(), within(TOL));
        }
        JsonNode aware = clearOk(feederCase(", \"lossAware\": true").replace("FEE", "0.001"), "--method", "qp");
        JsonNode plain = clearOk(feederCase("").replace("FEE", "0.001"), "--method", "qp");
        // Losses priced at the import price make trading across the feeder dearer.
        assertThat(aware.get("objective").asDouble()).isNotCloseTo(plain.get("objective").asDouble(), within(TOL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"charges\": {\"kind\": \"flat\", \"rate\": 0.01}|network.charges.kind",
        "\"charges\": {\"kind\": \"uniform\", \"rate\": -0.01}|network.charges.rate",
        "\"charges\": {\"kind\": \"distance\", \"rate\": 0.5, \"side\": \"seller\"}|network.charges.side",
        "\"losses\": {\"allocation\": \"random\"}|network.losses.allocation",
        "\"losses\": {\"allocation\": \"path\", \"price\": -1}|network.losses.price",
        "\"lossAware\": \"yes\"|network.lossAware",
        "\"tightenToAc\": 1|network.tightenToAc"})
    void anInvalidNetworkFieldExitsTwoNamingIt(String field, String named) throws Exception {
        CliTest.Run r = CliTest.run("clear", write("bad.json", feederCase(", " + field).replace("FEE", "0.001")).toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(named);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"classMarkets\": \"yes\", \"agents\": [{\"id\": \"x\", \"assets\": []}]|classMarkets",
        "\"classes\": {\"green\": {}}, \"agents\": [{\"id\": \"x\", \"class\": \"red\", \"assets\": []}]|agents[x].class",
        "\"classes\": {\"green\": {}}, \"agents\": [{\"id\": \"x\", \"premiums\": {\"green\": -0.1}, \"assets\": []}]|agents[x].premiums.green",
        "\"trades\": {\"minQuantity\": -1}, \"agents\": [{\"id\": \"x\", \"assets\": []}]|trades.minQuantity"})
    void anInvalidMarketFieldExitsTwoNamingIt(String members, String named) throws Exception {
        String body = "{\"format\": \"peerclear-market\", \"version\": 2, \"name\": \"bad\", " + members + "}";
        CliTest.Run r = CliTest.run("clear", write("bad.json", body).toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(named);
    }

    private Path write(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }

    /** Clears the case with the given options into a result file, which it returns read. */
    private JsonNode clearOk(String json, String... options) throws Exception {
        Path out = dir.resolve("r.json");
        Files.deleteIfExists(out);
        List<String> args = new ArrayList<>(List.of("clear", write("case.json", json).toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).as(j.get("message").asText()).isEqualTo("OPTIMAL");
        return j;
    }

    private static JsonNode agent(JsonNode r, String id) {
        return find(r.get("agents"), id);
    }

    private static JsonNode asset(JsonNode r, String id) {
        return find(r.get("assets"), id);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no entry '" + id + "' in " + list);
    }

    private static Iterable<java.util.Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
