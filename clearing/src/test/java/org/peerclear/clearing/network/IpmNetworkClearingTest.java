package org.peerclear.clearing.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.model.Agent;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;

/**
 * The interior-point back-end ({@code ipm}, a test dependency only) on single-period markets on
 * the case33bw feeder with the LinDistFlow rows, against PDLP: both certified OPTIMAL, same
 * welfare, and the network rows bind (some network price is not 0).
 */
class IpmNetworkClearingTest {
    /** Welfare agreement (relative): both back-ends stop at 1e-9 relative residuals and gap. */
    private static final double WELFARE = 1e-7;

    private final QpClearing qp = new QpClearing();

    @Test
    void overvoltageAndLineLimitsAgreeWithPdlp() {
        compare(FeederMarkets.highPv(400, List.of(new NetworkSpec.BranchRating("2", "3", 3000.0),
                new NetworkSpec.BranchRating("6", "26", 800.0)), true));
    }

    @Test
    void underVoltageAgreesWithPdlp() {
        compare(FeederMarkets.underVoltage());
    }

    private void compare(Market m) {
        ClearingResult ipm = qp.clear(m, ClearingOptions.DEFAULT.withSolver("ipm"));
        ClearingResult pdlp = qp.clear(m, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
        assertThat(ipm.status()).as(ipm.message()).isEqualTo(Status.OPTIMAL);
        assertThat(ipm.solver()).isEqualTo("ipm");
        assertThat(pdlp.status()).as(pdlp.message()).isEqualTo(Status.OPTIMAL);
        assertThat(Math.abs(ipm.welfare() - pdlp.welfare()) / Math.max(1.0, Math.abs(pdlp.welfare())))
                .as("ipm " + ipm.welfare() + " vs PDLP " + pdlp.welfare()).isLessThan(WELFARE);
        double largest = 0;
        for (Agent a : ipm.market().agents()) {
            largest = Math.max(largest, Math.abs(ipm.networkPrice(a.id())));
        }
        assertThat(largest).as("some row binds, so some network price is not 0").isGreaterThan(1e-6);
    }
}
