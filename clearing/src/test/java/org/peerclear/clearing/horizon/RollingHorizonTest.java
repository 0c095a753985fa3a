package org.peerclear.clearing.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.model.HorizonMarkets;
import org.peerclear.opt.Status;

/** The rolling horizon against the whole horizon cleared at once, and its fallback. */
class RollingHorizonTest {
    private final RollingHorizon sim = new RollingHorizon(ClearingOptions.DEFAULT);

    @Test
    void oneWindowOverEverythingIsTheWholeHorizonsOptimum() {
        Horizon h = Horizons.of(HorizonMarkets.householdDay());
        HorizonResult whole = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
        RollingHorizon.Simulation s = sim.run(h, 24, 24, 0, 24);
        assertThat(s.windows()).hasSize(1);
        assertThat(s.windows().get(0).status()).isEqualTo(Status.OPTIMAL);
        assertThat(s.cost()).isCloseTo(whole.objective(), within(1e-6 * Math.max(1, Math.abs(whole.objective()))));
    }

    /**
     * The analytic battery with a cycle cost of 0.05 per kWh delivered: still worth running
     * (it earns 0.30 − 0.05 per kWh sold against 0.10 / 0.81 per kWh stored), so the optimum
     * pays 0.05 · 1.62 for what it delivers. One window over both periods commits exactly the
     * whole horizon's problem, so its cost is that problem's objective, cycle cost included.
     */
    @Test
    void oneWindowCountsTheStoresCycleCostAsTheHorizonProblemDoes() {
        Horizon h = withCycleCost(Horizons.of(HorizonMarkets.oneBatteryTwoPrices()), 0.05);
        HorizonResult whole = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
        assertThat(whole.status()).as(whole.message()).isEqualTo(Status.OPTIMAL);
        assertThat(whole.discharge()[0][1]).as("the battery still delivers").isPositive();
        RollingHorizon.Simulation s = sim.run(h, 2, 2, 0, 2);
        assertThat(s.cost()).isCloseTo(whole.objective(), within(1e-6 * Math.max(1, Math.abs(whole.objective()))));
    }

    /** Every store of {@code h} with cycle cost {@code cost}. */
    private static Horizon withCycleCost(Horizon h, double cost) {
        java.util.List<StorageLink> stores = new java.util.ArrayList<>();
        for (StorageLink b : h.storages()) {
            stores.add(new StorageLink(b.asset(), b.energyMin(), b.energyMax(), b.energyInitial(), b.energyAtEnd(), b.chargeMax(),
                    b.dischargeMax(), b.chargeEfficiency(), b.dischargeEfficiency(), cost, b.from(), b.to()));
        }
        return new Horizon(h.periods(), h.periodHours(), stores, h.shiftables(), h.ramps(), h.networks());
    }

    /**
     * Until 18:00 (before the EV's evening: PDLP takes minutes on the last window of the day,
     * where the EV's requirement binds; a known slowness of the back-end, not of the windows).
     */
    @Test
    void shortWindowsCarryTheEnergyForwardAndCostNoLessThanHindsight() {
        Horizon h = Horizons.of(HorizonMarkets.householdDay());
        RollingHorizon.Simulation hindsight = sim.run(h, 18, 18, 0, 18);
        RollingHorizon.Simulation s = sim.run(h, 6, 3, 0, 18);
        assertThat(s.windows()).hasSize(6);
        assertThat(s.windows()).allMatch(w -> w.status() == Status.OPTIMAL);
        // A myopic schedule cannot beat the one that sees the whole stretch.
        assertThat(s.cost()).isGreaterThanOrEqualTo(hindsight.cost() - 1e-6);
        for (int t = 0; t < 18; t++) {
            assertThat(s.assetPower()[t]).as("period " + t + " committed").isNotNull();
        }
        // The energy is carried: a store's energy changes only by what it charged or discharged.
        double hours = h.periodHours();
        for (int k = 0; k < h.storages().size(); k++) {
            StorageLink link = h.storages().get(k);
            double before = link.energyInitial();
            for (int t = 0; t < 18; t++) {
                double p = s.assetPower()[t][link.asset()];
                double after = s.energyAfter()[t][k];
                if (t >= link.from() && t < link.to()) {
                    double charged = p < 0 ? -p * hours * link.chargeEfficiency() : -p * hours / link.dischargeEfficiency();
                    assertThat(after - before).as("store " + k + " period " + t).isCloseTo(charged, within(1e-5));
                }
                before = after;
            }
            for (int t = 0; t < 18; t++) {
                assertThat(s.energyAfter()[t][k]).isBetween(link.energyMin() - 1e-6, link.energyMax() + 1e-6);
            }
        }
    }

    @Test
    void aWindowThatCannotMeetAStoresEndConditionIsReportedAndRelaxed() {
        // The battery of the analytic case must end with 9 kWh in one hour of 2 kW charge: impossible.
        Horizon h = Horizons.of(HorizonMarkets.oneBatteryTwoPrices());
        StorageLink b = h.storages().get(0);
        Horizon impossible = new Horizon(h.periods(), h.periodHours(), java.util.List.of(new StorageLink(b.asset(), b.energyMin(),
                b.energyMax(), b.energyInitial(), 9.0, b.chargeMax(), b.dischargeMax(), b.chargeEfficiency(),
                b.dischargeEfficiency(), b.cycleCost(), b.from(), b.to())), h.shiftables(), h.ramps());
        RollingHorizon.Simulation s = sim.run(impossible, 2, 2, 0, 2);
        RollingHorizon.Window w = s.windows().get(0);
        assertThat(w.relaxed()).isTrue();
        assertThat(w.message()).contains("INFEASIBLE").contains("requirements relaxed");
        assertThat(s.assetPower()[1]).isNotNull();
    }
}
