package org.peerclear.benchmarks.games;

import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.peerclear.games.stackelberg.EquilibriumCheck;
import org.peerclear.games.stackelberg.StackelbergGame;
import org.peerclear.games.stackelberg.StackelbergMilp;
import org.peerclear.games.stackelberg.StackelbergOptions;
import org.peerclear.games.stackelberg.StackelbergPriceSearch;
import org.peerclear.games.stackelberg.StackelbergResult;
import org.peerclear.games.stackelberg.StackelbergVerifier;
import org.peerclear.generate.ProsumerGenerator;
import org.peerclear.model.Agent;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;

/**
 * Stackelberg pricing (issue 14): the leader's profit with a buy and a sell price, by the price
 * search on the continuum ({@code search:N}), by the MILP on a price grid of S steps
 * ({@code milp:N:S}, the registry's MILP back-end, SCIP, one thread, a 120 s limit), and the
 * equilibrium check by the clearing ({@code verify:N}, of the search's result). Issue target:
 * 1,000 followers by the scalable method within 5 s; the MILP up to where it stops being
 * practical. Each shot is one solve from the compiled game; the status, the leader's profit and
 * the check (outside the timed region) go to stderr, so that a shot that is not an optimum or
 * fails the check is not read as one.
 *
 * <p>Followers: seeded prosumers, each with a flexible load ({@code p ∈ [−U[5,15], 0]},
 * {@code a ~ U[0.01, 0.05]}, {@code b ~ U[0.25, 0.6]}), two in three a generator
 * ({@code p ∈ [0, U[3, 12]]}, {@code a ~ U[0.01, 0.05]}, {@code b ~ U[0.02, 0.3]}), one in three
 * fixed PV ({@code U[1, 6]}); grid import 0.40, export 0.08 (the default price range).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class StackelbergBenchmark {
    static final double MILP_TIME_LIMIT_SECONDS = 120;
    static final double IMPORT = 0.40;
    static final double EXPORT = 0.08;

    /** {@code search:N}, {@code verify:N} or {@code milp:N:STEPS}. */
    @Param({"search:1000", "search:10000", "verify:1000", "milp:4:32", "milp:8:32", "milp:12:32", "milp:16:32",
            "milp:8:1000", "milp:12:1000"})
    public String run;

    private StackelbergGame game;
    private StackelbergResult searched;
    private StackelbergResult last;
    private EquilibriumCheck lastCheck;
    private String kind;

    @Setup(Level.Trial)
    public void setup() {
        String[] p = run.split(":");
        kind = p[0];
        int n = Integer.parseInt(p[1]);
        StackelbergOptions o = StackelbergOptions.DEFAULT.withVerify(false);
        if (kind.equals("milp")) {
            o = o.withPriceTick((IMPORT - EXPORT) / Integer.parseInt(p[2]));
        }
        game = StackelbergGame.of(prosumers(n, 2024), IMPORT, EXPORT, o);
        searched = StackelbergPriceSearch.solve(game);
    }

    /** The same family as the games module's tests ({@link ProsumerGenerator}). */
    static List<Agent> prosumers(int n, long seed) {
        return ProsumerGenerator.generate(n, seed);
    }

    @Benchmark
    public Object solve() {
        switch (kind) {
            case "search":
                last = StackelbergPriceSearch.solve(game);
                return last;
            case "verify":
                last = searched;
                lastCheck = StackelbergVerifier.verify(game, searched);
                return lastCheck;
            default:
                last = StackelbergMilp.solve(game, SolverRegistry.load().defaultFor(ProblemClass.MILP),
                        SolverParameters.DEFAULT.withTimeLimitSeconds(MILP_TIME_LIMIT_SECONDS));
                return last;
        }
    }

    @TearDown(Level.Iteration)
    public void report() {
        EquilibriumCheck c = lastCheck != null ? lastCheck
                : last.status().hasSolution() ? StackelbergVerifier.verify(game, last) : null;
        System.err.printf("%n[%s]%s %s, buy %.6f, sell %.6f, profit %.9f (search %.9f), %.3f s, check %s%n", run,
                last.status() == Status.OPTIMAL ? "" : " NOT AN OPTIMUM:", last.status(), last.buyPrice(),
                last.sellPrice(), last.leaderProfit(), searched.leaderProfit(), last.seconds(),
                c == null ? "none" : (c.passed() ? "passed" : "FAILED " + c.failures()) + String.format(
                        " (max relative improvement %.2e, %.3f s)", c.maxRelativeImprovement(), c.seconds()));
    }
}
