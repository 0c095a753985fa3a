package org.peerclear.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peerclear.spi.Registry;
import org.peerclear.sweep.InvalidSweepException;
import org.peerclear.sweep.ScenarioCsv;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.Sweep;
import org.peerclear.sweep.SweepEngine;
import org.peerclear.sweep.SweepSettings;
import org.peerclear.sweep.local.LocalEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep SWEEP.json --out DIR}: runs a sweep file's scenarios on an engine found by name
 * ({@link SweepEngine#registered()}) and writes {@code DIR/scenarios.csv}, and with
 * {@code --results} each scenario's result as {@code DIR/results/ID.json}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run many scenarios over a base case (format: docs/sweep.md) and write one row per scenario to DIR/scenarios.csv.")
public final class SweepCommand implements Callable<Integer> {
    /** What {@code --engine spark} says when the sweep-spark module is not on the class path. */
    static final String SPARK_MISSING = "the spark engine is not on the class path: build the sweep-spark module"
            + " (mvn -pl sweep-spark -am package) and run ./peerclear, which adds it";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep file: base case, run, scenarios or grid.")
    Path sweepPath;

    @Option(names = "--engine", defaultValue = LocalEngine.NAME, description = "local (a thread pool here) or spark"
            + " (Apache Spark; module sweep-spark) (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "The cluster's URL for engines that need one, e.g. local[2]"
            + " or spark://HOST:7077 (default: the engine's).")
    String master;

    @Option(names = "--threads", description = "Scenarios run at once by the local engine (default: one per processor).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for scenarios.csv (created if missing).")
    Path out;

    @Option(names = "--results", description = "Also write each scenario's result to DIR/results/ID.json (default: off).")
    boolean results;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SweepEngine e = engine();
        if (threads != null && threads < 1) {
            throw new InvalidInputException("Invalid value for option --threads: " + threads + " (at least 1)");
        }
        Sweep sweep;
        try {
            sweep = Sweep.read(sweepPath);
        } catch (InvalidSweepException ex) {
            throw new InvalidInputException("invalid sweep file " + sweepPath + ": " + ex.getMessage());
        }
        SweepSettings settings = SweepSettings.defaults().withMaster(master);
        if (threads != null) {
            settings = settings.withThreads(threads);
        }
        Path resultsDir = results ? out.resolve("results") : out;
        directory(resultsDir);
        if (results) {
            settings = settings.withResultsDir(resultsDir);
        }
        long start = System.nanoTime();
        List<ScenarioRow> rows = e.run(sweep.scenarios(), settings, new SweepProgressPrinter(err));
        Path csv = ScenarioCsv.write(rows, out);
        long failed = rows.stream().filter(ScenarioRow::failed).count();
        err.println(String.format(Locale.ROOT, "swept %d scenarios with engine %s in %.3f s: %d failed; wrote %s", rows.size(),
                e.name(), (System.nanoTime() - start) * 1e-9, failed, csv));
        err.flush();
        return PeerClearCli.OK;
    }

    /** The engine by name; spark's absence is said with how to get it. */
    private SweepEngine engine() {
        Registry<SweepEngine> registry = SweepEngine.registered();
        if (engine.equals("spark") && registry.find("spark").isEmpty()) {
            throw new InvalidInputException(SPARK_MISSING);
        }
        try {
            return registry.get(engine);
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("--engine: " + ex.getMessage());
        }
    }

    private static void directory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new InvalidInputException("cannot create " + dir + ": " + ex.getMessage());
        }
    }
}
