package org.peerclear.sweep.spark;

import java.util.List;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.SweepProgress;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reports a sweep's progress as Spark's tasks finish: each finished task carries, in its
 * accumulator updates, how many scenarios it ran and how many of those failed. Spark calls the
 * listener from one thread; the last report comes from {@link #finish} on the driver's, and
 * nothing after it (the listener bus delivers late events asynchronously), so progress is never
 * told from two threads at once.
 */
final class TaskProgress extends SparkListener {
    private final int total;
    private final long doneId;
    private final long failedId;
    private final SweepProgress progress;
    private final long start = System.nanoTime();
    private long done;
    private long failed;
    private boolean finished;

    TaskProgress(int total, long doneId, long failedId, SweepProgress progress) {
        this.total = total;
        this.doneId = doneId;
        this.failedId = failedId;
        this.progress = progress;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        long d = 0;
        long f = 0;
        for (AccumulableInfo info : CollectionConverters.asJava(taskEnd.taskInfo().accumulables())) {
            if (info.update().isDefined()) {
                if (info.id() == doneId) {
                    d += ((Number) info.update().get()).longValue();
                } else if (info.id() == failedId) {
                    f += ((Number) info.update().get()).longValue();
                }
            }
        }
        if (d > 0) {
            report(d, f);
        }
    }

    private synchronized void report(long d, long f) {
        if (finished) {
            return;
        }
        done += d;
        failed += f;
        progress.onProgress(SweepProgress.Report.of((int) Math.min(done, total), total, (int) failed, seconds()));
    }

    /**
     * The last report, from the rows themselves, unless the tasks' events have told it already;
     * later task events are ignored.
     */
    synchronized void finish(List<ScenarioRow> rows) {
        finished = true;
        if (done == total) {
            return;
        }
        int f = 0;
        for (ScenarioRow r : rows) {
            if (r.failed()) {
                f++;
            }
        }
        progress.onProgress(SweepProgress.Report.of(rows.size(), total, f, seconds()));
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
