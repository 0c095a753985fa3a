package org.peerclear.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.cli.PeerClearCli;
import picocli.CommandLine;

/**
 * {@code sweep --engine spark} through the command line's own main code, as ./peerclear and
 * spark-submit run it (the application jar's main class): the engine is found on the class path and
 * scenarios.csv is the local engine's but for the seconds column.
 */
class SparkCliTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLineWritesTheLocalEnginesCsvWithSpark() throws Exception {
        Path examples = Path.of("..", "examples", "sweeps");
        Files.copy(examples.resolve("three-houses.json"), dir.resolve("three-houses.json"));
        // Not listed.json: its infeasible scenario's message quotes the solver's own timings, which differ from run to run.
        Files.copy(examples.resolve("fee-and-pv.json"), dir.resolve("fee-and-pv.json"));
        String sweep = dir.resolve("fee-and-pv.json").toString();

        StringWriter err = new StringWriter();
        assertThat(sweep(err, sweep, "--engine", "spark", "--master", "local[2]", "--out", dir.resolve("spark").toString()))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("with engine spark");
        assertThat(sweep(new StringWriter(), sweep, "--engine", "local", "--out", dir.resolve("local").toString())).isZero();

        String spark = Files.readString(dir.resolve("spark").resolve("scenarios.csv"));
        String local = Files.readString(dir.resolve("local").resolve("scenarios.csv"));
        assertThat(spark.lines()).hasSize(7);
        assertThat(spark.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",OPTIMAL,"));
        assertThat(SparkEngineTest.withoutSeconds(spark)).isEqualTo(SparkEngineTest.withoutSeconds(local));
    }

    private static int sweep(StringWriter err, String... args) {
        CommandLine cl = PeerClearCli.commandLine();
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }
}
