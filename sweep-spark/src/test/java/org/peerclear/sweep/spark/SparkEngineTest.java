package org.peerclear.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.opt.Status;
import org.peerclear.sweep.Scenario;
import org.peerclear.sweep.ScenarioCsv;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.Sweep;
import org.peerclear.sweep.SweepEngine;
import org.peerclear.sweep.SweepProgress;
import org.peerclear.sweep.SweepSettings;

/**
 * The spark engine on {@code local[2]} against the local engine: the same rows, bit for bit but for
 * the time, and the same scenarios.csv but for its seconds column.
 */
class SparkEngineTest {
    @TempDir
    static Path dir;
    /** Twelve scenarios: a grid over fee and PV on the three-house case on its embedded feeder, one that fails, five without a network. */
    private static List<Scenario> scenarios;
    private static List<ScenarioRow> local;

    @BeforeAll
    static void sweepLocally() throws Exception {
        Files.copy(Path.of("..", "examples", "sweeps", "three-houses.json"), dir.resolve("three-houses.json"));
        scenarios = new ArrayList<>();
        scenarios.addAll(read("feeder.json", "{'base': 'three-houses.json', 'grid': {'fee': [0.0, 0.02], 'scale.pv': [0.8, 1.2, 1.6]}}"));
        scenarios.addAll(read("failing.json", "{'base': 'three-houses.json', 'scenarios': [{'id': 'vMin-above-vMax', 'network.vMin': 1.2}]}"));
        scenarios.addAll(read("copper-plate.json", "{'base': {'generate': {'family': 'bipartite', 'peers': 12, 'partners': 3}},"
                + " 'grid': {'seed': [1, 2, 3, 4, 5]}}"));
        local = SweepEngine.registered().get("local").run(scenarios, SweepSettings.defaults().withThreads(2), SweepProgress.NONE);
    }

    private static List<Scenario> read(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json.replace('\'', '"'));
        return Sweep.read(file).scenarios();
    }

    @Test
    void theSparkEngineIsFoundByName() {
        assertThat(SweepEngine.registered().get("spark")).isInstanceOf(SparkEngine.class);
    }

    @Test
    void sparkGivesTheLocalEnginesRowsInTheScenariosOrder() {
        List<SweepProgress.Report> reports = new ArrayList<>();
        List<ScenarioRow> spark = SweepEngine.registered().get("spark").run(scenarios, SweepSettings.defaults().withMaster("local[2]"),
                reports::add);

        assertThat(spark).extracting(ScenarioRow::id).containsExactlyElementsOf(scenarios.stream().map(Scenario::id).toList());
        for (int i = 0; i < local.size(); i++) {
            assertThat(spark.get(i).equalsIgnoringTime(local.get(i))).as("%s: %s vs %s", local.get(i).id(), spark.get(i), local.get(i))
                    .isTrue();
        }
        assertThat(withoutSeconds(ScenarioCsv.text(spark))).isEqualTo(withoutSeconds(ScenarioCsv.text(local)));
        // What makes the comparison worth something: optimal rows with and without a network, and a failure.
        assertThat(local).filteredOn(r -> r.status() == Status.OPTIMAL).hasSize(11);
        assertThat(local.get(0).minVoltage()).isBetween(0.9, 1.05);
        assertThat(local.get(7).minVoltage()).isNaN();
        assertThat(local.get(6).status()).isEqualTo(Status.ERROR);
        assertThat(local.get(6).error()).contains("vMin");

        assertThat(reports).isNotEmpty();
        assertThat(reports).extracting(SweepProgress.Report::done).isSorted();
        SweepProgress.Report last = reports.get(reports.size() - 1);
        assertThat(last.done()).isEqualTo(12);
        assertThat(last.total()).isEqualTo(12);
        assertThat(last.failed()).isEqualTo(1);
        assertThat(last.secondsLeft()).isZero();
    }

    /** A large case is read by the executors from a path they share; here a folder of this machine. */
    @Test
    void casesNamedByPathGiveTheSameRowsAndResultFilesAreWritten() throws Exception {
        Path shared = dir.resolve("shared");
        Path results = Files.createDirectories(dir.resolve("results"));
        List<Scenario> byPath = SparkEngine.travelling(scenarios, new SparkConf(false).set(SparkEngine.CASES_DIR, shared.toString()));
        assertThat(byPath).allSatisfy(s -> assertThat(s.caseJson()).isNull());
        assertThat(Files.readString(Path.of(byPath.get(0).casePath()))).isEqualTo(scenarios.get(0).caseJson());
        assertThat(SparkEngine.travelling(scenarios, new SparkConf(false))).isSameAs(scenarios);

        List<ScenarioRow> spark = new SparkEngine().run(byPath, SweepSettings.defaults().withResultsDir(results), SweepProgress.NONE);

        for (int i = 0; i < local.size(); i++) {
            assertThat(spark.get(i).equalsIgnoringTime(local.get(i))).as(local.get(i).id()).isTrue();
        }
        assertThat(results.resolve(scenarios.get(0).id() + ".json")).isNotEmptyFile();
        assertThat(results.resolve(scenarios.get(11).id() + ".json")).isNotEmptyFile();
    }

    @Test
    void anEmptySweepIsNoRows() {
        assertThat(new SparkEngine().run(List.of(), SweepSettings.defaults(), SweepProgress.NONE)).isEmpty();
    }

    @Test
    void severalScenariosPerCoreButNeverMoreSlicesThanScenarios() {
        assertThat(SparkSweepJob.slices(12, 2)).isEqualTo(8);
        assertThat(SparkSweepJob.slices(5, 2)).isEqualTo(5);
        assertThat(SparkSweepJob.slices(1_000_000, 100)).isEqualTo(400);
        assertThat(SparkSweepJob.slices(3, 0)).isEqualTo(3);
    }

    @Test
    void theMasterIsTheSettingsThenSparksOwnThenLocalTwo() {
        assertThat(SparkEngine.configuration("spark://h:7077").get("spark.master")).isEqualTo("spark://h:7077");
        assertThat(SparkEngine.configuration("spark://h:7077").contains("spark.ui.enabled")).isFalse();
        assertThat(SparkEngine.configuration("spark://h:7077").contains("spark.driver.bindAddress")).isFalse();
        assertThat(SparkEngine.configuration(null).get("spark.master")).isEqualTo("local[2]");
        assertThat(SparkEngine.configuration(null).get("spark.ui.enabled")).isEqualTo("false");
        assertThat(SparkEngine.configuration("local[1]").get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
    }

    /** The CSV without its last column, seconds. */
    static String withoutSeconds(String csv) {
        return csv.replaceAll(",[^,\\n]*\\n", "\n");
    }
}
