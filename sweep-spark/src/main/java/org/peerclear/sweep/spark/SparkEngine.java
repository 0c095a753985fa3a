package org.peerclear.sweep.spark;

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
        LOG.info("Sweep of {} scenarios on Spark, master {}", scenarios.size(), conf.get("spark.master"));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            return SparkSweepJob.run(sc, scenarios, settings.resultsDir(), progress);
        }
    }

    /**
     * The configuration of a sweep's own SparkContext: Spark's {@code spark.*} system properties (what
     * {@code spark-submit} passes), the master, and no web UI on a local master.
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
            // A sweep on this machine needs no web UI, and without it two sweeps (or two test JVMs) do not compete for port 4040.
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }
}
