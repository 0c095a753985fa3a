package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LinDistFlow vs the exact reference LinDistFlow solutions. */
class LinDistFlowReferenceTest {

    static List<String> cases() {
        return ReferenceData.CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(String name) {
        Feeder f = ReferenceData.feeder(name);
        LinDistFlowResult r = new LinDistFlow(f).solve(null, null);
        List<Map<String, String>> rows = ReferenceData.csv(name + "/results/lindistflow_buses.csv");
        assertThat(rows).hasSize(f.busCount());
        RadialFeeder rf = f.radial();
        for (Map<String, String> row : rows) {
            int i = f.busIndex(row.get("bus_id"));
            String parent = row.get("parent_bus");
            assertThat(rf.parentBus(i) < 0 ? "" : f.buses().get(rf.parentBus(i)).id()).isEqualTo(parent);
            assertThat(r.wPu()[i]).as("w at %s", row.get("bus_id"))
                    .isCloseTo(ReferenceData.d(row, "v_sq_pu"), within(Tolerances.LINDISTFLOW_PU));
            assertThat(r.vmPu()[i]).isCloseTo(ReferenceData.d(row, "vm_pu"), within(Tolerances.LINDISTFLOW_PU));
            assertThat(r.vaDeg()[i]).isCloseTo(ReferenceData.d(row, "va_lin_deg"), within(Tolerances.LINDISTFLOW_VA_DEG));
        }
        for (Map<String, String> row : ReferenceData.csv(name + "/results/lindistflow_branches.csv")) {
            int from = f.busIndex(row.get("from_bus"));
            int to = f.busIndex(row.get("to_bus"));
            int b = rf.parentBus(to) == from ? rf.branchToParent(to) : rf.branchToParent(from);
            assertThat(b).isNotNegative();
            double sign = f.fromIndex(b) == from ? 1 : -1;
            assertThat(sign * r.pFlowKw()[b]).isCloseTo(ReferenceData.d(row, "p_kw"), within(Tolerances.LINDISTFLOW_FLOW_KW));
            assertThat(sign * r.qFlowKvar()[b]).isCloseTo(ReferenceData.d(row, "q_kvar"),
                    within(Tolerances.LINDISTFLOW_FLOW_KW));
        }
    }
}
