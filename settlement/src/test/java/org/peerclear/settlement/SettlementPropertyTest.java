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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.Arc;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.TradeResult;

/**
 * The property: on generated markets, networks and periods, and on auctions, every
 * currency unit paid is received by someone named to 1e-9 relative, and every period's energy
 * statement holds; the platform's, the operator's and the grid's income are what the case and
 * the result say independently of the settlement; and on every generated result each checker
 * fails when one record is corrupted.
 */
class SettlementPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    static LongStream fewerSeeds() {
        return LongStream.rangeClosed(1, 6);
    }

    /** Seeds 1, 4, 7, 10: fees only; 2, 5, 8, 11: and a grid; 3, 6, 9, 12: on the feeder with a grid, charges and losses. */
    @ParameterizedTest
    @MethodSource("seeds")
    void oneMarketSettlesWithMoneyAndEnergyConserved(long seed) throws Exception {
        Market m = switch ((int) (seed % 3)) {
            case 1 -> GeneratedMarkets.plain(seed, false);
            case 2 -> GeneratedMarkets.plain(seed, true);
            default -> GeneratedMarkets.onFeeder(seed);
        };
        ClearingResult r = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        Bills b = Settle.of(r, m);
        SettleTest.assertSound(b);
        // The file path (a result file and its case) is the same engine: the same bills.
        Path result = dir.resolve("r.json");
        Path caseFile = dir.resolve("c.json");
        ResultJsonWriter.write(r, result);
        MarketCaseWriter.write(m, caseFile);
        assertThat(BillsWriter.toJson(Settle.of(result, caseFile))).isEqualTo(BillsWriter.toJson(b));
        // Fees are the case's gammas on every record; the network charges what the cleared market's gammas add to them.
        Map<String, Double> declared = gammas(m);
        Map<String, Double> cleared = gammas(r.market());
        double fees = 0;
        double charges = 0;
        for (TradeResult t : r.trades()) {
            String arc = t.from() + "->" + t.to();
            fees += declared.get(arc) * Math.abs(t.quantity());
            charges += (cleared.get(arc) - declared.get(arc)) * Math.abs(t.quantity());
        }
        assertThat(received(b, "fee")).isCloseTo(fees, within(Tolerances.MONEY * Math.max(1, fees)));
        // The operator keeps the charges and the network price component's rent, −Σ π_b·p.
        double rent = 0;
        if (r.network().isPresent()) {
            for (org.peerclear.model.Agent a : m.agents()) {
                rent -= r.networkPrice(a.id()) * r.agent(a.id()).p();
            }
        }
        double operator = b.bills().stream().filter(x -> x.party().equals(Settle.OPERATOR)).mapToDouble(Bill::net).sum();
        assertThat(operator).isCloseTo(charges + rent, within(Tolerances.MONEY * b.gross()));
        if (m.networkTariff().losses() != null) {
            double price = m.networkTariff().losses().atGridPrice() ? m.grid().orElseThrow().importPrice()
                    : m.networkTariff().losses().price();
            assertThat(signedLosses(b)).isCloseTo(r.network().orElseThrow().lossesKw() * price, within(Tolerances.MONEY * b.gross()));
            assertThat(b.energy().get(0).losses()).isCloseTo(r.network().orElseThrow().lossesKw(), within(Tolerances.ROUNDING));
            assertThat(charges).isPositive();
        }
        corruptOnePeriod(result, caseFile);
    }

    /** Odd seeds: a household day (storage, fees, the grid's tariff per period, periods of 3 to 6 h); even: a horizon on the feeder. */
    @ParameterizedTest
    @MethodSource("fewerSeeds")
    void aHorizonSettlesEveryPeriodWithMoneyAndEnergyConserved(long seed) throws Exception {
        Path caseFile = dir.resolve("h.json");
        HorizonMarket hm;
        if (seed % 2 == 1) {
            int[] perDay = {4, 6, 8};
            hm = HouseholdDayGenerator.generate(4 + (int) (seed % 3), 1, perDay[(int) (seed % 3)], 1, 0,
                    BipartiteMarketGenerator.ALL_PARTNERS, seed);
            MarketCaseWriter.write(hm, caseFile);
        } else {
            Files.writeString(caseFile, GeneratedMarkets.feederHorizon(seed));
            hm = MarketCaseReader.create().readHorizon(caseFile);
        }
        HorizonRun run = HorizonRun.of(hm, dir.resolve("hr.json"));
        HorizonResult r = run.result();
        Path result = run.file();
        Bills b = Settle.of(result, caseFile);
        SettleTest.assertSound(b);
        assertThat(b.periods()).isEqualTo(hm.periods());
        for (int t = 0; t < hm.periods(); t++) {
            double losses = r.network().isEmpty() ? 0 : r.network().get(t).lossesKw();
            assertThat(b.energy().get(t).losses()).as("period %d", t).isCloseTo(losses, within(Tolerances.ROUNDING));
        }
        // An agent's injection changed in the last period: that period's statement fails, the others hold.
        ObjectNode root = (ObjectNode) JSON.readTree(result.toFile());
        int last = hm.periods() - 1;
        ArrayNode p = (ArrayNode) root.path("agents").get(0).path("p");
        p.set(last, p.get(last).asDouble() + 0.5);
        Bills bad = Settle.of(write(root, "bad-h.json"), caseFile);
        assertThat(bad.energy().get(last).conserved()).isFalse();
        assertThat(bad.energy().subList(0, last)).allMatch(EnergyCheck::conserved);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anAuctionSettlesThroughTheAuctioneer(long seed) throws Exception {
        List<AuctionResult> periods = GeneratedMarkets.auctions(seed);
        StringWriter w = new StringWriter();
        AuctionResultWriter.write(periods, w);
        Path file = dir.resolve("a.json");
        Files.writeString(file, w.toString());
        Bills b = Settle.auction(file);
        assertThat(BillsWriter.toJson(Settle.auction(periods))).isEqualTo(BillsWriter.toJson(b));
        assertThat(b.moneyConserved()).isTrue();
        assertThat(b.energyConserved()).isTrue();
        double surplus = periods.stream().mapToDouble(AuctionResult::surplus).sum();
        if (b.bills().isEmpty()) {
            assertThat(surplus).isZero();
            return;
        }
        assertThat(b.bill(Settle.AUCTIONEER).net()).isCloseTo(surplus, within(Tolerances.MONEY * b.gross()));
        // One sell fill's quantity changed: what was sold is no longer what was bought.
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        for (JsonNode period : root.path("periods")) {
            for (JsonNode f : period.path("fills")) {
                if ("sell".equals(f.path("side").asText())) {
                    ((ObjectNode) f).put("quantity", f.path("quantity").asDouble() + 0.25);
                    assertThat(Settle.auction(write(root, "bad-a.json")).energyConserved()).isFalse();
                    return;
                }
            }
        }
    }

    /**
     * The largest trade record scaled (a one-period result writes both directions of a pair, so its
     * other side now disagrees): money and energy fail; one agent's injection moved: energy fails,
     * money holds.
     */
    private void corruptOnePeriod(Path result, Path caseFile) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(result.toFile());
        ObjectNode trade = null;
        for (JsonNode t : root.path("trades")) {
            if (trade == null || Math.abs(t.path("quantity").asDouble()) > Math.abs(trade.path("quantity").asDouble())) {
                trade = (ObjectNode) t;
            }
        }
        trade.put("quantity", trade.path("quantity").asDouble() * 1.5);
        Bills quantity = Settle.of(write(root, "bad-q.json"), caseFile);
        assertThat(quantity.moneyConserved()).isFalse();
        assertThat(quantity.energyConserved()).isFalse();
        root = (ObjectNode) JSON.readTree(result.toFile());
        ObjectNode agent = (ObjectNode) root.path("agents").get(0);
        agent.put("p", agent.path("p").asDouble() + 0.5);
        Bills injection = Settle.of(write(root, "bad-p.json"), caseFile);
        assertThat(injection.energyConserved()).isFalse();
        assertThat(injection.moneyConserved()).isTrue();
    }

    private Path write(JsonNode root, String name) throws Exception {
        Path file = dir.resolve(name);
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static Map<String, Double> gammas(Market m) {
        Map<String, Double> g = new HashMap<>();
        for (Arc a : m.arcs()) {
            g.put(a.from() + "->" + a.to(), a.gamma());
        }
        return g;
    }

    private static double received(Bills b, String reason) {
        return b.lines().stream().filter(l -> l.reason().equals(reason)).mapToDouble(Line::amount).sum();
    }

    private static double signedLosses(Bills b) {
        return b.lines().stream().filter(l -> l.reason().equals("losses"))
                .mapToDouble(l -> l.payee().equals(org.peerclear.model.Grid.AGENT_ID) ? l.amount() : -l.amount()).sum();
    }
}
