package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerclear.powerflow.matpower.MatpowerCase;

/** Meshed networks: detected, refused by radial methods, solved by Newton-Raphson. */
class MeshedTest {

    /** case33bw with its five tie switches closed: five independent loops. */
    static Feeder meshedCase33bw() {
        MatpowerCase mc = ReferenceData.matpower("case33bw");
        for (double[] row : mc.branch()) {
            row[10] = 1; // BR_STATUS
        }
        return mc.toFeeder();
    }

    @Test
    void detectsMeshAndRefusesRadialMethods() {
        Feeder f = meshedCase33bw();
        assertThat(f.isRadial()).isFalse();
        assertThat(ReferenceData.feeder("case33bw").isRadial()).isTrue();
        assertThat(f.loops()).hasSize(5);
        assertThat(f.topology().edgeSet()).hasSize(37);
        assertThatThrownBy(f::radial).isInstanceOf(NotRadialException.class)
                .hasMessageContaining("case33bw").hasMessageContaining("meshed").hasMessageContaining("loop");
        assertThatThrownBy(() -> new LinDistFlow(f)).isInstanceOf(NotRadialException.class);
        assertThatThrownBy(() -> new BackwardForwardSweep(f)).isInstanceOf(NotRadialException.class);
        assertThatThrownBy(() -> AcPowerFlow.solve(f, null, null,
                AcPowerFlow.Options.defaults().withMethod(AcPowerFlow.Method.SWEEP)))
                .isInstanceOf(NotRadialException.class);
    }

    @Test
    void newtonSolvesMeshedCaseConsistently() {
        Feeder f = meshedCase33bw();
        PowerFlowResult r = AcPowerFlow.solve(f);
        assertThat(r.method()).isEqualTo("newton");
        assertThat(r.status()).isEqualTo(PowerFlowStatus.CONVERGED);
        // KCL at every bus from the branch flows (independent of the solver's own mismatch)
        double[] net = new double[f.busCount()];
        for (int b = 0; b < f.branchCount(); b++) {
            net[f.fromIndex(b)] += r.pFromKw()[b];
            net[f.toIndex(b)] += r.pToKw()[b];
        }
        for (int i = 0; i < f.busCount(); i++) {
            if (i == f.slackIndex()) {
                assertThat(net[i]).isCloseTo(r.slackPKw(), within(Tolerances.POWER_BALANCE_KW));
            } else {
                assertThat(net[i]).isCloseTo(-f.buses().get(i).pLoadKw(), within(Tolerances.POWER_BALANCE_KW));
            }
        }
        // closing the tie switches reduces losses (the classic reconfiguration result)
        assertThat(r.totalPLossKw()).isLessThan(AcPowerFlow.solve(ReferenceData.feeder("case33bw")).totalPLossKw());
        assertThat(new NewtonRaphson(f).marginalLossFactors(r)[0]).hasSize(f.busCount());
    }

    @Test
    void disconnectedNetworkIsRefused() {
        MatpowerCase mc = ReferenceData.matpower("case33bw");
        mc.branch()[0][10] = 0; // open the only branch from the substation
        assertThatThrownBy(mc::toFeeder).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not connected");
    }
}
