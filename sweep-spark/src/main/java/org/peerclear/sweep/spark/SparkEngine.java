package org.peerclear.sweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.peerclear.sweep.Scenario;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.SweepEngine;
import org.peerclear.sweep.SweepProgress;
import org.peerclear.sweep.SweepSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep engine {@code spark}: runs a sweep's scenarios as one Apache Spark job
 * ({@link SparkSweepJob}) on the settings' master, {@code local[2]} when neither the settings nor
 * the Spark configuration (e.g. {@code spark-submit --master}) name one.
 *
 * <p>The engine starts a SparkContext for the sweep and stops it at the end, so that a JVM can run
 * one sweep after another and keeps no Spark state between them. Spark allows one active context
 * per JVM: code that has its own (spark-shell, a notebook, a benchmark) runs a sweep on it with
 * {@link SparkSweepJob#run}.
 */
public final class SparkEngine implements SweepEngine {
    /** The master when none is given: two threads on this machine. */
    public static final String DEFAULT_MASTER = "local[2]";
    /** The application's name in Spark's UI and logs. */
    static final String APP_NAME = "peerclear-sweep";
    /**
     * The Spark setting that sends the scenarios' cases as files instead of JSON text: a folder that
     * the driver writes {@code ID.json} into and every executor reads at the same path (a shared
     * file system), for cases too large to travel in the tasks. Set as any Spark setting:
     * {@code spark-submit --conf spark.peerclear.sweep.casesDir=/shared/cases}, or
     * {@code -Dspark.peerclear.sweep.casesDir=...} in {@code JAVA_OPTS}.
     */
    public static final String CASES_DIR = "spark.peerclear.sweep.casesDir";

    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String description() {
        return "the scenarios as one Apache Spark job: --master local[2] on this machine, spark://HOST:7077 on a cluster";
    }

    @Override
    public List<ScenarioRow> run(List<Scenario> scenarios, SweepSettings settings, SweepProgress progress) {
        SparkConf conf = configuration(settings.master());
        List<Scenario> sent = travelling(scenarios, conf);
        LOG.info("Sweep of {} scenarios on Spark, master {}", scenarios.size(), conf.get("spark.master"));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            return SparkSweepJob.run(sc, sent, settings.resultsDir(), progress);
        }
    }

    /**
     * The scenarios as they travel to the executors: as they are (cases as JSON text), or with their
     * cases written to the folder {@link #CASES_DIR} names and sent as paths.
     *
     * @param scenarios the sweep's scenarios
     * @param conf      the sweep's Spark configuration
     * @return the scenarios to send
     * @throws java.io.UncheckedIOException if a case cannot be written
     */
    static List<Scenario> travelling(List<Scenario> scenarios, SparkConf conf) {
        if (!conf.contains(CASES_DIR)) {
            return scenarios;
        }
        Path dir = Path.of(conf.get(CASES_DIR)).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(CASES_DIR + ": cannot create " + dir + ": " + e.getMessage(), e);
        }
        LOG.info("Cases written to {} and sent as paths ({})", dir, CASES_DIR);
        return scenarios.stream().map(s -> s.shared(dir)).toList();
    }

    /**
     * The configuration of a sweep's own SparkContext: Spark's {@code spark.*} system properties (what
     * {@code spark-submit} passes), the master, and on a local master no web UI and a driver on the
     * loopback address.
     *
     * @param master the master URL, or null for the one in the system properties, else {@link #DEFAULT_MASTER}
     * @return the configuration
     */
    static SparkConf configuration(String master) {
        SparkConf conf = new SparkConf().setAppName(APP_NAME);
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", DEFAULT_MASTER);
        }
        if (conf.get("spark.master").startsWith("local")) {
            // A sweep on this machine needs no web UI (without it two sweeps, or two test JVMs, do not compete for
            // port 4040), and its driver's ports serve only this JVM: loopback, not the machine's network address.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }
}
