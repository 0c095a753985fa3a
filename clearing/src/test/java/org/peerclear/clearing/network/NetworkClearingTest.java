package org.peerclear.clearing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.NetworkOutcome;
import org.peerclear.result.internal.ResultOnIndex;

/** Network-aware centralised clearing on case33bw. */
class NetworkClearingTest {
    private final QpClearing qp = new QpClearing();

    /** The largest LinDistFlow-vs-AC voltage error measured on case33bw (powerflow README): 2.84e-3 pu. */
    private static final double LINDISTFLOW_ERROR_CASE33BW = 2.84e-3;

    @Test
    void withoutTheNetworkHighPvViolatesVmaxAndWithItDoesNot() {
        Market withNet = FeederMarkets.highPv(400, List.of());
        Market withoutNet = withNet.toBuilder().network(null).build();

        ClearingResult blind = qp.clear(withoutNet, ClearingOptions.DEFAULT);
        assertThat(blind.status()).isEqualTo(Status.OPTIMAL);
        NetworkModel model = NetworkModel.of(withNet, MarketIndex.of(withNet));
        // The blind dispatch on the feeder: the same agents and assets, matched by id.
        NetworkOutcome blindAc = AcCheck.evaluate(model, ResultOnIndex.of(blind, model.index()).assetPower(),
                new double[model.feeder().busCount()]);
        assertThat(blindAc.acStatus()).isEqualTo("CONVERGED");
        double blindMax = blindAc.buses().stream().mapToDouble(NetworkOutcome.Bus::vm).max().orElseThrow();
        assertThat(blindMax).as("all PV exported: over-voltage").isGreaterThan(1.05 + 0.01);

        ClearingResult aware = qp.clear(withNet, ClearingOptions.DEFAULT);
        assertThat(aware.status()).isEqualTo(Status.OPTIMAL);
        assertThat(aware.verify().passes()).as(aware.verify().toString()).isTrue();
        NetworkOutcome ac = aware.network().orElseThrow();
        assertThat(ac.acStatus()).isEqualTo("CONVERGED");
        double linMax = ac.buses().stream().mapToDouble(NetworkOutcome.Bus::vmLinear).max().orElseThrow();
        double acMax = ac.buses().stream().mapToDouble(NetworkOutcome.Bus::vm).max().orElseThrow();
        assertThat(linMax).as("LinDistFlow voltages respect vMax").isLessThanOrEqualTo(1.05 + 1e-7);
        // The AC solution may exceed vMax only by the linearisation error.
        assertThat(acMax).isLessThanOrEqualTo(1.05 + LINDISTFLOW_ERROR_CASE33BW);
        assertThat(ac.worstViolationPu()).isLessThanOrEqualTo(LINDISTFLOW_ERROR_CASE33BW);
        // Curtailment: less PV is sold than without the network, and the far-end buses pay for it.
        double blindPv = blind.agents().stream().filter(a -> a.id().startsWith("pv")).mapToDouble(a -> a.p()).sum();
        double awarePv = aware.agents().stream().filter(a -> a.id().startsWith("pv")).mapToDouble(a -> a.p()).sum();
        assertThat(awarePv).isLessThan(blindPv - 1.0);
        assertThat(ac.buses().get(model.feeder().busIndex("18")).price()).isNegative();
    }

    @Test
    void busPricesAtAgentBusesEqualTheSensitivityWeightedNetworkDuals() {
        Market m = FeederMarkets.highPv(400, List.of());
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        NetworkOutcome ac = r.network().orElseThrow();
        MarketIndex ix = MarketIndex.of(m);
        NetworkModel model = NetworkModel.of(m, ix);
        int withBus = 0;
        for (int n = 0; n < ix.numAgents(); n++) {
            int bus = model.agentBus(n);
            if (bus >= 0) {
                assertThat(r.networkPrice(ix.agentId(n))).as(ix.agentId(n))
                        .isCloseTo(ac.buses().get(bus).price(), within(1e-6));
                withBus++;
            }
        }
        assertThat(withBus).as("agents on the feeder checked").isPositive();
    }

    @Test
    void aBindingLineLimitSeparatesPricesUpstreamAndDownstream() {
        // Limit the branch 6-26 (the lateral 26..33) to 300 kW in either direction: its eight buses carry 1,600 kW of PV for about 920 kW of load, so it would export ~680 kW.
        Market m = FeederMarkets.highPv(200, List.of(new NetworkSpec.BranchRating("6", "26", 300)));
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        NetworkOutcome ac = r.network().orElseThrow();
        NetworkModel model = NetworkModel.of(m, MarketIndex.of(m));
        double downstream = ac.buses().get(model.feeder().busIndex("30")).price();
        double upstream = ac.buses().get(model.feeder().busIndex("3")).price();
        assertThat(downstream).as("behind the congested line, energy is worth less").isLessThan(upstream - 1e-3);
        // Every bus behind the line shares the same congestion component; the flow sits at its limit.
        double b27 = ac.buses().get(model.feeder().busIndex("27")).price();
        double b33 = ac.buses().get(model.feeder().busIndex("33")).price();
        assertThat(b27).isCloseTo(b33, within(1e-6));
        NetworkOutcome.Branch line = ac.branches().stream().filter(b -> b.from().equals("6") && b.to().equals("26")).findFirst().orElseThrow();
        assertThat(Math.abs(line.p())).isCloseTo(300, within(300 * 0.05));
    }
}
