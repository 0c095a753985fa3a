package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerclear.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonMarkets;

/** {@code clear} and {@code simulate} on cases with several periods: what the result files say. */
class HorizonCliTest {
    @TempDir
    Path dir;

    private Path write(HorizonMarket hm, String name) {
        Path c = dir.resolve(name);
        MarketCaseWriter.write(hm, c);
        return c;
    }

    @Test
    void theResultNamesTheMethodThatRanAndLpRefusesACurvedHorizon() throws Exception {
        // The analytic battery is linear (a = 0 everywhere): every centralised method clears it.
        Path battery = write(HorizonMarkets.oneBatteryTwoPrices(), "battery.json");
        for (String method : new String[] {"auto", "lp", "qp"}) {
            Path out = dir.resolve(method + ".json");
            CliTest.Run r = run("clear", battery.toString(), "--method", method, "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(out.toFile());
            assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
            assertThat(j.get("method").asText()).isEqualTo(method);
        }
        // The household day's neighbour has a = 0.02: not an LP, as for one period.
        CliTest.Run lp = run("clear", write(HorizonMarkets.householdDay(), "day.json").toString(), "--method", "lp");
        assertThat(lp.code()).isEqualTo(2);
        assertThat(lp.err()).contains("'lp'").contains("neighbour.load").contains("a = 0.02").contains("use method qp");
    }
}
