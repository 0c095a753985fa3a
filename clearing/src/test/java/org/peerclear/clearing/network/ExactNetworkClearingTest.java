package org.peerclear.clearing.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.Certification;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Solution;
import org.peerclear.opt.Status;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.ResultVerifier;

/**
 * The exact solver {@code flow} with the feeder's LinDistFlow rows (the default with a network),
 * cross-checked against OR-Tools PDLP and ojAlgo on the same problem: same welfare, and both
 * certified. Every market here has rows that bind (checked), so the network prices are not 0.
 */
class ExactNetworkClearingTest {
    /** Welfare agreement: PDLP's default tolerance leaves about 1e-9 relative; flow is exact. */
    private static final double WELFARE = 1e-7;

    private final QpClearing qp = new QpClearing();

    @Test
    void undervoltageRowsBindOnAGeneratedMarketAndTheOptimumIsPdlps() {
        Market m = generated(400, 1L, 0.93, 1.05, List.of());
        compare(m, "voltage", false); // ojAlgo takes minutes at 400 peers with the rows
    }

    @Test
    void overvoltageAndLineLimitsWithTheGridPinningTrees() {
        // PV everywhere, the grid buys at 0.04: every tree with a trading grid leg is pinned.
        Market m = FeederMarkets.highPv(400, List.of(new NetworkSpec.BranchRating("2", "3", 3000.0),
                new NetworkSpec.BranchRating("6", "26", 800.0)), true);
        compare(m, "over-voltage and lines", true);
    }

    @Test
    void expensiveGeneratorsRunOnlyAsFarAsTheVoltageNeedsThem() {
        compare(FeederMarkets.underVoltage(), "under-voltage", true);
    }

    @Test
    void randomFeederMarketsAgreeWithPdlpWhereverItIsOptimal() {
        Random rnd = new Random(7);
        Feeder f = Feeders.embedded("case33bw");
        int compared = 0;
        int binding = 0;
        for (int trial = 0; trial < 8; trial++) {
            List<NetworkSpec.BranchRating> ratings = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                var br = f.branches().get(rnd.nextInt(f.branchCount()));
                ratings.add(new NetworkSpec.BranchRating(br.fromBus(), br.toBus(), 300 + 1200 * rnd.nextDouble()));
            }
            Market m = generated(60 + rnd.nextInt(200), 100 + trial, 0.905 + 0.02 * rnd.nextDouble(), 1.0 + 0.05 * rnd.nextDouble(),
                    ratings);
            ClearingResult ref = qp.clear(m, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
            if (ref.status() != Status.OPTIMAL) {
                assertThat(ref.status()).isEqualTo(Status.INFEASIBLE);
                assertThat(qp.clear(m, ClearingOptions.DEFAULT).status()).isEqualTo(Status.INFEASIBLE);
                continue;
            }
            ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
            assertThat(r.status()).as(trial + ": " + r.message()).isEqualTo(Status.OPTIMAL);
            assertThat(r.solver()).as(trial + ": " + r.notes()).isEqualTo(FlowSolver.NAME);
            assertThat(relative(r.welfare(), ref.welfare())).as("trial " + trial).isLessThan(WELFARE);
            compared++;
            for (Agent a : r.market().agents()) {
                binding += Math.abs(r.networkPrice(a.id())) > 1e-6 ? 1 : 0;
            }
        }
        assertThat(compared).as("markets compared").isGreaterThanOrEqualTo(4);
        assertThat(binding).as("agents with a network price, over the markets compared").isPositive();
    }

    @Test
    void anUnreachableVoltageLimitIsInfeasibleAndSaysWhy() {
        // case33bw's far end sits at 0.916 pu; 100 small peers cannot lift it to 0.97.
        Market m = generated(100, 1L, 0.97, 1.05, List.of());
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(r.message()).contains("LinDistFlow gives voltages");
        assertThat(r.notes()).anyMatch(n -> n.contains("solver flow ended"));
    }

    @Test
    void theProblemCertificateHoldsForTheAnswerAndFailsWhenAPriceOrATradeIsCorrupted() {
        Market m = generated(400, 1L, 0.93, 1.05, List.of());
        MarketIndex ix = MarketIndex.of(m);
        NetworkModel net = NetworkModel.of(m, ix);
        LinDistFlowConstraints rows = new LinDistFlowConstraints(net);
        UnifiedFormulation f = UnifiedFormulation.of(ix, List.of(rows));
        FlowSolver.Outcome o = FlowSolver.solve(ix, rows.busRows(), 0L, null);
        assertThat(o.status()).as(o.message()).isEqualTo(Status.OPTIMAL);
        int binding = -1;
        for (int r = 0; r < o.rowMultipliers().length; r++) {
            binding = o.rowMultipliers()[r] != 0 ? r : binding;
        }
        assertThat(binding).as("a row binds").isGreaterThanOrEqualTo(0);

        assertThat(certified(ix, certificate(f, rows, o, o.rowMultipliers(), o.trades()))).isTrue();
        double[] y = o.rowMultipliers().clone();
        y[binding] *= 1.01; // the network prices no longer match the multipliers
        assertThat(certified(ix, certificate(f, rows, o, y, o.trades()))).isFalse();
        double[] t = o.trades().clone();
        int k = 0;
        while (t[k] == 0) {
            k++;
        }
        t[k] += 1e-3; // a trade without its mirror: reciprocity fails
        assertThat(certified(ix, certificate(f, rows, o, o.rowMultipliers(), t))).isFalse();
    }

    /** The decision {@code Certification} takes on a problem certificate, with the default tolerances. */
    private static boolean certified(MarketIndex ix, OptimalityCertificate c) {
        return Certification.judge(Status.OPTIMAL, null, c, ResultVerifier.scales(ix), Math.max(1.0, Math.abs(c.primalObjective())),
                Status.NUMERICAL_ERROR, ResultVerifier.Tolerances.DEFAULT).status() == Status.OPTIMAL;
    }

    private static OptimalityCertificate certificate(UnifiedFormulation f, LinDistFlowConstraints rows, FlowSolver.Outcome o,
                                                     double[] y, double[] trades) {
        double[] x = f.point(o.assetPower(), trades);
        double[] duals = f.duals(o.agentPrices(), o.tradePrices());
        rows.fill(o.assetPower(), o.busPrices(), y, x, duals);
        return OptimalityCertificate.of(f.problem(), Solution.of(f.problem(), Status.OPTIMAL, "", "flow", x, duals, 0, 0));
    }

    private void compare(Market m, String what, boolean withOjAlgo) {
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        ClearingResult pdlp = qp.clear(m, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
        assertThat(r.status()).as(what + ": " + r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.solver()).as(what + ": " + r.notes()).isEqualTo(FlowSolver.NAME);
        assertThat(pdlp.status()).as(pdlp.message()).isEqualTo(Status.OPTIMAL);
        assertThat(relative(r.welfare(), pdlp.welfare())).as(what + " vs PDLP").isLessThan(WELFARE);
        if (withOjAlgo) {
            ClearingResult ojalgo = qp.clear(m, ClearingOptions.DEFAULT.withSolver("ojalgo"));
            assertThat(ojalgo.status()).as(ojalgo.message()).isEqualTo(Status.OPTIMAL);
            assertThat(relative(r.welfare(), ojalgo.welfare())).as(what + " vs ojAlgo").isLessThan(WELFARE);
        }
        double largest = 0;
        for (Agent a : r.market().agents()) {
            largest = Math.max(largest, Math.abs(r.networkPrice(a.id())));
        }
        assertThat(largest).as(what + ": some row binds, so some network price is not 0").isGreaterThan(1e-6);
    }

    private static Market generated(int peers, long seed, double vMin, double vMax, List<NetworkSpec.BranchRating> ratings) {
        Feeder f = Feeders.embedded("case33bw");
        List<String> buses = new ArrayList<>(f.busIds());
        buses.remove(f.slackIndex());
        Market g = BipartiteMarketGenerator.generate(peers, 10, seed, buses, "case33bw");
        return g.toBuilder().network(new NetworkSpec("case33bw", null, vMin, vMax, ratings)).build();
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.abs(b));
    }
}
