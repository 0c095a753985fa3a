package org.peerclear.clearing.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.Markets;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.SplitMix64;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.IndexedResults;

/**
 * The exact market solver against an independent solver (OR-Tools PDLP, a first-order method
 * with its own duals) and against the certificate, which it must pass on its own.
 */
class FlowSolverTest {
    private static final String REFERENCE = "ortools-pdlp";
    /** Objective agreement with PDLP at its default tolerance (PDLP is the looser of the two). */
    private static final double OBJECTIVE_RELATIVE = 1e-7;

    static Stream<Arguments> generated() {
        List<Arguments> out = new ArrayList<>();
        int[][] sizes = {{10, 2}, {200, 5}, {2000, 10}, {10, BipartiteMarketGenerator.ALL_PARTNERS},
            {200, BipartiteMarketGenerator.ALL_PARTNERS}};
        for (int[] s : sizes) {
            for (boolean g : new boolean[] {true, false}) {
                out.add(Arguments.of(s[0], s[1], g));
            }
        }
        return out.stream();
    }

    private static Market generated(int peers, int partners, boolean withGamma) {
        Market m = BipartiteMarketGenerator.generate(peers, partners, 20_260_101L + peers, null, null);
        return withGamma ? m : m.toBuilder().tradeGraph(TradeGraph.pairs(m.tradeGraph().pairs(), 0.0, List.of())).build();
    }

    private static ClearingResult flow(Market m) {
        return new QpClearing().clear(m, ClearingOptions.DEFAULT);
    }

    private static void assertAgrees(ClearingResult r, Market m) {
        assertThat(r.solver()).isEqualTo(FlowSolver.NAME);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        ClearingResult ref = new QpClearing().clear(m, ClearingOptions.DEFAULT.withSolver(REFERENCE));
        assertThat(ref.status()).as(ref.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.objective()).isCloseTo(ref.objective(), within(OBJECTIVE_RELATIVE * Math.max(1, Math.abs(ref.objective()))));
    }

    @ParameterizedTest
    @MethodSource("generated")
    void generatedMarketsAgreeWithPdlp(int peers, int partners, boolean gamma) {
        Market m = generated(peers, partners, gamma);
        assertAgrees(flow(m), m);
    }

    /**
     * The stiff load (a = 1e6) in the three-house community market with a grid: ojAlgo
     * called 0.675 optimal; the optimum is 0.685 (PDLP, certified).
     */
    @Test
    void aStiffLoadInACommunityWithAGrid() {
        Market m = Markets.stiffLoad();
        ClearingResult r = flow(m);
        assertAgrees(r, m);
        assertThat(r.welfare()).isCloseTo(0.685, within(1e-6));
    }

    /** Curvatures over twelve orders of magnitude and bounds over six, linear assets among them. */
    @Test
    void dataOverManyOrdersOfMagnitudeIsCertified() {
        SplitMix64 rng = new SplitMix64(7);
        Market.Builder b = Market.builder("spread");
        List<List<String>> pairs = new ArrayList<>();
        int n = 300;
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, rng.uniform(-3, 3));
            double a = rng.uniform(0, 1) < 0.2 ? 0.0 : Math.pow(10, rng.uniform(-6, 6));
            boolean seller = i % 2 == 0;
            double lo = seller ? 0 : -scale;
            double hi = seller ? scale : 0;
            b.agent(new Agent("n" + i, List.of(new Asset("n" + i + ".x", lo, hi, a, rng.uniform(0.05, 0.6)))));
            for (int k = 1; k <= 3 && i - k >= 0; k++) {
                pairs.add(List.of("n" + (i - k), "n" + i));
            }
        }
        Market m = b.tradeGraph(TradeGraph.pairs(pairs, 0.005, List.of())).grid(new Grid(null, 0.5, 0.04)).build();
        ClearingResult r = flow(m);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    /**
     * A linear seller and a buyer whose price is near 1e6, with fees far larger than either
     * price's rounding: the seller is marginal on its breakpoint, its price reached through an
     * offset of 2·fee. Analytic: the buyer takes all 5 at the seller's price plus both fees, the
     * seller's b, so the objective is {@code ½·1·5² − 1e6·5 + bS·5 + 2·fee·5}.
     * <pre>
     *   S  p ∈ [0, 10], f = bS·p   ──5──▶   B  p ∈ [−5, 0], f = ½p² + 1e6·p     (fee on both arcs)
     * </pre>
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"123456.789, 0.001", "1234.5678, 0.3", "33333.3333, 45.1", "0.01, 0.3"})
    void aMarginalLinearSellerBehindLargeFees(double fee, double bS) {
        Market m = Market.builder("large-fees")
                .agent(new Agent("B", List.of(new Asset("B.load", -5, 0, 1, 1e6))))
                .agent(new Agent("S", List.of(new Asset("S.gen", 0, 10, 0, bS))))
                .tradeGraph(TradeGraph.complete(fee, List.of())).build();
        ClearingResult r = flow(m);
        assertThat(r.solver()).isEqualTo(FlowSolver.NAME);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.trade("S", "B")).isCloseTo(5.0, within(1e-9));
        double expected = 0.5 * 25 - 5e6 + 5 * bS + 10 * fee;
        assertThat(r.objective()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }

    /**
     * Random markets unlike the generated family: linear and quadratic assets (curvatures 1e-4 to
     * 1e4), two-sided assets, must-run and must-take bounds, costs from 0.01 to 100, fees per
     * direction from 1e-3 to 100, sparse irregular trade graphs, a grid in half of them. The
     * exact solver must certify each one itself (no fallback) and agree with PDLP.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomIrregularMarketsAgreeWithPdlp(int seed) {
        SplitMix64 rng = new SplitMix64(seed);
        Market.Builder b = Market.builder("random-" + seed);
        List<List<String>> pairs = new ArrayList<>();
        List<Arc> arcs = new ArrayList<>();
        int n = 20 + (int) rng.uniform(0, 80);
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, rng.uniform(-2, 3));
            double a = rng.uniform(0, 1) < 0.3 ? 0.0 : Math.pow(10, rng.uniform(-4, 4));
            boolean seller = rng.uniform(0, 1) < 0.5;
            double lo = seller ? (rng.uniform(0, 1) < 0.2 ? 0.1 * scale : 0) : -scale;
            double hi = seller ? scale : (rng.uniform(0, 1) < 0.2 ? -0.1 * scale : 0);
            List<Asset> assets = new ArrayList<>();
            assets.add(new Asset("n" + i + ".x", lo, hi, a, Math.pow(10, rng.uniform(-2, 2))));
            if (rng.uniform(0, 1) < 0.3) {
                assets.add(new Asset("n" + i + ".y", -scale, scale, 0, Math.pow(10, rng.uniform(-2, 2))));
            }
            b.agent(new Agent("n" + i, assets));
            for (int k = 1; k <= 4 && i - k >= 0; k++) {
                if (rng.uniform(0, 1) < 0.6) {
                    pairs.add(List.of("n" + (i - k), "n" + i));
                    if (rng.uniform(0, 1) < 0.5) {
                        arcs.add(new Arc("n" + i, "n" + (i - k), Math.pow(10, rng.uniform(-3, 2))));
                    }
                }
            }
        }
        if (rng.uniform(0, 1) < 0.5) {
            b.grid(new Grid(null, 50, 0.5));
        }
        Market m = b.tradeGraph(TradeGraph.pairs(pairs, Math.pow(10, rng.uniform(-4, 0)), arcs)).build();
        ClearingResult r = flow(m);
        ClearingResult ref = new QpClearing().clear(m, ClearingOptions.DEFAULT.withSolver(REFERENCE));
        if (ref.status() == Status.INFEASIBLE) {
            assertThat(r.status()).isEqualTo(Status.INFEASIBLE);
            return;
        }
        assertAgrees(r, m);
    }

    /**
     * Above {@link FlowSolver#ADMM_START_FROM_AGENTS} the ascent starts from ADMM's approximate
     * prices; from there and from the cold start it must reach the same certified optimum.
     */
    @Test
    void theAdmmStartAndTheColdStartReachTheSameOptimum() {
        Market m = BipartiteMarketGenerator.generate(FlowSolver.ADMM_START_FROM_AGENTS + 1000, 10, 5L, null, null);
        MarketIndex ix = MarketIndex.of(m);
        ClearingResult warm = flow(m);
        assertThat(warm.status()).as(warm.message()).isEqualTo(Status.OPTIMAL);
        ForestSolver cold = new ForestSolver(ix);
        FlowSolver.Outcome o = FlowSolver.outcome(ix, cold, cold.solve(FlowSolver.MAX_ROUNDS));
        assertThat(o.status()).isEqualTo(Status.OPTIMAL);
        ClearingResult c = IndexedResults.solution(IndexedResults.builder(m, ix).status(o.status(), o.message()).method("qp")
                .solver(FlowSolver.NAME), o.assetPower(), o.trades(), o.agentPrices(), o.tradePrices()).build();
        assertThat(c.verify().passes()).as(c.verify().toString()).isTrue();
        assertThat(warm.objective()).isCloseTo(c.objective(), within(1e-9 * Math.abs(c.objective())));
    }

    /** Without a price that balances a trading component, the solver says INFEASIBLE and names it. */
    @Test
    void aComponentThatCannotBalanceIsInfeasible() {
        Market m = Market.builder("must-run")
                .agent(new Agent("g1", List.of(new Asset("g1.gen", 2, 4, 0.1, 0.1))))
                .agent(new Agent("g2", List.of(new Asset("g2.gen", 1, 3, 0.1, 0.2))))
                .agent(new Agent("l1", List.of(new Asset("l1.load", -2, 0, 0.1, 0.5))))
                .tradeGraph(TradeGraph.complete(0.01, List.of())).build();
        FlowSolver.Outcome o = FlowSolver.solve(MarketIndex.of(m), 0, null);
        assertThat(o.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(o.message()).contains("g1").contains("g2").contains("l1").contains("cannot balance");
    }

    /** Past its deadline the solver stops with TIME_LIMIT and its current point, which the certificate then judges. */
    @Test
    void aDeadlineInThePastGivesTimeLimitWithAPoint() {
        MarketIndex ix = MarketIndex.of(generated(200, 5, true));
        FlowSolver.Outcome o = FlowSolver.solve(ix, System.nanoTime() - 1, null);
        assertThat(o.status()).isEqualTo(Status.TIME_LIMIT);
        assertThat(o.assetPower()).hasSize(ix.numAssets());
        assertThat(o.message()).contains("time limit");
    }

    /** The same market gives the same bits (no hidden state, no randomness). */
    @Test
    void deterministic() {
        MarketIndex ix = MarketIndex.of(generated(2000, 10, true));
        FlowSolver.Outcome a = FlowSolver.solve(ix, 0, null);
        FlowSolver.Outcome b = FlowSolver.solve(ix, 0, null);
        assertThat(b.trades()).isEqualTo(a.trades());
        assertThat(b.agentPrices()).isEqualTo(a.agentPrices());
    }
}
