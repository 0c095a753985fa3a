package org.peerclear.clearing.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.model.HorizonMarkets;
import org.peerclear.opt.Status;

/** Decentralised clearing over a horizon against the analytic optimum and the centralised clearing. */
class HorizonAdmmTest {
    private static final AdmmOptions TIGHT = AdmmOptions.DEFAULT.withStopping(AdmmOptions.Stopping.RELATIVE).withEps(1e-10)
            .withMaxIterations(200_000);

    @Test
    void oneBatteryTwoPricesMatchesItsAnalyticOptimum() {
        Horizon h = Horizons.of(HorizonMarkets.oneBatteryTwoPrices());
        HorizonResult r = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(TIGHT));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.charge()[0][0]).isCloseTo(HorizonMarkets.CHARGE, within(1e-7));
        assertThat(r.discharge()[0][1]).isCloseTo(HorizonMarkets.DISCHARGE, within(1e-7));
        assertThat(r.energy()[0]).containsExactly(HorizonMarkets.ENERGY, within(1e-7));
        assertThat(r.objective()).isCloseTo(HorizonMarkets.OBJECTIVE, within(1e-8));
    }

    @Test
    void householdDayAgreesWithCentralised() {
        Horizon h = Horizons.of(HorizonMarkets.householdDay());
        HorizonResult c = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ojalgo"));
        HorizonResult r = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(TIGHT));
        assertThat(c.status()).as(c.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(Math.abs(r.objective() - c.objective()) / Math.abs(c.objective())).isLessThan(1e-8);
    }

    /** The day of {@link HorizonClearingTest} with a battery, a shiftable load and a ramped load per household. */
    @Test
    void aDayWithShiftableLoadsAndRampsAgreesWithCentralised() {
        Horizon h = HorizonClearingTest.pvBatteryShiftableRampDay();
        HorizonResult c = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ojalgo"));
        HorizonResult r = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(TIGHT));
        assertThat(c.status()).as(c.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(Math.abs(r.objective() - c.objective()) / Math.abs(c.objective())).isLessThan(1e-8);
    }

    @Test
    void synchronousAsynchronousAndThreadedRunsReachTheCentralisedOptimum() {
        Horizon h = Horizons.of(HouseholdDayGenerator.generate(8, 24, 2, 2, BipartiteMarketGenerator.ALL_PARTNERS, 2L));
        HorizonResult c = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ojalgo"));
        assertThat(c.status()).as(c.message()).isEqualTo(Status.OPTIMAL);
        for (AdmmOptions o : java.util.List.of(TIGHT, TIGHT.withAsync(0.7, 42L), TIGHT.withThreads(2))) {
            HorizonResult r = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(o));
            assertThat(r.status()).as(o + ": " + r.message()).isEqualTo(Status.OPTIMAL);
            assertThat(Math.abs(r.objective() - c.objective()) / Math.abs(c.objective())).as(o.toString()).isLessThan(1e-8);
        }
    }

    /**
     * case33bw with a PV prosumer and a battery at every load bus over six periods (the feeder
     * day of {@link HorizonClearingTest}): the system operator of each period joins the consensus.
     */
    @Test
    void onAFeederTheNetworkOperatorModeReachesTheCentralisedOptimum() {
        Horizon h = HorizonClearingTest.pvDay(new double[] {0.0, 0.4, 0.9, 1.0, 0.6, 0.1}, true);
        HorizonResult c = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
        HorizonResult r = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(TIGHT.withEps(1e-9)));
        assertThat(c.status()).as(c.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.network()).hasSize(6);
        assertThat(Math.abs(r.objective() - c.objective()) / Math.abs(c.objective())).isLessThan(1e-8);
    }

    @Test
    void generatedDayAgreesWithCentralised() {
        Horizon h = Horizons.of(HouseholdDayGenerator.generate(10, 24, 3, 2, BipartiteMarketGenerator.ALL_PARTNERS, 1L));
        HorizonResult c = new HorizonClearing().clear(h, ClearingOptions.DEFAULT.withSolver("ojalgo"));
        HorizonResult r = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(TIGHT));
        assertThat(c.status()).as(c.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(Math.abs(r.objective() - c.objective()) / Math.abs(c.objective())).isLessThan(1e-8);
    }

    /** A status says what a result is: a run cut short, or stopped at a loose rule, is not certified optimal. */
    @Test
    void aRunCutShortOrStoppedLooselyIsNotOptimal() {
        Horizon h = Horizons.of(HorizonMarkets.householdDay());
        HorizonResult cut = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(TIGHT.withMaxIterations(5)));
        assertThat(cut.status()).as(cut.message()).isEqualTo(Status.NOT_CONVERGED);
        HorizonResult loose = new HorizonAdmm().clear(h, ClearingOptions.DEFAULT.withMethodOptions(TIGHT.withEps(1e-2)));
        assertThat(loose.status()).as(loose.message()).isNotEqualTo(Status.OPTIMAL);
        assertThat(loose.message()).contains("certificate fails");
    }
}
