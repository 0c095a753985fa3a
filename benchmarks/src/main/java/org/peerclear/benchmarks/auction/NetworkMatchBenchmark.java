package org.peerclear.benchmarks.auction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.cda.NetworkAwareAuction;
import org.peerclear.auction.cda.NetworkCheck;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Units;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * The network-aware continuous auction on case33bw (limits [0.90, 1.05] pu), in matches per second
 * (the target: 100,000).
 *
 * <ul>
 *   <li>{@link #match}: one match checked against the feeder's LinDistFlow limits and, for the part
 *       allowed, accepted ({@link NetworkCheck#allowed} then {@link NetworkCheck#accept}), between
 *       random pairs of the 32 load buses, 1..50 kW, pre-generated (seed 1); the state walks
 *       between the limits as trades accumulate and is reset at the end of the stream.</li>
 *   <li>{@link #auction}: a whole {@code cda-network} run on 20,000 orders at random buses
 *       (seed 1): order book, checks, trades and the result. Its auxiliary counters give the
 *       accepted trades and the refusals per second; their sum is the matches it examined per
 *       second (a cut match counts twice: it is a trade and a refusal).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NetworkMatchBenchmark}
 */
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class NetworkMatchBenchmark {
    private static final int PAIRS = 1 << 20;
    private static final int ORDERS = 20_000;

    private NetworkCheck check;
    private int[] seller;
    private int[] buyer;
    private double[] quantity;
    private int pos;
    private OrderFile orders;

    /** Trades and refusals of {@link #auction} runs, per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Matches {
        /** Accepted trades (whole or cut). */
        public long trades;
        /** Refused or cut matches. */
        public long refusals;

        /** Counts from zero in each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            trades = 0;
            refusals = 0;
        }
    }

    /** Loads case33bw, builds the check and the streams. */
    @Setup(Level.Trial)
    public void setup() {
        Feeder feeder = Feeders.load("case33bw", null);
        NetworkSpec spec = new NetworkSpec("case33bw", null, 0.90, 1.05, List.of());
        List<String> buses = new ArrayList<>();
        for (int b = 2; b <= 33; b++) {
            buses.add(String.valueOf(b));
        }
        check = NetworkCheck.of(feeder, spec, org.peerclear.model.Units.DEFAULT, buses);
        SplittableRandom rnd = new SplittableRandom(1);
        seller = new int[PAIRS];
        buyer = new int[PAIRS];
        quantity = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            seller[i] = rnd.nextInt(buses.size());
            buyer[i] = rnd.nextInt(buses.size());
            quantity[i] = 1 + rnd.nextInt(50);
        }
        List<Order> list = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            boolean buys = rnd.nextBoolean();
            String bus = buses.get(rnd.nextInt(buses.size()));
            list.add(new Order("o" + i, "a" + bus, buys ? Side.BUY : Side.SELL, 10 + rnd.nextInt(200),
                    50 + rnd.nextInt(11) + (buys ? 0 : -2), i, bus, null));
        }
        orders = new OrderFile("bench", Units.DEFAULT, list, List.of(), List.of(), Optional.of(spec));
        AuctionResult r = new NetworkAwareAuction().run(orders, AuctionOptions.DEFAULT);
        System.out.printf("# auction: %d orders, %d trades, %d refusals per run%n", ORDERS, r.trades().size(),
                r.rejected().size());
    }

    /** One match checked and, as far as allowed, accepted; the score is matches per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double match() {
        int i = pos;
        double q = check.allowed(seller[i], buyer[i], quantity[i]);
        if (q > 0) {
            check.accept(seller[i], buyer[i], q);
        }
        if (++pos == PAIRS) {
            pos = 0;
            check.reset();
        }
        return q;
    }

    /** A whole network-aware auction of 20,000 orders; see the {@code trades} and {@code refusals} counters. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AuctionResult auction(Matches m) {
        AuctionResult r = new NetworkAwareAuction().run(orders, AuctionOptions.DEFAULT);
        m.trades += r.trades().size();
        m.refusals += r.rejected().size();
        return r;
    }
}
