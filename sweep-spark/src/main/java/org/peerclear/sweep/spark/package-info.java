/**
 * The {@code spark} sweep engine: a sweep's scenarios as one Apache Spark job, on this machine
 * ({@code local[2]}) or on a cluster ({@code spark-submit}); docs/sweep-spark.md tells how to run it.
 */
package org.peerclear.sweep.spark;
