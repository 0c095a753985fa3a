package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code share} end to end on a small community: every method, the contract's fields, refusals. */
class ShareCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two producers and two consumers behind a grid: trading among themselves saves the grid's spread. */
    private static final String CASE = """
            {"format": "peerclear-market", "version": 1, "name": "four",
             "agents": [
               {"id": "g1", "assets": [{"id": "g1.pv", "pMin": 0, "pMax": 4, "a": 0.02, "b": 0.05}]},
               {"id": "g2", "assets": [{"id": "g2.pv", "pMin": 0, "pMax": 3, "a": 0.04, "b": 0.06}]},
               {"id": "c1", "assets": [{"id": "c1.load", "pMin": -5, "pMax": 0, "a": 0.03, "b": 0.40}]},
               {"id": "c2", "assets": [{"id": "c2.load", "pMin": -3, "pMax": 0, "a": 0.05, "b": 0.35}]}],
             "trades": {"graph": "complete", "fee": 0.001},
             "grid": {"importPrice": 0.30, "exportPrice": 0.04}}
            """;

    @TempDir
    Path dir;

    private JsonNode share(String... args) throws Exception {
        Path c = dir.resolve("case.json");
        Files.writeString(c, CASE);
        String[] all = new String[args.length + 2];
        all[0] = "share";
        all[1] = c.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        CliTest.Run r = CliTest.run(all);
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void everyMethodSharesExactlyTheGrandCoalitionsSavings() throws Exception {
        for (String method : new String[] {"shapley", "shapley-sampled", "nucleolus", "proportional", "equal"}) {
            JsonNode r = share("--method", method);
            assertThat(r.get("status").asText()).isEqualTo("OK");
            assertThat(r.get("method").asText()).isEqualTo(method);
            double v = r.get("grandCoalitionSavings").asDouble();
            assertThat(v).as("trading inside saves something").isPositive();
            double sum = 0;
            for (JsonNode a : r.get("allocations")) {
                sum += a.get("value").asDouble();
            }
            assertThat(sum).as(method).isCloseTo(v, within(1e-9 * v));
            assertThat(r.get("allocations")).hasSize(4);
            assertThat(r.has("inCore")).as("4 players: the core is checked exactly").isTrue();
        }
    }

    @Test
    void sampledShapleyReportsItsSamplesAndErrorsAndApproachesTheExactValue() throws Exception {
        JsonNode exact = share("--method", "shapley");
        JsonNode sampled = share("--method", "shapley-sampled", "--samples", "4000", "--seed", "7");
        assertThat(sampled.get("samples").asLong()).isGreaterThanOrEqualTo(4000);
        for (int i = 0; i < 4; i++) {
            JsonNode a = sampled.get("allocations").get(i);
            double se = a.get("standardError").asDouble();
            assertThat(se).isPositive();
            assertThat(a.get("value").asDouble()).isCloseTo(exact.get("allocations").get(i).get("value").asDouble(), within(5 * se));
        }
        // The nucleolus is in the core when the core is not empty; the exact Shapley value here is too.
        assertThat(share("--method", "nucleolus").get("inCore").asBoolean()).isTrue();
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Files.writeString(dir.resolve("case.json"), CASE);
        CliTest.Run unknown = CliTest.run("share", dir.resolve("case.json").toString(), "--method", "banzhaf");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--method").contains("shapley-sampled");
        CliTest.Run samples = CliTest.run("share", dir.resolve("case.json").toString(), "--method", "shapley-sampled",
                "--samples", "1");
        assertThat(samples.code()).isEqualTo(2);
    }
}
