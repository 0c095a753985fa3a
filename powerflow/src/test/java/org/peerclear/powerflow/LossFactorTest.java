package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Marginal loss factors from the AC solution vs central finite differences of AC losses. */
class LossFactorTest {
    private static final double STEP_KW = 0.5;

    static Stream<String> cases() {
        return Stream.of("case33bw", "case141", "eulv_bal_t566");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchFiniteDifferences(String name) {
        Feeder f = ReferenceData.feeder(name);
        int n = f.busCount();
        double[][] mlf = AcPowerFlow.marginalLossFactors(f, null, null);
        assertThat(mlf[0][f.slackIndex()]).isZero();
        AcPowerFlow.Options tight = new AcPowerFlow.Options(AcPowerFlow.Method.SWEEP, 1e-12, 200);
        double h = STEP_KW;
        int checked = 0;
        for (int k = 0; k < n; k += Math.max(1, n / 25)) {
            if (k == f.slackIndex()) {
                continue;
            }
            double[] plus = new double[n];
            double[] minus = new double[n];
            plus[k] = h;
            minus[k] = -h;
            double lp = AcPowerFlow.solve(f, plus, null, tight).totalPLossKw();
            double lm = AcPowerFlow.solve(f, minus, null, tight).totalPLossKw();
            assertThat(mlf[0][k]).as("dLoss/dp at %s", f.buses().get(k).id())
                    .isCloseTo((lp - lm) / (2 * h), within(Tolerances.LOSS_FACTOR));
            double lqp = AcPowerFlow.solve(f, null, plus, tight).totalPLossKw();
            double lqm = AcPowerFlow.solve(f, null, minus, tight).totalPLossKw();
            assertThat(mlf[1][k]).as("dLoss/dq at %s", f.buses().get(k).id())
                    .isCloseTo((lqp - lqm) / (2 * h), within(Tolerances.LOSS_FACTOR));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }
}
