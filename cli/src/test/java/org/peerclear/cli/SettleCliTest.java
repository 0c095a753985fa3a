package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settle} end to end: a clearing's result with its case, an auction's alone, money conserved. */
class SettleCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static void conserved(JsonNode b) {
        double net = 0;
        double paid = 0;
        for (JsonNode bill : b.get("bills")) {
            assertThat(bill.get("net").asDouble()).isCloseTo(bill.get("received").asDouble() - bill.get("paid").asDouble(),
                    within(1e-12));
            net += bill.get("net").asDouble();
            paid += bill.get("paid").asDouble();
        }
        assertThat(paid).isPositive();
        assertThat(Math.abs(net)).isLessThanOrEqualTo(1e-9 * paid);
        assertThat(b.get("checks").get("money").get("conserved").asBoolean()).isTrue();
    }

    @Test
    void aClearingsResultIsSettledWithItsCase() throws Exception {
        Path c = CliTest.exampleCase(dir);
        Path r = dir.resolve("r.json");
        assertThat(CliTest.run("clear", c.toString(), "--out", r.toString()).code()).isZero();
        CliTest.Run settle = CliTest.run("settle", r.toString(), "--case", c.toString());
        assertThat(settle.code()).as(settle.err()).isZero();
        JsonNode b = JSON.readTree(settle.out());
        conserved(b);
        assertThat(b.get("lines")).isNotEmpty();
        CliTest.Run noCase = CliTest.run("settle", r.toString());
        assertThat(noCase.code()).isEqualTo(2);
        assertThat(noCase.err()).contains("--case");
    }

    @Test
    void anAuctionsResultIsSettledAloneAndTheAuctioneerKeepsTheSurplus() throws Exception {
        // pymarket's published check of Huang's mechanism, as the auction tests use it.
        Path o = Files.writeString(dir.resolve("o.json"), AuctionCliTest.HUANG);
        Path r = dir.resolve("a.json");
        assertThat(CliTest.run("auction", o.toString(), "--mechanism", "huang", "--out", r.toString()).code()).isZero();
        CliTest.Run settle = CliTest.run("settle", r.toString());
        assertThat(settle.code()).as(settle.err()).isZero();
        JsonNode b = JSON.readTree(settle.out());
        conserved(b);
        for (JsonNode bill : b.get("bills")) {
            if (bill.get("party").asText().equals("auctioneer")) {
                // Buyers pay 3 for 2.5 units, sellers receive 2.5: the auctioneer keeps 1.25.
                assertThat(bill.get("net").asDouble()).isCloseTo(1.25, within(1e-12));
            }
        }
    }

    @Test
    void anAuctionPerPeriodIsSettledAloneToo() throws Exception {
        Path day = Files.writeString(dir.resolve("day.json"), """
                {"format": "peerclear-market", "version": 2, "name": "two", "periods": 2,
                 "agents": [
                   {"id": "g1", "assets": [{"id": "g1.pv", "pMin": 0, "pMax": [4, 2], "a": 0.02, "b": 0.10}]},
                   {"id": "c1", "assets": [{"id": "c1.load", "pMin": -5, "pMax": 0, "a": 0.03, "b": 0.40}]}],
                 "trades": {"graph": "complete", "fee": 0}}
                """);
        Path r = dir.resolve("a.json");
        CliTest.Run auction = CliTest.run("auction", day.toString(), "--steps", "4", "--mechanism", "uniform", "--out",
                r.toString());
        assertThat(auction.code()).as(auction.err()).isZero();
        CliTest.Run settle = CliTest.run("settle", r.toString());
        assertThat(settle.code()).as(settle.err()).isZero();
        JsonNode b = JSON.readTree(settle.out());
        assertThat(b.get("periods").asInt()).isEqualTo(2);
        conserved(b);
    }
}
