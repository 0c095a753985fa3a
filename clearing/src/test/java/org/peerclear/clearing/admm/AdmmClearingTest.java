package org.peerclear.clearing.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.Markets;
import org.peerclear.clearing.Progress;
import org.peerclear.clearing.Tolerances;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.internal.ResultOnIndex;

/** Consensus ADMM against the centralised QP and the specification of the algorithm. */
class AdmmClearingTest {
    /** The reference QP back-end: PDLP is accurate (duals to ~1e-11 here) and fast on these sizes. */
    private static final String REFERENCE = "ortools-pdlp";
    private static final Map<String, ClearingResult> QP_CACHE = new ConcurrentHashMap<>();

    private final AdmmClearing admm = new AdmmClearing();

    private static Market generated(int peers, int partners, boolean withGamma) {
        Market m = BipartiteMarketGenerator.generate(peers, partners, 20_260_101L + peers, null, null);
        if (withGamma) {
            return m;
        }
        return m.toBuilder().tradeGraph(TradeGraph.pairs(m.tradeGraph().pairs(), 0.0, List.of())).build();
    }

    private static ClearingResult qp(String key, Supplier<Market> market) {
        return QP_CACHE.computeIfAbsent(key, k -> new QpClearing().clear(market.get(), ClearingOptions.DEFAULT.withSolver(REFERENCE)));
    }

    private ClearingResult clear(Market m, AdmmOptions o) {
        return admm.clear(m, ClearingOptions.DEFAULT.withMethodOptions(o));
    }

    static Stream<Arguments> generatedMarkets() {
        List<Arguments> out = new ArrayList<>();
        int[][] sizes = {{10, 2}, {200, 5}, {2000, 10}, {10, BipartiteMarketGenerator.ALL_PARTNERS}, {100, BipartiteMarketGenerator.ALL_PARTNERS}};
        for (int[] s : sizes) {
            for (boolean g : new boolean[] {true, false}) {
                out.add(Arguments.of(s[0], s[1], g));
            }
        }
        return out.stream();
    }

    private static void assertMatches(ClearingResult admm, ClearingResult qp) {
        assertThat(qp.status()).isEqualTo(Status.OPTIMAL);
        assertThat(admm.status()).as(admm.message()).isEqualTo(Status.OPTIMAL);
        assertThat(Math.abs(admm.welfare() - qp.welfare()) / Math.abs(qp.welfare()))
                .as("relative welfare difference").isLessThanOrEqualTo(Tolerances.ADMM_WELFARE_RELATIVE);
        // Both results on one index of the market, matched by id.
        MarketIndex ix = MarketIndex.of(qp.market());
        ResultOnIndex onIx = ResultOnIndex.of(admm, ix);
        ResultOnIndex onIxQp = ResultOnIndex.of(qp, ix);
        double[] mu = onIx.agentPrice();
        double[] muQp = onIxQp.agentPrice();
        double[] pQp = onIxQp.assetPower();
        double[] tQp = onIxQp.trade();
        for (int n = 0; n < mu.length; n++) {
            // An agent's price is unique only when it trades or has an asset strictly inside its
            // bounds; otherwise (e.g. a consumer left at 0) a whole interval is optimal.
            boolean unique = false;
            for (int s = ix.assetStart()[n]; s < ix.assetStart()[n + 1]; s++) {
                unique |= pQp[s] > ix.pMin()[s] + 1e-6 && pQp[s] < ix.pMax()[s] - 1e-6;
            }
            for (int q = ix.arcStart()[n]; q < ix.arcStart()[n + 1]; q++) {
                unique |= Math.abs(tQp[ix.arcsOf()[q]]) > 1e-6;
            }
            if (!unique) {
                continue;
            }
            assertThat(mu[n]).as("price of " + ix.agentLabel(n)).isCloseTo(muQp[n], within(Tolerances.ADMM_PRICE));
        }
        // A bilateral price is unique only where the pair trades (elsewhere any lambda with
        // |lambda − mu| ≤ gamma is optimal).
        double[] lam = onIx.tradePrice();
        double[] lamQp = onIxQp.tradePrice();
        for (int k = 0; k < lam.length; k++) {
            if (Math.abs(tQp[k]) > 1e-6) {
                assertThat(lam[k]).as("bilateral price of arc " + ix.agentLabel(ix.from()[k]) + "->" + ix.agentLabel(ix.to()[k]))
                        .isCloseTo(lamQp[k], within(Tolerances.ADMM_PRICE));
            }
        }
    }

    @ParameterizedTest(name = "{0} peers, {1} partners, gamma {2}")
    @MethodSource("generatedMarkets")
    void matchesTheCentralisedQpOnGeneratedMarketsAtThePaperRule(int peers, int partners, boolean withGamma) {
        // The setting: paper rule at eps 1e-8, default options (rho from the data, polish on).
        Market m = generated(peers, partners, withGamma);
        ClearingResult reference = qp(peers + "/" + partners + "/" + withGamma, () -> m);
        ClearingResult r = clear(m, AdmmOptions.DEFAULT.withEps(Tolerances.ADMM_PAPER_EPS));
        assertMatches(r, reference);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("polished"));
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    /** Up to 200 peers: unpolished, the iterate needs eps 1e-10, too long on 2,000 peers for a unit test. */
    static Stream<Arguments> smallGeneratedMarkets() {
        return generatedMarkets().filter(a -> (int) a.get()[0] <= 200);
    }

    @ParameterizedTest(name = "{0} peers, {1} partners, gamma {2}")
    @MethodSource("smallGeneratedMarkets")
    void theUnpolishedPointMatchesTheCentralisedQpAtATightPaperRule(int peers, int partners, boolean withGamma) {
        Market m = generated(peers, partners, withGamma);
        ClearingResult r = clear(m, AdmmOptions.DEFAULT.withRho(0.01).withEps(Tolerances.ADMM_EPS).withPolish(false));
        assertMatches(r, qp(peers + "/" + partners + "/" + withGamma, () -> m));
        assertThat(r.notes()).noneMatch(n -> n.startsWith("polished"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"p2p", "pool"})
    void matchesTheCentralisedQpWithAGridAndACommunityManager(String structure) {
        // The grid's assets have infinite bounds and linear costs; the pool's manager has no assets.
        Market m = Markets.ieee14(structure, new Grid(null, 70, 40), 18.5);
        ClearingResult reference = qp("ieee14/" + structure, () -> m);
        ClearingResult r = clear(m, AdmmOptions.DEFAULT.withEps(Tolerances.ADMM_PAPER_EPS));
        assertMatches(r, reference);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    @Test
    void verifyPassesAtATightRelativeRule() {
        Market m = generated(200, 5, true);
        ClearingResult r = clear(m, AdmmOptions.DEFAULT.withRho(0.01).withEps(1e-9).withStopping(AdmmOptions.Stopping.RELATIVE));
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        assertMatches(r, qp("200/5/true", () -> m));
    }

    @Test
    void twoAgentsWithCoefficientsTradeOneAtBilateralPriceSix() {
        Markets.assertTwoAgentsAnswer(clear(Markets.twoAgents(1.0), AdmmOptions.DEFAULT.withEps(1e-18)));
    }

    @Test
    void aWarmStartAtTheOptimumConvergesInOneIteration() {
        Market m = generated(200, 5, true);
        ClearingResult optimum = clear(m, AdmmOptions.DEFAULT.withRho(0.01).withEps(1e-10).withStopping(AdmmOptions.Stopping.RELATIVE));
        assertThat(optimum.status()).isEqualTo(Status.OPTIMAL);
        for (AdmmOptions.Stopping rule : AdmmOptions.Stopping.values()) {
            ClearingResult r = clear(m, AdmmOptions.DEFAULT.withRho(0.01).withEps(1e-4).withStopping(rule).withWarmStart(optimum));
            assertThat(r.status()).as(rule + ": " + r.message()).isEqualTo(Status.OPTIMAL);
            assertThat(r.iterations()).as(rule.toString()).isEqualTo(1);
            assertThat(r.options()).containsEntry("warmStart", "true");
        }
        // From the centralised solution too: it is the same optimum.
        ClearingResult fromQp = clear(m, AdmmOptions.DEFAULT.withRho(0.01).withWarmStart(qp("200/5/true", () -> m)));
        assertThat(fromQp.iterations()).isEqualTo(1);
    }

    /** The previous result is matched by id: the same market with its agents declared in reverse order starts at the optimum too. */
    @Test
    void aWarmStartFromTheSameMarketDeclaredInAnotherOrderConvergesInOneIteration() {
        Market m = generated(200, 5, true);
        List<org.peerclear.model.Agent> reversed = new ArrayList<>(m.agents());
        java.util.Collections.reverse(reversed);
        Market r = Market.builder(m.name()).units(m.units()).tradeGraph(m.tradeGraph()).grid(m.grid().orElse(null))
                .agents(reversed).build();
        assertThat(MarketIndex.of(r).agentId(0)).isNotEqualTo(MarketIndex.of(m).agentId(0));
        ClearingResult optimum = clear(m, AdmmOptions.DEFAULT.withRho(0.01).withEps(1e-10).withStopping(AdmmOptions.Stopping.RELATIVE));
        assertThat(optimum.status()).isEqualTo(Status.OPTIMAL);
        ClearingResult again = clear(r, AdmmOptions.DEFAULT.withRho(0.01).withEps(1e-4).withWarmStart(optimum));
        assertThat(again.status()).as(again.message()).isEqualTo(Status.OPTIMAL);
        assertThat(again.iterations()).isEqualTo(1);
    }

    @Test
    void aWarmStartOfAnotherStructureIsRejected() {
        ClearingResult other = clear(Markets.twoAgents(1.0), AdmmOptions.DEFAULT);
        assertThatThrownBy(() -> clear(generated(10, 2, true), AdmmOptions.DEFAULT.withWarmStart(other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid value for parameter warmStart:");
    }

    @Test
    void theAsynchronousModeConvergesToTheSameOptimum() {
        Market m = generated(200, 5, true);
        AdmmOptions o = AdmmOptions.DEFAULT.withRho(0.01).withEps(Tolerances.ADMM_EPS).withAsync(0.5, 42L);
        ClearingResult r = clear(m, o);
        assertMatches(r, qp("200/5/true", () -> m));
        assertThat(r.options()).containsEntry("asyncFraction", "0.5").containsEntry("seed", "42");
        ClearingResult sync = clear(m, o.withAsync(1.0, 0L));
        // Half the agents per round: more rounds, fewer messages per round.
        assertThat(r.iterations()).isGreaterThan(sync.iterations());
    }

    @Test
    void overRelaxationAndResidualBalancingReachTheSameOptimum() {
        Market m = generated(200, 5, true);
        ClearingResult reference = qp("200/5/true", () -> m);
        assertMatches(clear(m, AdmmOptions.DEFAULT.withRho(0.01).withAlpha(1.6).withEps(Tolerances.ADMM_EPS)), reference);
        assertMatches(clear(m, AdmmOptions.DEFAULT.withRho(1.0).withAdaptiveRho(true).withEps(Tolerances.ADMM_EPS)), reference);
    }

    /** The raw bits of each value, for bit-for-bit comparisons. */
    static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    /**
     * At relative eps 1e-6 this market's point is not within the primal tolerance (the clearing
     * says NOT_CONVERGED); with refinements ADMM continues from its last iterate at 1e-8 and
     * reaches a certified optimum, the centralised QP's.
     */
    @Test
    void refinementsContinueAnUncertifiedRunToACertifiedOptimum() {
        Market m = generated(2000, 10, true);
        AdmmOptions o = AdmmOptions.DEFAULT.withRho(0.01).withEps(1e-6).withStopping(AdmmOptions.Stopping.RELATIVE)
                .withAdaptiveRho(true);
        ClearingResult once = clear(m, o);
        assertThat(once.status()).as(once.message()).isEqualTo(Status.NOT_CONVERGED);
        ClearingResult refined = clear(m, o.withRefinements(2));
        assertThat(refined.status()).as(refined.message()).isEqualTo(Status.OPTIMAL);
        assertThat(refined.iterations()).isGreaterThan(once.iterations());
        assertThat(refined.options()).containsEntry("refinements", "2");
        assertMatches(refined, qp("2000/10/true", () -> m));
    }

    /**
     * The iterates themselves, compared on the engine: at this eps the stopping rule holds but
     * the point is not within the primal tolerance (balance 4.5e-5), so the clearing reports
     * NOT_CONVERGED without a point, and the arrays to compare live in the engine.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {1.0, 0.7})
    void twoThreadsGiveBitIdenticalResults(double asyncFraction) {
        MarketIndex ix = MarketIndex.of(generated(2000, 10, true));
        AdmmOptions o = AdmmOptions.DEFAULT.withRho(0.01).withEps(1e-6).withStopping(AdmmOptions.Stopping.RELATIVE)
                .withAdaptiveRho(true).withAsync(asyncFraction, 7L);
        ConsensusAdmm one = new ConsensusAdmm(ix, o);
        ConsensusAdmm two = new ConsensusAdmm(ix, o.withThreads(2));
        assertThat(one.run(org.peerclear.clearing.ProgressListener.NONE, "admm")).isTrue();
        assertThat(two.run(org.peerclear.clearing.ProgressListener.NONE, "admm")).isTrue();
        assertThat(two.iterations()).isEqualTo(one.iterations());
        assertThat(bits(two.trades())).isEqualTo(bits(one.trades()));
        assertThat(bits(two.tradePrices())).isEqualTo(bits(one.tradePrices()));
        assertThat(bits(two.agentPrices())).isEqualTo(bits(one.agentPrices()));
        assertThat(bits(two.assetPower())).isEqualTo(bits(one.assetPower()));
        assertThat(Double.doubleToRawLongBits(two.primalResidual())).isEqualTo(Double.doubleToRawLongBits(one.primalResidual()));
        assertThat(Double.doubleToRawLongBits(two.dualResidual())).isEqualTo(Double.doubleToRawLongBits(one.dualResidual()));
    }

    @Test
    void theIterationLimitGivesNotConvergedWithTheResidualsReached() {
        List<Progress> reports = new ArrayList<>();
        Market market = generated(200, 5, true);
        ClearingResult r = admm.clear(market, ClearingOptions.DEFAULT.withListener(reports::add)
                .withMethodOptions(AdmmOptions.DEFAULT.withMaxIterations(3).withProgressInterval(1)));
        assertThat(r.status()).isEqualTo(Status.NOT_CONVERGED);
        assertThat(r.hasSolution()).isFalse();
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.primalResidual() + r.dualResidual()).isGreaterThan(AdmmOptions.DEFAULT.eps());
        assertThat(r.message()).contains("3 iterations").contains(String.format(java.util.Locale.ROOT, "r = %.3e", r.primalResidual()))
                .contains(String.format(java.util.Locale.ROOT, "s = %.3e", r.dualResidual()));
        assertThat(reports).extracting(Progress::iteration).containsExactly(1L, 2L, 3L);
        assertThat(reports.get(2).primalResidual()).isEqualTo(r.primalResidual());
        // By default rho comes from the data.
        assertThat(reports.get(2).rho()).isEqualTo(AdmmOptions.rhoFromData(MarketIndex.of(market)));
        assertThat(r.options()).containsEntry("rhoFromData", "true");
    }

    @Test
    void thePaperRuleStopsAtTheFirstIterationWhereBothSumsOfSquaresAreBelowEps() {
        Market m = generated(200, 5, true);
        MarketIndex ix = MarketIndex.of(m);
        double eps = 1e-6;
        AdmmOptions o = AdmmOptions.DEFAULT.withRho(0.01).withEps(eps);
        ConsensusAdmm full = new ConsensusAdmm(ix, o);
        assertThat(full.run(org.peerclear.clearing.ProgressListener.NONE, "admm")).isTrue();
        long k = full.iterations();
        double[] tK = full.trades();
        double r = 0.0;
        for (int a = 0; a < tK.length; a++) {
            double e = tK[a] + tK[a ^ 1];
            r += e * e;
        }
        assertThat(full.primalResidual()).isCloseTo(r, within(1e-12 * r + 1e-300)).isLessThanOrEqualTo(eps);

        ConsensusAdmm before = new ConsensusAdmm(ix, o.withMaxIterations((int) k - 1));
        assertThat(before.run(org.peerclear.clearing.ProgressListener.NONE, "admm")).isFalse();
        assertThat(before.primalResidual() > eps || before.dualResidual() > eps).isTrue();
        double[] tPrev = before.trades();
        double s = 0.0;
        for (int a = 0; a < tK.length; a++) {
            double d = tK[a] - tPrev[a];
            s += d * d;
        }
        assertThat(full.dualResidual()).isCloseTo(s, within(1e-12 * s + 1e-300)).isLessThanOrEqualTo(eps);

        // The published start: t = 0, lambda = 0, so s after one iteration is Σ t².
        ConsensusAdmm one = new ConsensusAdmm(ix, o.withMaxIterations(1));
        one.run(org.peerclear.clearing.ProgressListener.NONE, "admm");
        double s1 = 0.0;
        for (double t : one.trades()) {
            s1 += t * t;
        }
        assertThat(one.dualResidual()).isCloseTo(s1, within(1e-12 * s1));
    }

    @Test
    void progressEstimatesTheIterationsLeftFromTheResidualsDecay() {
        MarketIndex ix = MarketIndex.of(generated(200, 5, true));
        List<Progress> reports = new ArrayList<>();
        ConsensusAdmm a = new ConsensusAdmm(ix, AdmmOptions.DEFAULT.withRho(AdmmOptions.rhoFromData(ix)).withEps(1e-8)
                .withProgressInterval(20));
        assertThat(a.run(reports::add, "admm")).isTrue();
        long end = a.iterations();
        // No decay measured yet at the first report; nothing left once the rule holds.
        assertThat(reports.get(0).hasEstimate()).isFalse();
        Progress last = reports.get(reports.size() - 1);
        assertThat(last.iteration()).isEqualTo(end);
        assertThat(last.iterationsLeft()).isZero();
        // Late in the run the residuals decay geometrically, and the extrapolation says so.
        Progress late = reports.get(reports.size() - 3);
        assertThat(late.hasEstimate()).isTrue();
        long actual = end - late.iteration();
        assertThat(late.iterationsLeft()).isBetween(actual / 2.0, actual * 2.0);
        assertThat(late.secondsLeft()).isFinite().isNotNegative();
    }

    @Test
    void messagesAreCountedPerDirectedArcAndLocalStep() {
        Market m = generated(200, 5, true);
        MarketIndex ix = MarketIndex.of(m);
        ConsensusAdmm a = new ConsensusAdmm(ix, AdmmOptions.DEFAULT.withMaxIterations(7));
        a.run(org.peerclear.clearing.ProgressListener.NONE, "admm");
        assertThat(a.messages()).isEqualTo(7L * ix.numArcs());
    }

    @Test
    void isFoundByName() {
        assertThat(ClearingMethods.load().get("admm")).isInstanceOf(AdmmClearing.class);
    }

    @Test
    void optionsAreValidatedWithTheOptionName() {
        AdmmOptions d = AdmmOptions.DEFAULT;
        assertThatThrownBy(() -> d.withRho(0)).hasMessage("invalid value '0' for option admm.rho: must be auto, or a finite number > 0");
        assertThatThrownBy(() -> d.withRho(Double.NaN))
                .hasMessage("invalid value 'NaN' for option admm.rho: must be auto, or a finite number > 0");
        assertThatThrownBy(() -> d.withAlpha(2.0)).hasMessage("invalid value '2' for option admm.alpha: must be a number in (0, 2)");
        assertThatThrownBy(() -> d.withAlpha(0.0)).hasMessage("invalid value '0' for option admm.alpha: must be a number in (0, 2)");
        assertThatThrownBy(() -> d.withEps(-1e-4))
                .hasMessage("invalid value '-1.0E-4' for option admm.eps: must be a number in (0, Infinity)");
        assertThatThrownBy(() -> d.withMaxIterations(0)).hasMessage("invalid value '0' for option admm.maxIter: must be an integer >= 1");
        assertThatThrownBy(() -> d.withThreads(0)).hasMessage("invalid value '0' for option admm.threads: must be an integer >= 1");
        assertThatThrownBy(() -> d.withAdaptiveRho(true, 1.0, 2.0))
                .hasMessage("invalid value '1' for option admm.mu: must be a number in (1, Infinity)");
        assertThatThrownBy(() -> d.withAdaptiveRho(true, 10.0, 0.5))
                .hasMessage("invalid value '0.5' for option admm.tau: must be a number in (1, Infinity)");
        assertThatThrownBy(() -> d.withAdaptInterval(0)).hasMessage("invalid value '0' for option admm.adaptInterval: must be an integer >= 1");
        assertThatThrownBy(() -> d.withRefinements(-1)).hasMessage("invalid value '-1' for option admm.refinements: must be an integer >= 0");
        assertThatThrownBy(() -> d.withAsync(0.0, 1L))
                .hasMessage("invalid value '0' for option admm.asyncFraction: must be a number in (0, 1]");
        assertThatThrownBy(() -> d.withAsync(1.5, 1L))
                .hasMessage("invalid value '1.5' for option admm.asyncFraction: must be a number in (0, 1]");
        assertThatThrownBy(() -> d.withStopping(null))
                .hasMessage("invalid value 'null' for option admm.stopping: must be one of paper, relative");
        assertThatThrownBy(() -> AdmmOptions.STOPPING.parse("boyd"))
                .hasMessage("invalid value 'boyd' for option admm.stopping: must be one of paper, relative");
        assertThat(AdmmOptions.STOPPING.parse("Relative")).isEqualTo(AdmmOptions.Stopping.RELATIVE);
        assertThat(d.withRho(0.5).withAlpha(1.5).rho()).isEqualTo(0.5);
        assertThat(d.rho()).isEqualTo(1.0);
        assertThat(d.rhoFromData()).isTrue();
        assertThat(d.withRho(0.5).rhoFromData()).isFalse();
        assertThat(d.withRho(0.5).withRhoFromData().rhoFromData()).isTrue();
        assertThat(d.polish()).isTrue();
        assertThat(d.withPolish(false).polish()).isFalse();
    }
}
