package org.peerclear.clearing.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.peerclear.clearing.admm.AdmmClearingTest.bits;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.Tolerances;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.model.Agent;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.GridLegResult;
import org.peerclear.result.NetworkOutcome;

/** Network-aware ADMM (the system operator as one more agent) against the centralised network-constrained QP. */
class AdmmNetworkClearingTest {
    private final AdmmClearing admm = new AdmmClearing();

    static Stream<Arguments> feederMarkets() {
        return Stream.of(
                Arguments.of("over-voltage", org.peerclear.clearing.network.FeederMarkets.highPv(400, List.of(), false)),
                Arguments.of("line limit 6-26", org.peerclear.clearing.network.FeederMarkets.highPv(200, List.of(new NetworkSpec.BranchRating("6", "26", 300)), false)),
                Arguments.of("over-voltage, peer-to-peer", org.peerclear.clearing.network.FeederMarkets.highPv(400, List.of(), true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feederMarkets")
    void reachesTheCentralisedNetworkConstrainedOptimumAtThePaperRule(String name, Market m) {
        ClearingResult qp = new QpClearing().clear(m, ClearingOptions.DEFAULT);
        ClearingResult r = admm.clear(m, ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT.withEps(Tolerances.ADMM_PAPER_EPS)));
        assertThat(qp.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(Math.abs(r.welfare() - qp.welfare()) / Math.abs(qp.welfare())).as("relative welfare difference")
                .isLessThanOrEqualTo(Tolerances.ADMM_WELFARE_RELATIVE);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        for (Agent a : m.agents()) {
            assertThat(r.networkPrice(a.id())).as("network price of " + a.id()).isCloseTo(qp.networkPrice(a.id()), within(Tolerances.ADMM_PRICE));
        }
        assertSamePrices(r, qp);
        NetworkOutcome ac = r.network().orElseThrow();
        NetworkOutcome acQp = qp.network().orElseThrow();
        assertThat(ac.acStatus()).isEqualTo("CONVERGED");
        for (int b = 0; b < ac.buses().size(); b++) {
            assertThat(ac.buses().get(b).price()).as("bus price at " + ac.buses().get(b).id())
                    .isCloseTo(acQp.buses().get(b).price(), within(Tolerances.ADMM_PRICE));
            assertThat(ac.buses().get(b).vmLinear()).as("LinDistFlow voltage at " + ac.buses().get(b).id())
                    .isLessThanOrEqualTo(1.05 + 1e-7).isCloseTo(acQp.buses().get(b).vmLinear(), within(1e-7));
        }
        // The limits bind: some bus has a nonzero network price, as in the centralised clearing.
        assertThat(ac.buses().stream().mapToDouble(b -> Math.abs(b.price())).max().orElseThrow()).isGreaterThan(1e-3);
        assertThat(r.options()).containsEntry("network", "case33bw");
    }

    @Test
    void aBindingLineLimitSeparatesPricesUpstreamAndDownstream() {
        Market m = org.peerclear.clearing.network.FeederMarkets.highPv(200, List.of(new NetworkSpec.BranchRating("6", "26", 300)), false);
        ClearingResult r = admm.clear(m, ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT.withEps(Tolerances.ADMM_PAPER_EPS)));
        NetworkOutcome ac = r.network().orElseThrow();
        double downstream = ac.buses().stream().filter(b -> b.id().equals("30")).findFirst().orElseThrow().price();
        double upstream = ac.buses().stream().filter(b -> b.id().equals("3")).findFirst().orElseThrow().price();
        assertThat(downstream).isLessThan(upstream - 1e-3);
        NetworkOutcome.Branch line = ac.branches().stream().filter(b -> b.from().equals("6") && b.to().equals("26")).findFirst().orElseThrow();
        assertThat(Math.abs(line.p())).isCloseTo(300, within(300 * 0.05));
    }

    @Test
    void aWarmStartAtTheNetworkOptimumConvergesInOneIteration() {
        Market m = org.peerclear.clearing.network.FeederMarkets.highPv(400, List.of(), false);
        ClearingResult first = admm.clear(m, ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT.withEps(1e-12)));
        ClearingResult again = admm.clear(m, ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT.withEps(1e-8).withWarmStart(first)));
        assertThat(again.status()).isEqualTo(Status.OPTIMAL);
        assertThat(again.iterations()).isEqualTo(1);
        assertThat(again.welfare()).isCloseTo(first.welfare(), within(1e-9 * Math.abs(first.welfare())));
    }

    /** Asynchronous rounds (70% of the agents, the operator among them, per round) reach the same network optimum. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("feederMarkets")
    void asynchronousRoundsReachTheCentralisedNetworkOptimum(String name, Market m) {
        ClearingResult qp = new QpClearing().clear(m, ClearingOptions.DEFAULT);
        ClearingResult r = admm.clear(m, ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT
                .withEps(Tolerances.ADMM_PAPER_EPS).withAsync(0.7, 11L).withMaxIterations(200_000)));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(Math.abs(r.welfare() - qp.welfare()) / Math.abs(qp.welfare())).as("relative welfare difference")
                .isLessThanOrEqualTo(Tolerances.ADMM_WELFARE_RELATIVE);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        assertSamePrices(r, qp);
    }

    /** Every agent's price as the centralised clearing's, by id: the declared agents, then each grid leg by its partner. */
    private static void assertSamePrices(ClearingResult r, ClearingResult qp) {
        for (Agent a : qp.market().agents()) {
            assertThat(r.agent(a.id()).price()).as("price of " + a.id()).isCloseTo(qp.agent(a.id()).price(), within(Tolerances.ADMM_PRICE));
        }
        java.util.Map<String, Double> legPriceQp = new java.util.HashMap<>();
        qp.gridLegs().forEach(leg -> legPriceQp.put(leg.partner(), leg.price()));
        assertThat(r.gridLegs()).extracting(GridLegResult::partner).containsExactlyInAnyOrderElementsOf(legPriceQp.keySet());
        for (GridLegResult leg : r.gridLegs()) {
            assertThat(leg.price()).as("price of the grid's leg to " + leg.partner())
                    .isCloseTo(legPriceQp.get(leg.partner()), within(Tolerances.ADMM_PRICE));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {1.0, 0.7})
    void twoThreadsGiveBitIdenticalResultsWithTheOperator(double asyncFraction) {
        // Large enough for several chunks of agents (and of pairs), so both threads have work.
        List<String> buses = new java.util.ArrayList<>();
        for (int b = 2; b <= 33; b++) {
            buses.add(String.valueOf(b));
        }
        Market m = org.peerclear.generate.BipartiteMarketGenerator.generate(1500, 10, 3L, buses, "case33bw");
        AdmmOptions o = AdmmOptions.DEFAULT.withEps(1e-6).withStopping(AdmmOptions.Stopping.RELATIVE).withAdaptiveRho(true)
                .withAsync(asyncFraction, 5L).withMaxIterations(200_000);
        // Compared on the engine: at this eps the point is not certified (the clearing reports
        // FEASIBLE or NOT_CONVERGED), the iterates are what must be bit-identical.
        org.peerclear.index.MarketIndex ix = org.peerclear.index.MarketIndex.of(m);
        org.peerclear.clearing.network.NetworkModel net = org.peerclear.clearing.network.NetworkModel.of(m, ix);
        AdmmOptions run = o.withRho(AdmmOptions.rhoFromData(ix));
        AdmmNetworkOperator op1 = new AdmmNetworkOperator(net, ix);
        AdmmNetworkOperator op2 = new AdmmNetworkOperator(net, ix);
        ConsensusAdmm one = new ConsensusAdmm(ix, run, op1);
        ConsensusAdmm two = new ConsensusAdmm(ix, run.withThreads(2), op2);
        assertThat(one.run(org.peerclear.clearing.ProgressListener.NONE, "admm")).isTrue();
        assertThat(two.run(org.peerclear.clearing.ProgressListener.NONE, "admm")).isTrue();
        assertThat(two.iterations()).isEqualTo(one.iterations());
        assertThat(bits(two.trades())).isEqualTo(bits(one.trades()));
        assertThat(bits(two.agentPrices())).isEqualTo(bits(one.agentPrices()));
        assertThat(bits(two.assetPower())).isEqualTo(bits(one.assetPower()));
        assertThat(bits(op2.agentPrices())).isEqualTo(bits(op1.agentPrices()));
    }

    @Test
    void lossAwareAndTighteningOptionsAreRefusedClearly() {
        Market m = org.peerclear.clearing.network.FeederMarkets.highPv(400, List.of(), false);
        assertThatThrownBy(() -> admm.clear(m, ClearingOptions.DEFAULT.withMethodOptions(NetworkOptions.DEFAULT.withLossAware(true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method 'qp'");
    }
}
