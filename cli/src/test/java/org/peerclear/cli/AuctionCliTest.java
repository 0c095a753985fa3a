package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auction} end to end: the published Huang example, NO_TRADE, options, CSV and refusals. */
class AuctionCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * pymarket's published check of Huang's mechanism: buyers 1@6, 0.1@5, 1.9@4, 1@3 and sellers
     * 1@1, 1.5@2, 1@2.5, 1@4 (quantity@price).
     */
    static final String HUANG = """
            {"format": "peerclear-orders", "version": 1, "orders": [
              {"id": "b0", "agent": "b0", "side": "buy", "quantity": 1, "price": 6},
              {"id": "b1", "agent": "b1", "side": "buy", "quantity": 0.1, "price": 5},
              {"id": "b2", "agent": "b2", "side": "buy", "quantity": 1.9, "price": 4},
              {"id": "b3", "agent": "b3", "side": "buy", "quantity": 1, "price": 3},
              {"id": "s0", "agent": "s0", "side": "sell", "quantity": 1, "price": 1},
              {"id": "s1", "agent": "s1", "side": "sell", "quantity": 1.5, "price": 2},
              {"id": "s2", "agent": "s2", "side": "sell", "quantity": 1, "price": 2.5},
              {"id": "s3", "agent": "s3", "side": "sell", "quantity": 1, "price": 4}]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static double quantity(JsonNode r, String order) {
        for (JsonNode f : r.get("fills")) {
            if (f.get("order").asText().equals(order)) {
                return f.get("quantity").asDouble();
            }
        }
        return 0;
    }

    @Test
    void huangGivesThePublishedAllocation() throws Exception {
        CliTest.Run run = CliTest.run("auction", write("o.json", HUANG).toString(), "--mechanism", "huang");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("status").asText()).isEqualTo("CLEARED");
        assertThat(r.get("buyPrice").asDouble()).isEqualTo(3.0);
        assertThat(r.get("sellPrice").asDouble()).isEqualTo(2.5);
        assertThat(quantity(r, "b0")).isCloseTo(0.8, within(1e-12));
        assertThat(quantity(r, "b1")).isZero();
        assertThat(quantity(r, "b2")).isCloseTo(1.7, within(1e-12));
        assertThat(quantity(r, "s0")).isCloseTo(1.0, within(1e-12));
        assertThat(quantity(r, "s1")).isCloseTo(1.5, within(1e-12));
        // The auctioneer keeps (3 - 2.5) per unit of the 2.5 traded.
        assertThat(r.get("surplus").asDouble()).isCloseTo(1.25, within(1e-12));
        assertThat(run.err()).startsWith("CLEARED huang");
        // Its picture: the book's steps and the two prices.
        Path result = dir.resolve("r.json");
        assertThat(CliTest.run("auction", dir.resolve("o.json").toString(), "--mechanism", "huang", "--out", result.toString())
                .code()).isZero();
        CliTest.Run plot = CliTest.run("plot", result.toString(), "--kind", "supply-demand", "--orders",
                dir.resolve("o.json").toString(), "--out", dir.resolve("h.png").toString());
        assertThat(plot.code()).as(plot.err()).isZero();
        assertThat(Files.size(dir.resolve("h.png"))).isPositive();
    }

    @Test
    void nothingCrossingIsNoTradeAndExitsZero() throws Exception {
        String apart = """
                {"format": "peerclear-orders", "version": 1, "orders": [
                  {"id": "b", "agent": "h1", "side": "buy", "quantity": 1, "price": 0.1},
                  {"id": "s", "agent": "h2", "side": "sell", "quantity": 1, "price": 0.2}]}
                """;
        for (String mechanism : new String[] {"uniform", "huang", "cda"}) {
            CliTest.Run run = CliTest.run("auction", write("apart.json", apart).toString(), "--mechanism", mechanism);
            assertThat(run.code()).as(mechanism + run.err()).isZero();
            JsonNode r = JSON.readTree(run.out());
            assertThat(r.get("status").asText()).as(mechanism).isEqualTo("NO_TRADE");
            assertThat(r.has("price")).as(mechanism).isFalse();
            assertThat(r.get("volume").asDouble()).isZero();
        }
    }

    @Test
    void theUniformPriceFollowsKAndTheCsvFilesAreWritten() throws Exception {
        // Both bids trade against both asks whatever the price in [2, 5]: k = 0.5 gives 3.5, k = 0 gives 2.
        Path o = write("o.json", """
                {"format": "peerclear-orders", "version": 1, "orders": [
                  {"id": "b0", "agent": "h1", "side": "buy", "quantity": 1, "price": 6},
                  {"id": "b1", "agent": "h2", "side": "buy", "quantity": 1, "price": 5},
                  {"id": "s0", "agent": "h3", "side": "sell", "quantity": 1, "price": 1},
                  {"id": "s1", "agent": "h4", "side": "sell", "quantity": 1, "price": 2}]}
                """);
        JsonNode mid = JSON.readTree(CliTest.run("auction", o.toString(), "--mechanism", "uniform").out());
        assertThat(mid.get("price").asDouble()).isEqualTo(3.5);
        CliTest.Run low = CliTest.run("auction", o.toString(), "--mechanism", "uniform", "--set", "auction.k=0",
                "--csv", dir.resolve("csv").toString());
        assertThat(low.code()).as(low.err()).isZero();
        JsonNode atAsk = JSON.readTree(low.out());
        assertThat(atAsk.get("price").asDouble()).isEqualTo(2.0);
        assertThat(atAsk.get("volume").asDouble()).isEqualTo(2.0);
        assertThat(atAsk.get("options").get("auction.k").asText()).isEqualTo("0");
        assertThat(Files.readAllLines(dir.resolve("csv/fills.csv")).get(0)).isEqualTo("order,agent,side,quantity,price");
        assertThat(Files.readAllLines(dir.resolve("csv/fills.csv"))).hasSize(1 + atAsk.get("fills").size());
        assertThat(Files.exists(dir.resolve("csv/trades.csv"))).isTrue();
    }

    @Test
    void badInputExitsTwoNamingIt() throws Exception {
        Path o = write("o.json", HUANG);
        CliTest.Run typo = CliTest.run("auction", o.toString(), "--mechanism", "huag");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean 'huang'");
        CliTest.Run k = CliTest.run("auction", o.toString(), "--mechanism", "uniform", "--set", "auction.k=2");
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("auction.k");
        CliTest.Run bad = CliTest.run("auction", write("bad.json", HUANG.replace("\"quantity\": 0.1", "\"quantity\": 0")).toString(),
                "--mechanism", "uniform");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid order file").contains("orders[b1].quantity");
        CliTest.Run noNetwork = CliTest.run("auction", o.toString(), "--mechanism", "cda-network");
        assertThat(noNetwork.code()).isEqualTo(2);
        assertThat(noNetwork.err()).contains("network");
    }

    /** Two producers and two consumers, no fees: the optimisation's market, for the auctions. */
    private static final String CASE = """
            {"format": "peerclear-market", "version": 1, "name": "four",
             "agents": [
               {"id": "g1", "assets": [{"id": "g1.pv", "pMin": 0, "pMax": 4, "a": 0.02, "b": 0.10}]},
               {"id": "g2", "assets": [{"id": "g2.pv", "pMin": 0, "pMax": 4, "a": 0.04, "b": 0.12}]},
               {"id": "c1", "assets": [{"id": "c1.load", "pMin": -5, "pMax": 0, "a": 0.03, "b": 0.40}]},
               {"id": "c2", "assets": [{"id": "c2.load", "pMin": -3, "pMax": 0, "a": 0.05, "b": 0.35}]}],
             "trades": {"graph": "complete", "fee": 0}}
            """;

    @Test
    void aCaseBecomesOrdersAndAnAuctionOnTheCaseIsTheAuctionOnItsOrders() throws Exception {
        Path c = write("case.json", CASE);
        Path o = dir.resolve("o.json");
        CliTest.Run orders = CliTest.run("orders", c.toString(), "--steps", "4", "--out", o.toString());
        assertThat(orders.code()).as(orders.err()).isZero();
        // Four curved assets, four steps each.
        assertThat(JSON.readTree(Files.readString(o)).get("orders")).hasSize(16);
        JsonNode viaOrders = JSON.readTree(CliTest.run("auction", o.toString(), "--mechanism", "uniform").out());
        CliTest.Run direct = CliTest.run("auction", c.toString(), "--steps", "4", "--mechanism", "uniform");
        assertThat(direct.code()).as(direct.err()).isZero();
        com.fasterxml.jackson.databind.node.ObjectNode viaCase = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(direct.out());
        // The case adds the true welfare (the fills on the real cost curves), which an order file cannot know;
        // the steps lie under the curves, so the auction's own welfare is never above it (CaseOrders).
        double trueWelfare = viaCase.remove("trueWelfare").asDouble();
        assertThat(viaOrders.has("trueWelfare")).isFalse();
        assertThat(viaCase).isEqualTo(viaOrders);
        assertThat(trueWelfare).isGreaterThanOrEqualTo(viaOrders.get("welfare").asDouble());
        assertThat(direct.err()).contains(String.format(java.util.Locale.ROOT, "true welfare %.6g", trueWelfare));
    }

    @Test
    void aCaseNeedsStepsAndAnOrderFileRefusesThem() throws Exception {
        Path c = write("case.json", CASE);
        CliTest.Run noSteps = CliTest.run("auction", c.toString(), "--mechanism", "uniform");
        assertThat(noSteps.code()).isEqualTo(2);
        assertThat(noSteps.err()).contains("--steps");
        CliTest.Run zero = CliTest.run("orders", c.toString(), "--steps", "0", "--out", dir.resolve("x.json").toString());
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--steps");
        CliTest.Run onOrders = CliTest.run("auction", write("o.json", HUANG).toString(), "--steps", "3", "--mechanism", "huang");
        assertThat(onOrders.code()).isEqualTo(2);
        assertThat(onOrders.err()).contains("applies to a market case");
    }

    @Test
    void aCaseOverSeveralPeriodsIsAnAuctionPerPeriod() throws Exception {
        // The same four agents over two periods; the second has no generation (night): nothing crosses.
        String day = CASE.replace("\"version\": 1", "\"version\": 2, \"periods\": 2")
                .replace("\"pMax\": 4, \"a\": 0.02", "\"pMax\": [4, 0], \"a\": 0.02")
                .replace("\"pMax\": 4, \"a\": 0.04", "\"pMax\": [4, 0], \"a\": 0.04");
        CliTest.Run run = CliTest.run("auction", write("day.json", day).toString(), "--steps", "4", "--mechanism", "uniform");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode periods = JSON.readTree(run.out()).get("periods");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("status").asText()).isEqualTo("CLEARED");
        JsonNode alone = JSON.readTree(CliTest.run("auction", write("one.json", CASE).toString(), "--steps", "4", "--mechanism",
                "uniform").out());
        assertThat(periods.get(0).get("price").asDouble()).isEqualTo(alone.get("price").asDouble());
        assertThat(periods.get(1).get("status").asText()).isEqualTo("NO_TRADE");
        assertThat(periods.get(0).get("trueWelfare").asDouble()).isEqualTo(alone.get("trueWelfare").asDouble());
        assertThat(periods.get(1).get("trueWelfare").asDouble()).isZero(); // nothing traded: nothing gained
        assertThat(run.err()).contains("period 0: CLEARED").contains("period 1: NO_TRADE");
        CliTest.Run orders = CliTest.run("orders", dir.resolve("day.json").toString(), "--steps", "4", "--out",
                dir.resolve("o.json").toString());
        assertThat(orders.code()).isEqualTo(2);
        assertThat(orders.err()).contains("--period");
    }
}
