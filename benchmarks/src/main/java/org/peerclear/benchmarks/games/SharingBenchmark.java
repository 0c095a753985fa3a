package org.peerclear.benchmarks.games;

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
import org.peerclear.games.sharing.CommunityGame;
import org.peerclear.games.sharing.SavingsSharing;
import org.peerclear.games.sharing.Sharing;
import org.peerclear.games.sharing.SharingMethod;
import org.peerclear.games.sharing.SharingOptions;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.model.Market;

/**
 * Sharing a community's savings against issue 14's targets, on core's household day at noon
 * (period 12:00 of two; every other household with rooftop PV, flexible loads, a complete graph at
 * fee 0.002, the grid at 0.22 / 0.05; seed 1), end to end through
 * {@link SavingsSharing#share}: the coalition values, the method, the core check.
 * <ul>
 *   <li>{@code exactShapley16Pool} / {@code exactShapley16Flow}: exact Shapley of 16 households,
 *       65,536 coalition costs, by the pool's closed form and by the exact engine on the restricted
 *       index (warm-started), with the exact core check over the same values. Target: 10 s.</li>
 *   <li>{@code nucleolus16Pool}: the nucleolus of the same 16 (values, LPs on the default back-end,
 *       exact core check).</li>
 *   <li>{@code sampledShapley1000}: sampled Shapley of 1,000 households until every standard
 *       error is at most 1 % of the mean allocation, then the core search. Target: 60 s.</li>
 *   <li>{@code game1000}: building the 1,000-household game (market index, pool detection,
 *       standalone costs); the market itself is built once, in the setup.</li>
 * </ul>
 * Threads: {@code threads} (default 2, the machine's cores); results do not depend on it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SharingBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class SharingBenchmark {
    @Param({"2"})
    public int threads;

    private Market m16;
    private Market m1000;
    private CommunityGame pool16;
    private CommunityGame flow16;
    private CommunityGame pool1000;

    @Setup(Level.Trial)
    public void setup() {
        m16 = noon(16);
        m1000 = noon(1000);
        pool16 = CommunityGame.of(m16, CommunityGame.Evaluator.POOL);
        flow16 = CommunityGame.of(m16, CommunityGame.Evaluator.FLOW);
        pool1000 = CommunityGame.of(m1000, CommunityGame.Evaluator.POOL);
    }

    private static Market noon(int households) {
        return HouseholdDayGenerator.generate(households, 2, 0, 0, BipartiteMarketGenerator.ALL_PARTNERS, 1).period(1);
    }

    private SharingOptions options() {
        return SharingOptions.DEFAULT.withThreads(threads);
    }

    @Benchmark
    public Sharing exactShapley16Pool() {
        return SavingsSharing.share(pool16, SharingMethod.SHAPLEY, options());
    }

    @Benchmark
    public Sharing exactShapley16Flow() {
        return SavingsSharing.share(flow16, SharingMethod.SHAPLEY, options());
    }

    @Benchmark
    public Sharing nucleolus16Pool() {
        return SavingsSharing.share(pool16, SharingMethod.NUCLEOLUS, options());
    }

    @Benchmark
    public Sharing sampledShapley1000() {
        Sharing s = SavingsSharing.share(pool1000, SharingMethod.SHAPLEY_SAMPLED,
                options().withSamples(1_000_000).withTargetRelativeError(0.01));
        if (!s.notes().stream().anyMatch(n -> n.contains("reached the target"))) {
            throw new IllegalStateException("the standard errors did not reach 1 % of the mean allocation: " + s.notes());
        }
        return s;
    }

    @Benchmark
    public CommunityGame game1000() {
        return CommunityGame.of(m1000, CommunityGame.Evaluator.POOL);
    }
}
