package org.peerclear.benchmarks.auction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.peerclear.auction.call.CallBook;
import org.peerclear.auction.call.UniformPriceAuction;
import org.peerclear.auction.huang.HuangAuction;
import org.peerclear.model.Units;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/**
 * The call auctions on 10^6 random orders (seed 1; half bids priced uniformly in [20, 100), half
 * asks in [0, 80), quantities in [0.1, 10), times in file order), against sorting the 10^6 prices
 * alone ({@code Arrays.sort} of a {@code double[]} copied per invocation). Issue 13's target: the
 * uniform auction within 2x of the sort. Sample times, so that JMH prints medians (p0.50).
 * <ul>
 *   <li>{@code sortPrices}: copy and sort the prices;</li>
 *   <li>{@code uniformClear}: the uniform auction on the orders' arrays: copy and check them, rank
 *       bids and asks, find the crossing, ration, price
 *       ({@link UniformPriceAuction#clear} of {@link CallBook#of(double[], double[], boolean[], long[])});</li>
 *   <li>{@code uniformRun} and {@code huangRun}: the mechanisms end to end from an order file to an
 *       {@link AuctionResult}, with one fill object per traded order, pairs, and the result's
 *       checks and order-id sort.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CallAuctionBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CallAuctionBenchmark {
    static final int ORDERS = 1_000_000;

    private double[] price;
    private double[] quantity;
    private boolean[] buys;
    private long[] time;
    private OrderFile file;
    private final UniformPriceAuction uniform = new UniformPriceAuction();
    private final HuangAuction huang = new HuangAuction();

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(1);
        price = new double[ORDERS];
        quantity = new double[ORDERS];
        buys = new boolean[ORDERS];
        time = new long[ORDERS];
        List<Order> orders = new ArrayList<>(ORDERS);
        for (int i = 0; i < ORDERS; i++) {
            buys[i] = rnd.nextBoolean();
            price[i] = buys[i] ? 20 + 80 * rnd.nextDouble() : 80 * rnd.nextDouble();
            quantity[i] = 0.1 + 9.9 * rnd.nextDouble();
            time[i] = i;
            orders.add(new Order("o" + i, "a" + i, buys[i] ? Side.BUY : Side.SELL, quantity[i], price[i], i, null, null));
        }
        file = OrderFile.of("bench", Units.DEFAULT, orders);
    }

    @Benchmark
    public double sortPrices() {
        double[] copy = price.clone();
        Arrays.sort(copy);
        return copy[ORDERS / 2];
    }

    @Benchmark
    public double uniformClear() {
        return UniformPriceAuction.clear(CallBook.of(price, quantity, buys, time), AuctionOptions.DEFAULT).price();
    }

    @Benchmark
    public AuctionResult uniformRun() {
        return uniform.run(file, AuctionOptions.DEFAULT);
    }

    @Benchmark
    public AuctionResult huangRun() {
        return huang.run(file, AuctionOptions.DEFAULT);
    }
}
