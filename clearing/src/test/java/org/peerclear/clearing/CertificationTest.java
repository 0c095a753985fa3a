package org.peerclear.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.IndexedResults;
import org.peerclear.result.internal.ResultOnIndex;

/**
 * Statuses that are true: every method and back-end certifies the analytic optimum, the
 * certification refutes corrupted results (naming the culprit), a back-end's wrong "optimal"
 * is not passed through, infeasible markets say so from every method before solving, and the
 * time limit ends a run with its best point.
 */
class CertificationTest {
    static Stream<Arguments> methodsAndBackEnds() {
        return Stream.of(Arguments.of("qp", "ojalgo"), Arguments.of("qp", "ortools-pdlp"), Arguments.of("admm", null),
                Arguments.of("auto", null), Arguments.of("milp", null));
    }

    private static ClearingResult clear(String method, String solver, Market m) {
        ClearingOptions o = ClearingOptions.DEFAULT;
        if (solver != null) {
            o = o.withSolver(solver);
        }
        if (method.equals("admm")) {
            o = o.withMethodOptions(AdmmOptions.DEFAULT.withEps(Tolerances.ADMM_PAPER_EPS));
        }
        return ClearingMethods.load().get(method).clear(m, o);
    }

    @ParameterizedTest
    @MethodSource("methodsAndBackEnds")
    void everyMethodAndBackEndCertifiesTheTwoAgentOptimum(String method, String solver) {
        Markets.assertTwoAgentsAnswer(clear(method, solver, Markets.twoAgents(1.0)));
    }

    /**
     * A linear two-agent market: seller p ∈ [0, 2] at 4, buyer p ∈ [−3, 0] at 8, gamma 1 each
     * way. The seller sells all it has, t = 2; the buyer is interior so its price is its value 8,
     * lambda = 8 − 1 = 7 and the seller's price 6; objective 8 − 16 + 4 = −4.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ojalgo", "ortools-glop", "ortools-pdlp"})
    void everyLpBackEndCertifiesTheLinearTwoAgentOptimum(String solver) {
        assertLinearTwoAgentsAnswer(clear("lp", solver, linearTwoAgents()));
    }

    /**
     * The same market as a MILP (every trade 0 or at least 0.5, so each arc gets a binary): SCIP
     * and CBC prove the trade on, and the prices of the problem with it fixed are certified.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ortools-scip", "ortools-cbc"})
    void everyMilpBackEndCertifiesTheLinearTwoAgentOptimum(String solver) {
        ClearingOptions o = ClearingOptions.DEFAULT.withSolver(solver)
                .withMethodOptions(new org.peerclear.clearing.milp.IntegerRules(java.util.Set.of(), java.util.Map.of(), 0.5));
        assertLinearTwoAgentsAnswer(ClearingMethods.load().get("milp").clear(linearTwoAgents(), o));
    }

    private static Market linearTwoAgents() {
        return Market.builder("linear")
                .agent(new Agent("seller", List.of(new Asset("seller.gen", 0, 2, 0, 4))))
                .agent(new Agent("buyer", List.of(new Asset("buyer.load", -3, 0, 0, 8))))
                .tradeGraph(TradeGraph.complete(1.0, List.of())).build();
    }

    private static void assertLinearTwoAgentsAnswer(ClearingResult r) {
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.trade("seller", "buyer")).isCloseTo(2.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("seller").price()).isCloseTo(6.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("buyer").price()).isCloseTo(8.0, within(Tolerances.ANALYTIC));
        assertThat(r.objective()).isCloseTo(-4.0, within(Tolerances.ANALYTIC));
    }

    private static ClearingResult certifiedOptimum() {
        ClearingResult r = new QpClearing().clear(Markets.twoAgents(1.0), ClearingOptions.DEFAULT);
        Markets.assertTwoAgentsAnswer(r);
        return r;
    }

    /**
     * The certified optimum with its arrays changed by {@code edit}, claiming OPTIMAL again. The
     * arrays are in the order of {@code MarketIndex.of(r.market())}: seller then buyer, arc 0
     * seller→buyer.
     */
    private static ClearingResult corrupted(ClearingResult r, java.util.function.Consumer<double[][]> edit) {
        ResultOnIndex point = ResultOnIndex.of(r, MarketIndex.of(r.market()));
        double[][] a = {point.assetPower(), point.trade(), point.agentPrice(), point.tradePrice()};
        edit.accept(a);
        return IndexedResults.solution(r.toBuilder(), a[0], a[1], a[2], a[3]).build();
    }

    @Test
    void aCorruptedPriceTurnsOptimalIntoFeasibleNamingTheAsset() {
        ClearingResult bad = corrupted(certifiedOptimum(), a -> a[2][0] += 0.01);
        ClearingResult c = Certification.certify(bad, null, Status.NUMERICAL_ERROR);
        assertThat(c.status()).isEqualTo(Status.FEASIBLE);
        assertThat(c.message()).contains("optimality not certified").contains("asset seller.gen").contains("agent seller");
        assertThat(c.hasSolution()).isTrue();
    }

    @Test
    void aCorruptedTradeIsNotFeasibleAndBecomesTheMethodsFailureStatus() {
        ClearingResult bad = corrupted(certifiedOptimum(), a -> a[1][0] += 0.01);
        ClearingResult c = Certification.certify(bad, null, Status.NUMERICAL_ERROR);
        assertThat(c.status()).isEqualTo(Status.NUMERICAL_ERROR);
        assertThat(c.hasSolution()).isFalse();
        assertThat(c.message()).contains("not feasible within tolerance").contains("arc seller->buyer").contains("reciprocity 1.00e-02");
        assertThat(Certification.certify(bad, null, Status.NOT_CONVERGED).status()).isEqualTo(Status.NOT_CONVERGED);
    }

    @Test
    void aCorruptedSetPointIsNotFeasibleNamingTheAgent() {
        ClearingResult bad = corrupted(certifiedOptimum(), a -> a[0][1] -= 0.01);
        ClearingResult c = Certification.certify(bad, null, Status.NUMERICAL_ERROR);
        assertThat(c.status()).isEqualTo(Status.NUMERICAL_ERROR);
        assertThat(c.message()).contains("agent buyer").contains("balance 1.00e-02");
    }

    @Test
    void aTimeLimitClaimKeepsItsPointAndAFeasibleClaimIsNeverPromoted() {
        ClearingResult r = certifiedOptimum();
        ClearingResult timed = corrupted(r, a -> a[1][0] += 0.01).toBuilder().status(Status.TIME_LIMIT, "stopped").build();
        ClearingResult c = Certification.certify(timed, null, Status.NUMERICAL_ERROR);
        assertThat(c.status()).isEqualTo(Status.TIME_LIMIT);
        assertThat(c.hasSolution()).isTrue();
        assertThat(c.message()).startsWith("stopped; not feasible within tolerance");
        ClearingResult feasible = r.toBuilder().status(Status.FEASIBLE, "incumbent").build();
        assertThat(Certification.certify(feasible, null, Status.NUMERICAL_ERROR).status()).isEqualTo(Status.FEASIBLE);
    }

    @Test
    void aFailingProblemCertificateRefutesAResultTheMarketCertificateAccepts() {
        ClearingResult r = certifiedOptimum();
        Problem problem = UnifiedFormulation.of(MarketIndex.of(r.market())).problem();
        Solution s = SolverRegistry.load().get("ojalgo").solve(problem, SolverParameters.DEFAULT);
        double[] y = s.duals().orElseThrow();
        OptimalityCertificate good = OptimalityCertificate.of(problem, s.x(), y);
        assertThat(Certification.certify(r, good, Status.NUMERICAL_ERROR).status()).isEqualTo(Status.OPTIMAL);
        y[0] += 0.5;
        OptimalityCertificate bad = OptimalityCertificate.of(problem, s.x(), y);
        ClearingResult c = Certification.certify(r, bad, Status.NUMERICAL_ERROR);
        assertThat(c.status()).isEqualTo(Status.FEASIBLE);
        assertThat(c.message()).contains("problem certificate fails").contains("KKT[");
    }

    /**
     * The case: the three-house market with one load of curvature 1e6. ojAlgo's
     * active-set fallback says OPTIMAL at welfare 0.675; PDLP's certified optimum is 0.685. The
     * clearing reports ojAlgo's point as FEASIBLE with the residuals, and PDLP's as OPTIMAL.
     */
    @Test
    void aBackEndsWrongOptimalIsNotPassedThrough() {
        Market m = Markets.stiffLoad();
        ClearingResult pdlp = clear("qp", "ortools-pdlp", m);
        ClearingResult oj = clear("qp", "ojalgo", m);
        assertThat(pdlp.status()).as(pdlp.message()).isEqualTo(Status.OPTIMAL);
        assertThat(pdlp.welfare()).isCloseTo(0.685, within(1e-6));
        if (oj.status() == Status.OPTIMAL) {
            // Should ojAlgo ever get it right, its certified welfare must be PDLP's.
            assertThat(oj.welfare()).isCloseTo(pdlp.welfare(), within(1e-6));
        } else {
            assertThat(oj.status()).isEqualTo(Status.FEASIBLE);
            assertThat(oj.welfare()).isLessThan(pdlp.welfare() - 1e-3);
            assertThat(oj.message()).contains("optimality not certified").contains("gap");
        }
    }

    /** An agent with a fixed load and no partner: infeasible, from every method, before solving. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"qp", "lp", "admm", "milp", "auto"})
    void anInfeasibleMarketSaysSoFromEveryMethodBeforeSolving(String method) {
        Market m = Market.builder("islanded")
                .agent(new Agent("h1", List.of(new Asset("h1.load", -2, -1, 0, 0.3))))
                .agent(new Agent("h2", List.of(new Asset("h2.pv", 0, 5, 0, 0.1))))
                .tradeGraph(TradeGraph.none(0, List.of())).build();
        ClearingOptions o = method.equals("milp") ? ClearingOptions.DEFAULT.withSolver("ortools-scip") : ClearingOptions.DEFAULT;
        ClearingResult r = ClearingMethods.load().get(method).clear(m, o);
        assertThat(r.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(r.message()).contains("agent h1").contains("no trading partner").contains("before solving");
        assertThat(r.solver()).isEqualTo("none");
        assertThat(r.iterations()).isZero();
    }

    @Test
    void admmAtItsTimeLimitReturnsItsBestPointAsTimeLimit() {
        // A limit of one nanosecond ends the run after its first iteration, whatever the machine.
        Market m = BipartiteMarketGenerator.generate(200, 5, 11L, null, null);
        ClearingResult r = clear("admm", null, m);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        ClearingResult t = ClearingMethods.load().get("admm").clear(m, ClearingOptions.DEFAULT.withTimeLimitSeconds(1e-9));
        assertThat(t.status()).isEqualTo(Status.TIME_LIMIT);
        assertThat(t.hasSolution()).isTrue();
        assertThat(t.iterations()).isEqualTo(1);
        assertThat(t.message()).contains("time limit of 1.0E-9 s reached").contains("not feasible within tolerance");
        assertThat(t.agents()).hasSize(r.agents().size());
        assertThat(t.options()).containsEntry("timeLimitSeconds", "1.0E-9");
    }

    @Test
    void theTimeLimitIsValidatedAndItsRemainderGoesToTheBackEnd() {
        for (double bad : new double[] {0, -1, Double.NaN}) {
            assertThatThrownBy(() -> ClearingOptions.DEFAULT.withTimeLimitSeconds(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith(" for option solver.timeLimit: must be a number in (0, Infinity]");
        }
        assertThat(ClearingOptions.DEFAULT.timeLimitSeconds()).isEqualTo(ClearingOptions.DEFAULT_TIME_LIMIT_SECONDS);
        long start = System.nanoTime();
        double limit = ClearingOptions.DEFAULT.withTimeLimitSeconds(5).solverParametersAt(start).timeLimitSeconds();
        assertThat(limit).isPositive().isLessThanOrEqualTo(5.0);
        SolverParameters own = SolverParameters.DEFAULT.withTimeLimitSeconds(2);
        assertThat(ClearingOptions.DEFAULT.withSolverParameters(own).solverParametersAt(start).timeLimitSeconds()).isEqualTo(2.0);
        assertThat(ClearingOptions.DEFAULT.withTimeLimitSeconds(Double.POSITIVE_INFINITY).solverParametersAt(start).timeLimitSeconds())
                .isInfinite();
    }

    @Test
    void theGapIsCheckedWithoutANetworkAndReportedAsNotCheckedWithOne() {
        assertThat(certifiedOptimum().verify().gapChecked()).isTrue();
        ClearingResult net = new QpClearing().clear(org.peerclear.clearing.network.FeederMarkets.highPv(400, List.of()),
                ClearingOptions.DEFAULT);
        assertThat(net.status()).isEqualTo(Status.OPTIMAL);
        assertThat(net.verify().gapChecked()).isFalse();
        assertThat(net.verify().gapNotChecked()).contains("network");
        // The network adds no agent: the market's, then the grid with one leg per agent of the market's index.
        MarketIndex ix = MarketIndex.of(net.market());
        assertThat(net.agents()).extracting(AgentResult::id).containsExactlyElementsOf(java.util.stream.Stream.concat(
                net.market().agents().stream().map(Agent::id), java.util.stream.Stream.of(Grid.AGENT_ID).limit(ix.numGridLegs() > 0 ? 1 : 0))
                .toList());
        assertThat(net.gridLegs()).hasSize(ix.numGridLegs());
    }
}
