package org.peerclear.clearing.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonMarkets;
import org.peerclear.opt.Status;

/** From the model's horizon (the core fixtures) to its clearing and its result file. */
class HorizonsTest {
    @Test
    void theAnalyticBatteryOfTheCaseFixtureClearsToItsPublishedAnswer() {
        // HorizonMarkets.oneBatteryTwoPrices: charge 2 kW at 0.10, discharge 1.62 kW at 0.30, cost −0.286.
        HorizonMarket hm = HorizonMarkets.oneBatteryTwoPrices();
        Horizon h = Horizons.of(hm);
        HorizonResult r = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.charge()[0]).containsExactly(new double[] {2.0, 0.0}, within(1e-6));
        assertThat(r.discharge()[0]).containsExactly(new double[] {0.0, 1.62}, within(1e-6));
        assertThat(r.energy()[0]).containsExactly(new double[] {0.0, 1.8, 0.0}, within(1e-6));
        assertThat(r.objective()).isCloseTo(-0.286, within(1e-6));

        StringWriter json = new StringWriter();
        HorizonResultWriter.write(hm, h, r, "lp", json);
        assertThat(json.toString()).contains("\"periods\" : 2").contains("\"energy\" : [").contains("\"discharge\" : [")
                .contains("\"method\" : \"lp\"");
    }

    @Test
    void aHouseholdDayMeetsItsEvRequirementAndItsBatteryEndCondition() {
        HorizonMarket hm = HorizonMarkets.householdDay();
        Horizon h = Horizons.of(hm);
        HorizonResult r = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        for (int k = 0; k < h.storages().size(); k++) {
            StorageLink s = h.storages().get(k);
            double[] e = r.energy()[k];
            if (!Double.isNaN(s.energyAtEnd())) {
                assertThat(e[e.length - 1]).isGreaterThanOrEqualTo(s.energyAtEnd() - 1e-6);
            }
            for (double v : e) {
                assertThat(v).isBetween(s.energyMin() - 1e-6, s.energyMax() + 1e-6);
            }
        }
    }
}
