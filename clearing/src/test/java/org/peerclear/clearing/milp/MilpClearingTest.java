package org.peerclear.clearing.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.Tolerances;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.generate.SplitMix64;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Problem;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.opt.VariableType;
import org.peerclear.result.ClearingResult;

/** MILP clearing against exhaustive enumeration of the integer decisions. */
class MilpClearingTest {
    private static final SolverRegistry REGISTRY = SolverRegistry.load();

    /**
     * A small random market with linear costs:
     * <pre>
     *   g1, g2 (block offers)      g3 (min stable output)
     *        \      |      /  bipartite trades, gamma ~ U[0, 0.02]
     *          d1 (flexible)   d2 (flexible)
     * </pre>
     */
    static Market randomMarket(long seed) {
        SplitMix64 r = new SplitMix64(seed);
        List<Agent> agents = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            agents.add(new Agent("g" + i, List.of(new Asset("g" + i + ".gen", 0, round(r.uniform(2, 6)), 0, round(r.uniform(0.05, 0.3))))));
        }
        for (int i = 1; i <= 2; i++) {
            agents.add(new Agent("d" + i, List.of(new Asset("d" + i + ".load", -round(r.uniform(3, 7)), 0, 0, round(r.uniform(0.2, 0.5))))));
        }
        List<List<String>> pairs = new ArrayList<>();
        for (int g = 1; g <= 3; g++) {
            for (int d = 1; d <= 2; d++) {
                pairs.add(List.of("g" + g, "d" + d));
            }
        }
        return Market.builder("milp-" + seed).agents(agents)
                .tradeGraph(TradeGraph.pairs(pairs, round(r.uniform(0, 0.02)), List.of())).build();
    }

    static double round(double v) {
        return Math.rint(v * 100) / 100;
    }

    static final IntegerRules BLOCKS = new IntegerRules(Set.of("g1.gen", "g2.gen"), Map.of("g3.gen", 1.5), 0.0);
    static final IntegerRules TRADE_SIZE = new IntegerRules(Set.of("g1.gen"), Map.of(), 1.0);

    /** The best objective over every assignment of the binaries, each solved as an LP by GLOP. */
    static double enumerate(Problem milp) {
        List<Integer> binaries = new ArrayList<>();
        for (int j = 0; j < milp.numVariables(); j++) {
            if (milp.type(j) != VariableType.CONTINUOUS) {
                binaries.add(j);
            }
        }
        assertThat(binaries.size()).isLessThanOrEqualTo(16);
        SolverBackend lp = REGISTRY.get("ortools-glop");
        double best = Double.POSITIVE_INFINITY;
        double[] x = new double[milp.numVariables()];
        for (int mask = 0; mask < (1 << binaries.size()); mask++) {
            for (int q = 0; q < binaries.size(); q++) {
                x[binaries.get(q)] = (mask >> q) & 1;
            }
            Solution s = lp.solve(FixedIntegers.of(milp, x), SolverParameters.DEFAULT);
            if (s.status() == Status.OPTIMAL) {
                best = Math.min(best, s.objective());
            } else {
                assertThat(s.status()).isEqualTo(Status.INFEASIBLE);
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void blockOffersAndStableOutputMatchEnumeration(long seed) {
        check(randomMarket(seed), BLOCKS);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void minimumTradeSizeMatchesEnumeration(long seed) {
        check(randomMarket(seed), TRADE_SIZE);
    }

    private void check(Market m, IntegerRules rules) {
        Problem milp = UnifiedFormulation.of(MarketIndex.of(m), List.of(new IntegerRulesExtension(rules))).problem();
        double expected = enumerate(milp);
        for (String solver : List.of("ortools-scip", "ortools-cbc")) {
            ClearingResult r = new MilpClearing().clear(m, ClearingOptions.DEFAULT.withRegistry(REGISTRY)
                    .withSolver(solver).withMethodOptions(rules));
            assertThat(r.status()).as(solver).isEqualTo(Status.OPTIMAL);
            assertThat(r.objective()).as(solver).isCloseTo(expected, within(Tolerances.ANALYTIC));
            assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("integer decisions fixed"));
            checkRules(r, rules);
        }
    }

    private static void checkRules(ClearingResult r, IntegerRules rules) {
        r.assets().forEach(a -> {
            double hi = r.market().agents().stream().flatMap(ag -> ag.assets().stream())
                    .filter(s -> s.id().equals(a.id())).findFirst().orElseThrow().pMax();
            if (rules.blockAssets().contains(a.id())) {
                assertThat(Math.min(Math.abs(a.p()), Math.abs(a.p() - hi))).as(a.id()).isLessThan(1e-7);
            }
            Double m = rules.minStableOutput().get(a.id());
            if (m != null) {
                assertThat(a.p() < 1e-7 || a.p() >= m - 1e-7).as(a.id() + " = " + a.p()).isTrue();
            }
        });
        if (rules.minTradeSize() > 0) {
            r.trades().forEach(t -> assertThat(Math.abs(t.quantity())).isGreaterThanOrEqualTo(rules.minTradeSize() - 1e-7));
        }
    }

    @Test
    void blockOfferTooBigForDemandStaysOff() {
        // One block of 10 and a demand of at most 4: the block cannot run, the flexible unit serves.
        Market m = Market.builder("block")
                .agent(new Agent("big", List.of(new Asset("big.gen", 0, 10, 0, 0.01))))
                .agent(new Agent("small", List.of(new Asset("small.gen", 0, 5, 0, 0.2))))
                .agent(new Agent("load", List.of(new Asset("load.d", -4, 0, 0, 0.5))))
                .tradeGraph(TradeGraph.complete(0, List.of())).build();
        ClearingResult r = new MilpClearing().clear(m, ClearingOptions.DEFAULT.withMethodOptions(
                new IntegerRules(Set.of("big.gen"), Map.of(), 0)));
        assertThat(r.agent("big").p()).isCloseTo(0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("small").p()).isCloseTo(4, within(Tolerances.ANALYTIC));
        assertThat(r.agent("load").price()).isCloseTo(0.2, within(Tolerances.ANALYTIC));
        assertThat(r.verify().passes()).isTrue();
    }

    @Test
    void theOjAlgoBackEndRefusesIntegerProblems() {
        // ojAlgo 57.1.0 called a suboptimal point of randomMarket(12) OPTIMAL (see OjAlgoBackend): refused.
        assertThatThrownBy(() -> new MilpClearing().clear(randomMarket(12), ClearingOptions.DEFAULT.withRegistry(REGISTRY)
                .withSolver("ojalgo").withMethodOptions(TRADE_SIZE))).isInstanceOf(org.peerclear.opt.UnsupportedProblemException.class)
                .hasMessageContaining("ojalgo").hasMessageContaining("MILP");
    }

    @Test
    void invalidRulesAreNamed() {
        Market m = randomMarket(1);
        assertThatThrownBy(() -> new MilpClearing().clear(m, ClearingOptions.DEFAULT.withMethodOptions(
                new IntegerRules(Set.of("nope"), Map.of(), 0)))).hasMessageContaining("Invalid value for parameter blockAssets: unknown asset 'nope'");
        assertThatThrownBy(() -> new IntegerRules(Set.of(), Map.of(), -1)).hasMessage("Invalid value for parameter minTradeSize: -1.0");
        assertThatThrownBy(() -> new IntegerRules(Set.of(), Map.of("x", 0.0), 0)).hasMessageContaining("minStableOutput[x]");
    }
}
