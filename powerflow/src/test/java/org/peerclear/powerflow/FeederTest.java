package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.powerflow.matpower.Feeders;

/** Feeder model, loading and input validation. */
class FeederTest {

    @Test
    void embeddedCase33bwEqualsReferenceFile() {
        Feeder embedded = Feeders.load("case33bw", null);
        Feeder ref = ReferenceData.feeder("case33bw");
        assertThat(embedded.buses()).isEqualTo(ref.buses());
        assertThat(embedded.branches()).isEqualTo(ref.branches());
        assertThat(embedded.busIds()).hasSize(33).startsWith("1", "2");
        assertThat(embedded.busIndex("18")).isEqualTo(17);
        assertThat(embedded.baseMva()).isEqualTo(10);
        assertThat(embedded.baseKv()).isEqualTo(12.66);
    }

    @Test
    void loadByPathAndUnknownNames(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.m");
        java.nio.file.Files.writeString(file, ReferenceData.text("case69/case69.m"));
        assertThat(Feeders.load("c.m", dir).busCount()).isEqualTo(69);
        assertThat(Feeders.load(file.toString(), null).busCount()).isEqualTo(69);
        assertThatThrownBy(() -> Feeders.load("case9999", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case9999");
    }

    @Test
    void misuseIsReportedWithNames() {
        Feeder f = FourBusFeeder.create();
        assertThatThrownBy(() -> f.busIndex("Z")).hasMessageContaining("Z");
        double[] p = new double[4];
        p[2] = Double.NaN;
        assertThatThrownBy(() -> new LinDistFlow(f).solve(p, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bus B");
        assertThatThrownBy(() -> AcPowerFlow.solve(f, p, null, AcPowerFlow.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bus B");
        assertThatThrownBy(() -> AcPowerFlow.solve(f, new double[3], null, AcPowerFlow.Options.defaults()))
                .hasMessageContaining("3 entries");
        assertThatThrownBy(() -> new Feeder("x", 1, List.of(Bus.load("a", 1, 0, 0)),
                List.of(Branch.line("1", "a", "b", 0.1, 0.1)), "a", 1, 0)).hasMessageContaining("unknown bus id b");
        assertThatThrownBy(() -> Bus.load("a", 1, Double.NaN, 0)).hasMessageContaining("pLoadKw");
    }

    @Test
    void radialModelHasParentsLeavesFirstOrder() {
        Feeder f = ReferenceData.feeder("case141");
        RadialFeeder rf = f.radial();
        int[] parent = rf.parentArray();
        int[] order = rf.leavesFirstOrder();
        boolean[] seen = new boolean[f.busCount()];
        for (int i : order) {
            // every bus comes before its parent
            assertThat(parent[i] < 0 || !seen[parent[i]]).isTrue();
            seen[i] = true;
        }
        assertThat(order[order.length - 1]).isEqualTo(f.slackIndex());
        assertThat(parent[f.slackIndex()]).isEqualTo(-1);
    }

    @Test
    void syntheticFeedersAreDeterministicAndSolvable() {
        Feeder a = SyntheticFeeders.radial(2000, 42);
        Feeder b = SyntheticFeeders.radial(2000, 42);
        assertThat(a.branches()).isEqualTo(b.branches());
        assertThat(a.isRadial()).isTrue();
        double minW = Double.MAX_VALUE;
        for (double w : new LinDistFlow(a).solve(null, null).wPu()) {
            minW = Math.min(minW, w);
        }
        assertThat(Math.sqrt(minW)).isCloseTo(0.95, org.assertj.core.api.Assertions.within(1e-9));
        PowerFlowResult r = AcPowerFlow.solve(a);
        assertThat(r.status()).isEqualTo(PowerFlowStatus.CONVERGED);
        PowerFlowResult nr = AcPowerFlow.solve(a, null, null,
                AcPowerFlow.Options.defaults().withMethod(AcPowerFlow.Method.NEWTON));
        for (int i = 0; i < a.busCount(); i++) {
            assertThat(r.vmPu()[i]).isCloseTo(nr.vmPu()[i], org.assertj.core.api.Assertions.within(Tolerances.AC_VM_PU));
        }
    }
}
