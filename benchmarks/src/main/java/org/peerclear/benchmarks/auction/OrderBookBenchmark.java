package org.peerclear.benchmarks.auction;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The continuous auction's order book ({@link org.peerclear.auction.cda.OrderBook}) on one thread,
 * on an exchange-like mix ({@link OrderFlow}: 70% resting limit orders, 20% cancels, 5% amendments,
 * 5% marketable orders), pre-generated (seed 1) into primitive arrays and replayed op by op.
 *
 * <ul>
 *   <li>{@link #throughput}: operations per second (the target: 5 million). Run with
 *       {@code -prof gc}: {@code gc.alloc.rate.norm} is bytes allocated per operation (target: 0 in
 *       steady state; the book is kept near {@code depth} resting orders, so its arrays stop
 *       growing).</li>
 *   <li>{@link #latency}: the same single operation in JMH's {@code SampleTime} mode, which times
 *       sampled invocations one by one with {@code System.nanoTime}: read p50, p99 and p99.9 from
 *       its percentiles (they include the timer's own cost and granularity, some 20-30 ns).</li>
 * </ul>
 * At the end of the stream (2^21 operations) the replay starts over on an empty book
 * ({@link org.peerclear.auction.cda.OrderBook#clear}, a few microseconds once per pass).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OrderBookBenchmark -prof gc}
 */
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class OrderBookBenchmark {
    /** Resting orders the flow keeps the book near. */
    @Param({"10000"})
    public int depth;

    private OrderFlow.Replay replay;

    /** Generates the flow and replays it once, so the book's arrays have their steady-state size. */
    @Setup(Level.Trial)
    public void setup() {
        OrderFlow flow = OrderFlow.generate(1 << 21, 1, depth);
        replay = new OrderFlow.Replay(flow, null);
        for (int i = 0; i < flow.size(); i++) {
            replay.step();
        }
        System.out.printf("# flow: %d adds, %d cancels, %d amendments, %d marketable; %d trades per pass%n",
                flow.count[OrderFlow.ADD], flow.count[OrderFlow.CANCEL], flow.count[OrderFlow.AMEND],
                flow.count[OrderFlow.MARKET], replay.trades);
    }

    /** One operation of the flow; the score is operations per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput() {
        replay.step();
    }

    /** One operation of the flow, timed on its own; read the percentiles. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void latency() {
        replay.step();
    }
}
