package org.peerclear.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LinDistFlow sensitivity rows and PTDFs vs finite differences of the LinDistFlow solve. */
class SensitivityTest {
    private static final double STEP_KW = 10;

    static Stream<Feeder> feeders() {
        return Stream.of(ReferenceData.feeder("case33bw"), ReferenceData.feeder("case533mt_hi"),
                ReferenceData.feeder("eulv_bal_t566"), SyntheticFeeders.radial(500, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeders")
    void voltageRowsMatchFiniteDifferences(Feeder f) {
        int n = f.busCount();
        LinDistFlow ldf = new LinDistFlow(f);
        double[] w0 = ldf.solve(null, null).wPu();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int[] rowsToCheck = {0, n / 3, n / 2, n - 1, f.slackIndex()};
        double[][] dp = new double[rowsToCheck.length][n];
        double[][] dq = new double[rowsToCheck.length][n];
        for (int a = 0; a < rowsToCheck.length; a++) {
            ldf.voltageSensitivityRow(rowsToCheck[a], all, dp[a], dq[a]);
        }
        for (int k = 0; k < n; k += Math.max(1, n / 60)) {
            double[] p = new double[n];
            p[k] = STEP_KW;
            double[] wp = ldf.solve(p, null).wPu();
            double[] q = new double[n];
            q[k] = STEP_KW;
            double[] wq = ldf.solve(null, q).wPu();
            for (int a = 0; a < rowsToCheck.length; a++) {
                int j = rowsToCheck[a];
                assertThat(dp[a][k]).as("dw_%d/dp_%d", j, k)
                        .isCloseTo((wp[j] - w0[j]) / STEP_KW, within(Tolerances.SENSITIVITY_PU2_PER_KW));
                assertThat(dq[a][k]).as("dw_%d/dq_%d", j, k)
                        .isCloseTo((wq[j] - w0[j]) / STEP_KW, within(Tolerances.SENSITIVITY_PU2_PER_KW));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeders")
    void sparseSubsetEqualsDenseAndPtdfMatchesFlows(Feeder f) {
        int n = f.busCount();
        LinDistFlow ldf = new LinDistFlow(f);
        int j = n - 1;
        int[] subset = {n / 2, 1, n - 1, n / 4};
        double[] dp = new double[subset.length];
        ldf.voltageSensitivityRow(j, subset, dp, null);
        if (n <= 600) {
            double[][] dense = ldf.denseVoltageSensitivity(false);
            for (int m = 0; m < subset.length; m++) {
                assertThat(dp[m]).isEqualTo(dense[j][subset[m]]);
            }
        }
        LinDistFlowResult base = ldf.solve(null, null);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] row = new double[n];
        for (int b = 0; b < f.branchCount(); b += Math.max(1, f.branchCount() / 20)) {
            ldf.ptdfRow(b, all, row);
            for (int k = 0; k < n; k += Math.max(1, n / 40)) {
                double[] p = new double[n];
                p[k] = STEP_KW;
                double fd = (ldf.solve(p, null).pFlowKw()[b] - base.pFlowKw()[b]) / STEP_KW;
                assertThat(row[k]).as("ptdf branch %d bus %d", b, k).isCloseTo(fd, within(Tolerances.PTDF));
            }
        }
    }
}
