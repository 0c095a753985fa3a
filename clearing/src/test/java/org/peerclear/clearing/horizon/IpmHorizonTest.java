package org.peerclear.clearing.horizon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.opt.Status;

/**
 * The interior-point back-end ({@code ipm}, a test dependency only) on a whole generated horizon
 * against PDLP: both certified OPTIMAL by HorizonClearing's own KKT certificate, the same
 * objective.
 */
class IpmHorizonTest {
    /** Objective agreement (relative): both back-ends stop at 1e-9 relative residuals and gap. */
    private static final double AGREEMENT = 1e-6;

    @Test
    void sixteenHouseholdsOverADayClearToPdlpsObjectiveAndAreCertified() {
        Horizon h = Horizons.of(HouseholdDayGenerator.generate(16, 24, 4, 3, BipartiteMarketGenerator.ALL_PARTNERS, 5));
        HorizonResult ipm = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ipm"));
        HorizonResult pdlp = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
        assertThat(ipm.status()).as(ipm.message()).isEqualTo(Status.OPTIMAL);
        assertThat(pdlp.status()).as(pdlp.message()).isEqualTo(Status.OPTIMAL);
        assertThat(ipm.solver()).isEqualTo("ipm");
        assertThat(Math.abs(ipm.objective() - pdlp.objective()) / Math.max(1.0, Math.abs(pdlp.objective())))
                .as("ipm " + ipm.objective() + " vs PDLP " + pdlp.objective()).isLessThan(AGREEMENT);
    }
}
