package org.peerclear.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading sweep files: the grid's order and ids, what each change does to the case, and what is refused. */
class SweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Sweep read(String json) {
        return Sweep.read(SweepFiles.sweep(dir, json));
    }

    private static JsonNode asset(Scenario s, int agent, int asset) throws Exception {
        return JSON.readTree(s.caseJson()).get("agents").get(agent).get("assets").get(asset);
    }

    @Test
    void aGridRunsThroughEveryCombinationTheLastKeyFastestNamedByItsValues() {
        Sweep s = read("{'base': 'three-houses.json', 'grid': {'fee': [0.0, 0.01], 'scale.pv': [0.8, 1.0, 1.2]}}");
        assertThat(s.scenarios()).extracting(Scenario::id).containsExactly(
                "fee=0.0,scale.pv=0.8", "fee=0.0,scale.pv=1.0", "fee=0.0,scale.pv=1.2",
                "fee=0.01,scale.pv=0.8", "fee=0.01,scale.pv=1.0", "fee=0.01,scale.pv=1.2");
        assertThat(s.scenarios()).allSatisfy(sc -> assertThat(sc.run()).isEqualTo(ScenarioRun.DEFAULT));
        Sweep three = read("{'base': 'three-houses.json', 'grid': {'method': ['qp', 'lp'], 'scale.load': [1, 2], 'fee': [0.5]}}");
        assertThat(three.scenarios()).extracting(Scenario::id).containsExactly("method=qp,scale.load=1,fee=0.5",
                "method=qp,scale.load=2,fee=0.5", "method=lp,scale.load=1,fee=0.5", "method=lp,scale.load=2,fee=0.5");
        assertThat(three.scenarios()).extracting(sc -> sc.run().method()).containsExactly("qp", "qp", "lp", "lp");
    }

    @Test
    void scaleMultipliesTheGroupsPowersAndFeeSetsTheDefaultGamma() throws Exception {
        Sweep s = read("{'base': 'three-houses.json', 'scenarios': [{'id': 'base'}, {'id': 's1', 'scale': {'pv': 1.2}, 'fee': 0.02},"
                + " {'id': 's2', 'scale.load': 0.5, 'network.vMin': 0.95}]}");
        Scenario base = s.scenarios().get(0);
        Scenario s1 = s.scenarios().get(1);
        Scenario s2 = s.scenarios().get(2);
        assertThat(asset(base, 0, 0).get("pMax").asDouble()).isEqualTo(4.0);
        assertThat(asset(s1, 0, 0).get("pMax").asDouble()).isEqualTo(4.0 * 1.2);
        assertThat(asset(s1, 0, 0).get("pMin").asDouble()).isEqualTo(0.0);
        assertThat(asset(s1, 0, 1)).as("h1.load is not in group pv").isEqualTo(asset(base, 0, 1));
        assertThat(asset(s1, 0, 0).get("b").asDouble()).as("costs stay").isEqualTo(0.0);
        JsonNode trades = JSON.readTree(s1.caseJson()).get("trades");
        assertThat(trades.get("fee").asDouble()).isEqualTo(0.02);
        assertThat(trades.get("arcs").get(0).get("gamma").asDouble()).as("an arc's own gamma stays").isEqualTo(0.03);
        assertThat(asset(s2, 0, 1).get("pMin").asDouble()).isEqualTo(-3.0 * 0.5);
        assertThat(asset(s2, 0, 1).get("pMax").asDouble()).isEqualTo(-1.0 * 0.5);
        assertThat(asset(s2, 1, 0).get("pMin").asDouble()).isEqualTo(-5.0 * 0.5);
        assertThat(asset(s2, 2, 0).get("pMax").asDouble()).as("h3.gen is not a load").isEqualTo(6.0);
        assertThat(JSON.readTree(s2.caseJson()).get("network").get("vMin").asDouble()).isEqualTo(0.95);
    }

    @Test
    void aGeneratedBaseTakesTheScenariosSeedAndScalesStoresByType() throws Exception {
        Sweep s = read("{'base': {'generate': {'family': 'household-day', 'households': 3, 'periods': 4, 'batteries': 1}},"
                + " 'run': {'kind': 'simulate', 'window': 2},"
                + " 'scenarios': [{'id': 'a', 'seed': 1}, {'id': 'b', 'seed': 2}, {'id': 'c', 'seed': 1, 'scale.storage': 2}]}");
        List<Scenario> sc = s.scenarios();
        assertThat(sc.get(0).caseJson()).isNotEqualTo(sc.get(1).caseJson());
        assertThat(sc.get(0).run()).isEqualTo(new ScenarioRun(ScenarioRun.Kind.SIMULATE, "qp", java.util.Map.of(), 2, 2));
        JsonNode a = JSON.readTree(sc.get(0).caseJson()).get("agents").get(0).get("assets");
        JsonNode c = JSON.readTree(sc.get(2).caseJson()).get("agents").get(0).get("assets");
        int checked = 0;
        for (int k = 0; k < a.size(); k++) {
            if ("storage".equals(a.get(k).path("type").asText())) {
                assertThat(c.get(k).get("energyMax").asDouble()).isEqualTo(2 * a.get(k).get("energyMax").asDouble());
                assertThat(c.get(k).get("chargeMax").asDouble()).isEqualTo(2 * a.get(k).get("chargeMax").asDouble());
                assertThat(c.get(k).get("chargeEfficiency")).isEqualTo(a.get(k).get("chargeEfficiency"));
                checked++;
            } else {
                assertThat(c.get(k)).isEqualTo(a.get(k));
            }
        }
        assertThat(checked).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no base | {'grid': {'fee': [0.1]}} | base: missing",
        "base not found | {'base': 'nowhere.json', 'grid': {'fee': [0.1]}} | base: no such file",
        "unknown top key | {'base': 'three-houses.json', 'grids': {'fee': [0.1]}} | grids: unknown key; did you mean grid?",
        "unknown scenario key | {'base': 'three-houses.json', 'scenarios': [{'id': 'a', 'feee': 0.1}]} | scenarios[0].feee: unknown key; did you mean fee?",
        "empty grid | {'base': 'three-houses.json', 'grid': {}} | grid: is empty",
        "empty values | {'base': 'three-houses.json', 'grid': {'fee': []}} | grid.fee: must be a non-empty list",
        "neither | {'base': 'three-houses.json'} | scenarios: missing",
        "both | {'base': 'three-houses.json', 'grid': {'fee': [0.1]}, 'scenarios': [{'id': 'a'}]} | grid: give scenarios or grid, not both",
        "duplicate id | {'base': 'three-houses.json', 'scenarios': [{'id': 'a'}, {'id': 'a', 'fee': 0.1}]} | scenarios[1].id: scenario id 'a' is also",
        "duplicate value | {'base': 'three-houses.json', 'grid': {'fee': [0.1, 0.1]}} | grid: scenario id 'fee=0.1' is also",
        "id with a slash | {'base': 'three-houses.json', 'scenarios': [{'id': 'a/b'}]} | scenarios[0].id: id 'a/b' names a file",
        "seed of a file | {'base': 'three-houses.json', 'scenarios': [{'id': 'a', 'seed': 3}]} | scenarios[0].seed: the base case is a file",
        "no such group | {'base': 'three-houses.json', 'grid': {'scale.pvv': [1.0]}} | grid.scale.pvv[0]: no asset of the base case is in group 'pvv'",
        "no such path | {'base': 'three-houses.json', 'scenarios': [{'id': 'a', 'network.vMinn': 0.9}]} | scenarios[0].network.vMinn: the base case has no number at network.vMinn",
        "negative scale | {'base': 'three-houses.json', 'scenarios': [{'id': 'a', 'scale': {'pv': -1}}]} | scenarios[0].scale.pv: a scale factor is >= 0",
        "fee as text | {'base': 'three-houses.json', 'grid': {'fee': ['high']}} | grid.fee[0]: must be a finite number",
        "unknown option | {'base': 'three-houses.json', 'run': {'options': {'admm.rh0': 1}}, 'grid': {'fee': [0.1]}} | run.options.admm.rh0: unknown option",
        "bad kind | {'base': 'three-houses.json', 'run': {'kind': 'clean'}, 'grid': {'fee': [0.1]}} | run.kind: must be clear or simulate",
        "unknown family | {'base': {'generate': {'family': 'bipartit', 'peers': 4}}, 'grid': {'seed': [1]}} | base.generate.family: unknown family 'bipartit'; did you mean bipartite?",
    })
    void aBadSweepFileIsRefusedNamingTheField(String what, String json, String message) {
        assertThatThrownBy(() -> read(json)).as(what).isInstanceOf(InvalidSweepException.class).hasMessageContaining(message);
    }

    @Test
    void aCaseFileWithAnInvalidRuleIsRefusedAsTheBase() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"format\": \"peerclear-market\", \"version\": 1}");
        assertThatThrownBy(() -> Sweep.read(SweepFiles.sweep(dir, "{'base': 'bad.json', 'grid': {'fee': [0.1]}}")))
                .isInstanceOf(InvalidSweepException.class).hasMessageStartingWith("base: invalid market case");
    }
}
