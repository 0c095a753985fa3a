package org.peerclear.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.auction.huang.HuangAuction;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Market;
import org.peerclear.model.Units;
import org.peerclear.opt.Status;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;
import org.peerclear.result.ClearingResult;

/** Settlement of cleared generated markets, horizons and auctions; the checks on corrupted files. */
class SettleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path[] cleared(long seed) throws Exception {
        Market m = BipartiteMarketGenerator.generate(8, 2, seed, null, null);
        ClearingResult r = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        Path result = dir.resolve("r" + seed + ".json");
        Path caseFile = dir.resolve("c" + seed + ".json");
        ResultJsonWriter.write(r, result);
        MarketCaseWriter.write(m, caseFile);
        return new Path[] {result, caseFile};
    }

    /** Money conserved, energy conserved, and the bills and lines well formed. */
    static void assertSound(Bills b) {
        assertThat(b.lines()).isNotEmpty();
        assertThat(b.relativeImbalance()).as("imbalance %s of gross %s", b.imbalance(), b.gross())
                .isLessThanOrEqualTo(SettlementTolerances.MONEY_RELATIVE);
        assertThat(b.moneyConserved()).isTrue();
        assertThat(b.energyConserved()).as("energy residual %s", b.energyResidual()).isTrue();
        double sumNet = 0;
        for (Bill x : b.bills()) {
            assertThat(x.net()).isCloseTo(x.received() - x.paid(), within(Tolerances.ROUNDING * Math.max(1, b.gross())));
            sumNet += x.net();
        }
        assertThat(sumNet).isCloseTo(b.imbalance(), within(Tolerances.ROUNDING * Math.max(1, b.gross())));
        for (Line l : b.lines()) {
            assertThat(l.amount()).isGreaterThanOrEqualTo(0);
            assertThat(l.reason()).isIn("trade", "fee", "grid", "network", "losses", "surplus");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void generatedMarketsSettleWithMoneyAndEnergyConserved(long seed) throws Exception {
        Path[] f = cleared(seed);
        Bills b = Settle.of(f[0], f[1]);
        assertSound(b);
        assertThat(b.periods()).isEqualTo(1);
        assertThat(b.lines()).extracting(Line::reason).contains("trade", "fee");
        // The platform's income is Σ γ_k·|t_k| over every arc record of the result, γ from the case.
        Market m = MarketCaseReader.create().read(f[1]);
        JsonNode root = JSON.readTree(f[0].toFile());
        double fees = 0;
        for (JsonNode t : root.path("trades")) {
            for (org.peerclear.model.Arc a : m.arcs()) {
                if (a.from().equals(t.path("from").asText()) && a.to().equals(t.path("to").asText())) {
                    fees += a.gamma() * Math.abs(t.path("quantity").asDouble());
                }
            }
        }
        assertThat(b.bill(Settle.PLATFORM).received()).isCloseTo(fees, within(Tolerances.ROUNDING * Math.max(1, fees)));
        assertThat(b.bill(Settle.PLATFORM).paid()).isZero();
        // Every agent's bill: what it paid for energy and fees minus what it was paid.
        assertThat(b.bills()).extracting(Bill::kind).contains("agent");
    }

    @Test
    void aHandSettledPairPaysTheSellerAtThePriceTimesThePower() throws Exception {
        Path[] f = cleared(11);
        JsonNode root = JSON.readTree(f[0].toFile());
        JsonNode t = root.path("trades").get(0);
        Bills b = Settle.of(f[0], f[1]);
        String seller = t.path("quantity").asDouble() > 0 ? t.path("from").asText() : t.path("to").asText();
        String buyer = t.path("quantity").asDouble() > 0 ? t.path("to").asText() : t.path("from").asText();
        double q = Math.abs(t.path("quantity").asDouble());
        Line line = b.lines().stream().filter(l -> l.payer().equals(buyer) && l.payee().equals(seller)
                && !l.reason().equals("fee")).findFirst().orElseThrow();
        // Units: a price is currency per unit of power for the whole period: money = power × price.
        assertThat(line.amount()).isCloseTo(q * t.path("price").asDouble(), within(Tolerances.ROUNDING * Math.max(1, line.amount())));
    }

    @Test
    void oneSideOfAPairChangedBreaksMoneyAndEnergy() throws Exception {
        Path[] f = cleared(21);
        ObjectNode root = (ObjectNode) JSON.readTree(f[0].toFile());
        ObjectNode t = (ObjectNode) pairedTrade(root);
        t.put("quantity", t.path("quantity").asDouble() * 1.5);
        Path bad = dir.resolve("bad.json");
        JSON.writeValue(bad.toFile(), root);
        Bills b = Settle.of(bad, f[1]);
        assertThat(b.moneyConserved()).isFalse();
        assertThat(b.energyConserved()).isFalse();
        assertThat(Settle.of(f[0], f[1]).moneyConserved()).isTrue();
    }

    @Test
    void oneSideOfAPairPricedDifferentlyBreaksMoneyOnly() throws Exception {
        Path[] f = cleared(23);
        ObjectNode root = (ObjectNode) JSON.readTree(f[0].toFile());
        ObjectNode t = (ObjectNode) pairedTrade(root);
        t.put("price", t.path("price").asDouble() + 0.01);
        Path bad = dir.resolve("bad-price.json");
        JSON.writeValue(bad.toFile(), root);
        Bills b = Settle.of(bad, f[1]);
        assertThat(b.moneyConserved()).isFalse();
        // The seller's record now asks 0.01 per unit more than its buyer's pays.
        assertThat(Math.abs(b.imbalance())).isCloseTo(0.01 * t.path("quantity").asDouble(), within(Tolerances.ROUNDING));
        assertThat(b.energyConserved()).isTrue();
    }

    @Test
    void anAgentsInjectionChangedBreaksEnergyOnly() throws Exception {
        Path[] f = cleared(22);
        ObjectNode root = (ObjectNode) JSON.readTree(f[0].toFile());
        ObjectNode a = (ObjectNode) root.path("agents").get(0);
        a.put("p", a.path("p").asDouble() + 0.5);
        Path bad = dir.resolve("bad-p.json");
        JSON.writeValue(bad.toFile(), root);
        Bills b = Settle.of(bad, f[1]);
        assertThat(b.moneyConserved()).isTrue();
        assertThat(b.energyConserved()).isFalse();
        assertThat(b.energyResidual()).isGreaterThan(0.4);
    }

    /** A trade record whose reverse direction is also in the file, with a positive quantity. */
    private static JsonNode pairedTrade(JsonNode root) {
        for (JsonNode t : root.path("trades")) {
            if (t.path("quantity").asDouble() > 1e-3 && !"grid".equals(t.path("from").asText())
                    && !"grid".equals(t.path("to").asText())) {
                for (JsonNode u : root.path("trades")) {
                    if (u.path("from").asText().equals(t.path("to").asText()) && u.path("to").asText().equals(t.path("from").asText())) {
                        return t;
                    }
                }
            }
        }
        throw new AssertionError("no paired trade in the result");
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 5, 9})
    void householdHorizonsSettlePerPeriod(long seed) throws Exception {
        HorizonMarket hm = HouseholdDayGenerator.generate(5, 4, 1, 0, 2, seed);
        HorizonRun run = HorizonRun.of(hm, dir.resolve("h" + seed + ".json"));
        Path caseFile = dir.resolve("hc" + seed + ".json");
        MarketCaseWriter.write(hm, caseFile);
        Bills b = Settle.of(run.file(), caseFile);
        assertSound(b);
        assertThat(b.periods()).isEqualTo(4);
        assertThat(b.energy()).hasSize(4);
        assertThat(b.lines()).extracting(Line::period).contains(0, 3);
        // A horizon writes only the selling arc of a pair; the buyer's arc pays its fee all the same.
        double fees = 0;
        for (int t = 0; t < 4; t++) {
            double[] gamma = run.horizon().periods().get(t).gamma();
            for (int k = 0; k < gamma.length; k++) {
                fees += gamma[k] * Math.abs(run.result().trades()[t][k]);
            }
        }
        assertThat(fees).isPositive();
        assertThat(b.bill(Settle.PLATFORM).received()).isCloseTo(fees, within(Tolerances.MONEY * fees));
    }

    @Test
    void randomAuctionsSettleThroughTheAuctioneer() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        List<AuctionResult> periods = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<Order> orders = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                orders.add(new Order("o" + i, "a" + (i % 6), side, 0.5 + rnd.nextDouble() * 3, 0.05 + rnd.nextDouble() * 0.3,
                        i, null, null));
            }
            periods.add(new HuangAuction().run(OrderFile.of("t" + t, Units.DEFAULT, orders), AuctionOptions.DEFAULT));
        }
        Path result = dir.resolve("auction.json");
        StringWriter w = new StringWriter();
        AuctionResultWriter.write(periods, w);
        Files.writeString(result, w.toString());
        Bills b = Settle.auction(result);
        assertSound(b);
        assertThat(b.periods()).isEqualTo(4);
        double surplus = 0;
        for (AuctionResult r : periods) {
            surplus += r.fills().stream().mapToDouble(x -> (x.side() == Side.BUY ? 1 : -1) * x.quantity() * x.price()).sum();
        }
        // Huang's auction runs a budget surplus, kept by the auctioneer.
        assertThat(b.bill(Settle.AUCTIONEER).net()).isCloseTo(surplus, within(Tolerances.MONEY * b.gross()));
        assertThat(surplus).isGreaterThanOrEqualTo(-Tolerances.ROUNDING);
    }

    @Test
    void theWriterFollowsTheContract() throws Exception {
        Path[] f = cleared(31);
        Bills b = Settle.of(f[0], f[1]);
        JsonNode out = JSON.readTree(BillsWriter.toJson(b));
        assertThat(out.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(out.path("periods").asInt()).isEqualTo(1);
        assertThat(out.path("bills").size()).isEqualTo(b.bills().size());
        JsonNode bill = out.path("bills").get(0);
        assertThat(bill.has("party") && bill.has("kind") && bill.has("paid") && bill.has("received") && bill.has("net")).isTrue();
        JsonNode line = out.path("lines").get(0);
        assertThat(line.has("period") && line.has("payer") && line.has("payee") && line.has("amount") && line.has("reason")).isTrue();
        assertThat(out.path("imbalance").asDouble()).isEqualTo(b.imbalance());
        assertThat(out.path("checks").path("money").path("conserved").asBoolean()).isTrue();
        assertThat(BillsWriter.toJson(Settle.of(f[0], f[1]))).isEqualTo(BillsWriter.toJson(b));
        ArrayNode energy = (ArrayNode) out.path("checks").path("energy");
        assertThat(energy.size()).isEqualTo(1);
    }
}
