package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact AC power flow vs MATPOWER's solutions (cross-checked by OpenDSS) on the six reference feeders. */
class AcReferenceTest {

    static Stream<Arguments> cases() {
        return ReferenceData.CASES.stream().flatMap(c -> Stream.of(
                Arguments.of(c, AcPowerFlow.Method.SWEEP), Arguments.of(c, AcPowerFlow.Method.NEWTON)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesMatpower(String name, AcPowerFlow.Method method) {
        Feeder f = ReferenceData.feeder(name);
        AcPowerFlow.Options options = AcPowerFlow.Options.defaults().withMethod(method);
        PowerFlowResult r = AcPowerFlow.solve(f, null, null, options);
        assertThat(r.status()).isEqualTo(PowerFlowStatus.CONVERGED);
        assertThat(r.mismatchPu()).isLessThanOrEqualTo(options.toleranceFor(method));
        assertThat(r.iterations()).isPositive();

        List<Map<String, String>> buses = ReferenceData.csv(name + "/results/ac_pqsum_buses.csv");
        assertThat(buses).hasSize(f.busCount());
        for (Map<String, String> row : buses) {
            int i = f.busIndex(row.get("bus_id"));
            assertThat(r.vmPu()[i]).as("vm at bus %s", row.get("bus_id"))
                    .isCloseTo(ReferenceData.d(row, "vm_pu"), within(Tolerances.AC_VM_PU));
            assertThat(r.vaDeg()[i]).as("va at bus %s", row.get("bus_id"))
                    .isCloseTo(ReferenceData.d(row, "va_deg"), within(Tolerances.AC_VA_DEG));
        }

        Map<String, Integer> byId = new HashMap<>();
        for (int b = 0; b < f.branchCount(); b++) {
            byId.put(f.branches().get(b).id(), b);
        }
        double refPLoss = 0;
        double refQLoss = 0;
        int matched = 0;
        for (Map<String, String> row : ReferenceData.csv(name + "/results/ac_pqsum_branches.csv")) {
            refPLoss += ReferenceData.d(row, "p_loss_kw");
            refQLoss += ReferenceData.d(row, "q_loss_kvar");
            Integer b = byId.get(row.get("branch_id"));
            if (b == null) {
                // out-of-service (open tie switch): dropped from the feeder, carries nothing in MATPOWER
                assertThat(ReferenceData.d(row, "p_from_kw")).isZero();
                continue;
            }
            matched++;
            assertThat(f.branches().get(b).fromBus()).isEqualTo(row.get("from_bus"));
            assertThat(r.pFromKw()[b]).isCloseTo(ReferenceData.d(row, "p_from_kw"), within(Tolerances.AC_LOSS_KW));
            assertThat(r.qFromKvar()[b]).isCloseTo(ReferenceData.d(row, "q_from_kvar"), within(Tolerances.AC_LOSS_KW));
            assertThat(r.pToKw()[b]).isCloseTo(ReferenceData.d(row, "p_to_kw"), within(Tolerances.AC_LOSS_KW));
            assertThat(r.qToKvar()[b]).isCloseTo(ReferenceData.d(row, "q_to_kvar"), within(Tolerances.AC_LOSS_KW));
            assertThat(r.pLossKw()[b]).isCloseTo(ReferenceData.d(row, "p_loss_kw"), within(Tolerances.AC_LOSS_KW));
            assertThat(r.qLossKvar()[b]).isCloseTo(ReferenceData.d(row, "q_loss_kvar"), within(Tolerances.AC_LOSS_KW));
        }
        assertThat(matched).isEqualTo(f.branchCount());
        assertThat(r.totalPLossKw()).isCloseTo(refPLoss, within(Tolerances.AC_LOSS_KW));
        assertThat(r.totalQLossKvar()).isCloseTo(refQLoss, within(Tolerances.AC_LOSS_KW));
        // power balance: slack supplies loads plus losses
        double load = 0;
        for (Bus b : f.buses()) {
            load += b.pLoadKw() - b.pGenKw();
        }
        assertThat(r.slackPKw()).isCloseTo(load + r.totalPLossKw(), within(Tolerances.POWER_BALANCE_KW));
    }
}
