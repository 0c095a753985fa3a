package org.peerclear.sweep.spark;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed cost the spark engine adds to every sweep: starting a SparkContext on
 * {@code local[2]}, running one one-task job, and stopping it. No warm-up: each fork's first shot
 * is what one {@code ./peerclear sweep --engine spark} pays (a fresh JVM loading Spark's classes),
 * the later shots what a second sweep in the same JVM pays.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 6)
@Fork(3)
public class SparkContextBenchmark {
    @Benchmark
    public long startRunOneTaskStop() {
        try (JavaSparkContext sc = new JavaSparkContext(SparkEngine.configuration("local[2]"))) {
            return sc.parallelize(List.of(1), 1).count();
        }
    }
}
