package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerclear.cli.CliTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sweep} end to end on the embedded example (three houses on case33bw), and its refusals. */
class SweepCliTest {
    @TempDir
    Path dir;

    private Path sweep(String json) throws Exception {
        Files.writeString(dir.resolve("three-houses.json"), ExampleCommand.load());
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, json.replace('\'', '"'));
        return file;
    }

    @Test
    void theExampleSweepsBaseIsTheEmbeddedExample() throws Exception {
        // examples/sweeps/ carries a copy so that its sweep files run from a checkout; it must not drift.
        Path copy = Path.of("..", "examples", "sweeps", "three-houses.json");
        assertThat(Files.readString(copy)).isEqualTo(ExampleCommand.load());
    }

    @Test
    void aGridOverTheExampleWritesOneRowPerScenarioAndTheResultFiles() throws Exception {
        Path file = sweep("{'base': 'three-houses.json', 'grid': {'fee': [0.0, 0.01], 'scale.pv': [0.8, 1.2]},"
                + " 'run': {'options': {'solver.timeLimit': 60}}}");
        Path out = dir.resolve("out");
        CliTest.Run r = run("sweep", file.toString(), "--threads", "2", "--out", out.toString(), "--results");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("sweep: 4 of 4 scenarios, 0 failed").contains("swept 4 scenarios with engine local")
                .contains("0 failed");
        List<String> lines = Files.readAllLines(out.resolve("scenarios.csv"));
        assertThat(lines.get(0)).isEqualTo("id,status,welfare,meanPrice,tradedVolume,minVoltage,maxVoltage,losses,periods,error,seconds");
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(1, 5)).extracting(l -> l.substring(0, l.indexOf(",OPTIMAL,"))).containsExactly(
                "\"fee=0.0,scale.pv=0.8\"", "\"fee=0.0,scale.pv=1.2\"", "\"fee=0.01,scale.pv=0.8\"", "\"fee=0.01,scale.pv=1.2\"");
        // With the feeder: voltages and losses filled in; one period.
        String[] cells = lines.get(1).substring(lines.get(1).indexOf("OPTIMAL")).split(",", -1);
        assertThat(cells).hasSize(10);
        assertThat(Double.parseDouble(cells[4])).isBetween(0.9, 1.0);
        assertThat(Double.parseDouble(cells[5])).isBetween(0.9, 1.1);
        assertThat(cells[7]).isEqualTo("1");
        assertThat(out.resolve("results").resolve("fee=0.01,scale.pv=1.2.json")).content().contains("\"welfare\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing base | {'grid': {'fee': [0.1]}} | base: missing",
        "unknown key | {'base': 'three-houses.json', 'scenarios': [{'id': 'a', 'scael': {'pv': 2}}]} | scenarios[0].scael: unknown key; did you mean scale?",
        "empty grid | {'base': 'three-houses.json', 'grid': {}} | grid: is empty",
        "base not found | {'base': 'missing.json', 'grid': {'fee': [0.1]}} | base: no such file",
    })
    void aBadSweepFileExitsTwoNamingTheField(String what, String json, String message) throws Exception {
        Path file = sweep(json);
        CliTest.Run r = run("sweep", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(what).isEqualTo(2);
        assertThat(r.err()).as(what).startsWith("Error: invalid sweep file " + file + ": ").contains(message);
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
    }

    @Test
    void theSparkEngineAbsentOrAnUnknownEngineExitsTwoSayingWhatToDo() throws Exception {
        Path file = sweep("{'base': 'three-houses.json', 'grid': {'fee': [0.1]}}");
        CliTest.Run spark = run("sweep", file.toString(), "--engine", "spark", "--out", dir.resolve("out").toString());
        assertThat(spark.code()).isEqualTo(2);
        assertThat(spark.err()).contains(SweepCommand.SPARK_MISSING);
        CliTest.Run typo = run("sweep", file.toString(), "--engine", "locale", "--out", dir.resolve("out").toString());
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean 'local'");
        CliTest.Run threads = run("sweep", file.toString(), "--threads", "0", "--out", dir.resolve("out").toString());
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads");
    }

    @Test
    void failedScenariosAreCountedAndTheSweepStillSucceeds() throws Exception {
        Path file = sweep("{'base': 'three-houses.json', 'scenarios': [{'id': 'ok'}, {'id': 'bad', 'network.vMin': 1.2}]}");
        CliTest.Run r = run("sweep", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 failed");
        assertThat(Files.readAllLines(dir.resolve("out").resolve("scenarios.csv")).get(2)).startsWith("bad,ERROR,,,,,,,0,");
    }

    @Test
    void theProgressLineSaysWhatIsLeft() {
        assertThat(SweepProgressPrinter.line(org.peerclear.sweep.SweepProgress.Report.of(2, 10, 1, 4.0)))
                .isEqualTo("sweep: 2 of 10 scenarios, 1 failed, 4.0 s, about 16.0 s left");
        assertThat(SweepProgressPrinter.line(org.peerclear.sweep.SweepProgress.Report.of(10, 10, 0, 9.0))).endsWith(", done");
    }
}
