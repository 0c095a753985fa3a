package org.peerclear.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.Agent;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.opt.Status;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;
import org.peerclear.result.ClearingResult;

/** Settlement on a feeder: network charges and the network price to the operator, allocated losses, the energy statement with losses. */
class NetworkSettleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ClearingResult clear(Market m) {
        ClearingResult r = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        return r;
    }

    private static double sum(Bills b, String reason, String payer) {
        return b.lines().stream().filter(l -> l.reason().equals(reason) && l.payer().equals(payer)).mapToDouble(Line::amount).sum();
    }

    /**
     * The pair trades exactly 3 (the buyer's load is fixed and there is no grid), so each of its two
     * arc records pays the fee 0.01 × 3 to the platform and the uniform charge 0.02 × 3 to the operator.
     */
    @Test
    void aUniformChargeIsPaidToTheOperatorPerUnitTradedApartFromTheFees() throws Exception {
        Path caseFile = FeederCases.write(dir, "pair.json", FeederCases.pair(",\"charges\":{\"kind\":\"uniform\",\"rate\":0.02}"));
        Market m = MarketCaseReader.create().read(caseFile);
        ClearingResult r = clear(m);
        assertThat(r.trade("s", "b")).isCloseTo(3.0, within(Tolerances.ANALYTIC));
        Bills b = Settle.of(r, m);
        assertThat(b.moneyConserved()).isTrue();
        assertThat(b.bill(Settle.OPERATOR).received()).isCloseTo(0.02 * 3 * 2, within(Tolerances.MONEY));
        assertThat(b.bill(Settle.PLATFORM).received()).isCloseTo(0.01 * 3 * 2, within(Tolerances.MONEY));
        assertThat(sum(b, "network", "s")).isCloseTo(0.06, within(Tolerances.MONEY));
        assertThat(sum(b, "network", "b")).isCloseTo(0.06, within(Tolerances.MONEY));
        // The limits do not bind: the network price is zero and the operator pays no one.
        assertThat(b.bill(Settle.OPERATOR).paid()).isZero();
        // The command line's path, a result file with its case, settles to the same bills.
        Path result = dir.resolve("pair-result.json");
        ResultJsonWriter.write(r, result);
        assertThat(BillsWriter.toJson(Settle.of(result, caseFile))).isEqualTo(BillsWriter.toJson(b));
    }

    @Test
    void withoutItsCaseTheChargeWouldBeSettledAsAFeeWhichIsWhyTheCaseIsNeeded() throws Exception {
        Market m = MarketCaseReader.create().read(
                FeederCases.write(dir, "pair.json", FeederCases.pair(",\"charges\":{\"kind\":\"uniform\",\"rate\":0.02}")));
        ClearingResult r = clear(m);
        // The market the result holds carries the charge inside its gammas: settled against it, the platform gets it.
        Bills wrong = Settle.of(r, r.market());
        assertThat(wrong.bill(Settle.PLATFORM).received()).isCloseTo((0.01 + 0.02) * 3 * 2, within(Tolerances.MONEY));
        assertThat(wrong.bills()).extracting(Bill::party).doesNotContain(Settle.OPERATOR);
    }

    /**
     * Pro rata, a participant's share of the AC losses L is L·|p_i| / Σ|p| over the market's agents and the
     * feeder's own loads (off the substation); priced at 0.3 per unit it pays share × 0.3 to the grid.
     */
    @Test
    void proRataLossesArePaidToTheGridAtTheCasesPrice() throws Exception {
        Market m = MarketCaseReader.create().read(FeederCases.write(dir, "pair.json",
                FeederCases.pair(",\"losses\":{\"allocation\":\"pro-rata\",\"price\":0.3}")));
        ClearingResult r = clear(m);
        double lossKw = r.network().orElseThrow().lossesKw();
        Feeder f = Feeders.embedded("case33bw");
        double gross = Math.abs(r.agent("s").p()) + Math.abs(r.agent("b").p());
        double[] load = f.fixedLoadKw();
        for (int i = 0; i < load.length; i++) {
            gross += i == f.slackIndex() ? 0 : load[i];
        }
        Bills b = Settle.of(r, m);
        assertThat(sum(b, "losses", "s")).isCloseTo(lossKw * Math.abs(r.agent("s").p()) / gross * 0.3, within(Tolerances.ROUNDING));
        assertThat(sum(b, "losses", "b")).isCloseTo(lossKw * 3.0 / gross * 0.3, within(Tolerances.MONEY));
        double paid = b.lines().stream().filter(l -> l.reason().equals("losses")).mapToDouble(Line::amount).sum();
        assertThat(paid).isCloseTo(lossKw * 0.3, within(Tolerances.MONEY * paid));
        assertThat(b.bill(Grid.AGENT_ID).received()).isCloseTo(paid, within(Tolerances.ROUNDING * paid));
        assertThat(b.moneyConserved()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pro-rata", "marginal", "path"})
    void lossesAtTheGridPriceAreWhatTheClearingAllocatedAndEnergyIncludesThem(String allocation) throws Exception {
        Path caseFile = FeederCases.write(dir, "houses.json", FeederCases.threeHouses(1,
                ",\"losses\":{\"allocation\":\"" + allocation + "\",\"price\":\"grid\"}"));
        Market m = MarketCaseReader.create().read(caseFile);
        ClearingResult r = clear(m);
        Bills b = Settle.of(r, m);
        @SuppressWarnings("unchecked")
        Map<String, Double> shares = (Map<String, Double>) ((Map<String, Object>) r.sections().get("lossAllocation")).get("shares");
        double expected = shares.values().stream().mapToDouble(Double::doubleValue).sum() * 0.35;
        double booked = b.lines().stream().filter(l -> l.reason().equals("losses"))
                .mapToDouble(l -> l.payee().equals(Grid.AGENT_ID) ? l.amount() : -l.amount()).sum();
        assertThat(booked).isCloseTo(expected, within(Tolerances.MONEY * Math.abs(expected)));
        assertThat(booked).isCloseTo(r.network().orElseThrow().lossesKw() * 0.35, within(Tolerances.MONEY * Math.abs(expected)));
        EnergyCheck e = b.energy().get(0);
        assertThat(e.losses()).isCloseTo(r.network().orElseThrow().lossesKw(), within(Tolerances.ROUNDING));
        assertThat(e.losses()).isGreaterThan(1.0);
        // Measured at the substation, the grid takes what the market sold it less the losses it supplies.
        assertThat(e.grid() + e.losses()).isCloseTo(-r.agent(Grid.AGENT_ID).p(), within(SettlementTolerances.ENERGY_RELATIVE * e.scale()));
        assertThat(b.energyConserved()).as("residual %s of %s", e.residual(), e.scale()).isTrue();
        assertThat(b.moneyConserved()).isTrue();
    }

    /** A horizon on the feeder: each period's statement carries that period's AC losses, measured at the substation. */
    @Test
    void eachPeriodsStatementCarriesItsOwnLosses() throws Exception {
        Path caseFile = FeederCases.write(dir, "day.json", FeederCases.threeHouses(3, ""));
        HorizonRun run = HorizonRun.of(MarketCaseReader.create().readHorizon(caseFile), dir.resolve("day-result.json"));
        HorizonResult r = run.result();
        Bills b = Settle.of(run.file(), caseFile);
        assertThat(b.energy()).hasSize(3);
        List<Double> losses = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            EnergyCheck e = b.energy().get(t);
            assertThat(e.losses()).isCloseTo(r.network().get(t).lossesKw(), within(Tolerances.ROUNDING));
            assertThat(e.conserved()).as("period %d: residual %s of %s", t, e.residual(), e.scale()).isTrue();
            losses.add(e.losses());
        }
        assertThat(losses).doesNotHaveDuplicates();
        assertThat(b.moneyConserved()).isTrue();
    }

    @Test
    void lossesThatDoNotMatchTheFlowsBreakTheEnergyStatementOnly() throws Exception {
        Path caseFile = FeederCases.write(dir, "houses.json", FeederCases.threeHouses(1, ""));
        Market m = MarketCaseReader.create().read(caseFile);
        ClearingResult r = clear(m);
        ObjectNode root = (ObjectNode) JSON.readTree(ResultJsonWriter.toJson(r));
        root.put("losses", root.path("losses").asDouble() + 0.5);
        Path bad = dir.resolve("bad-losses.json");
        JSON.writeValue(bad.toFile(), root);
        Bills b = Settle.of(bad, caseFile);
        assertThat(b.moneyConserved()).isTrue();
        assertThat(b.energyConserved()).isFalse();
        assertThat(b.energyResidual()).isGreaterThan(0.4);
        assertThat(Settle.of(r, m).energyConserved()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void networkAwareMarketsPayTheRentToTheOperator(long seed) throws Exception {
        Feeder f = Feeders.embedded("case33bw");
        List<String> buses = new ArrayList<>(f.busIds());
        buses.remove(f.slackIndex());
        Market g = BipartiteMarketGenerator.generate(400, 10, seed, buses, "case33bw");
        Market m = g.toBuilder().network(new NetworkSpec("case33bw", null, 0.93, 1.05, List.of())).build();
        ClearingResult r = new QpClearing().clear(m, ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        Path result = dir.resolve("n" + seed + ".json");
        Path caseFile = dir.resolve("nc" + seed + ".json");
        ResultJsonWriter.write(r, result);
        MarketCaseWriter.write(m, caseFile);
        Bills b = Settle.of(result, caseFile);
        SettleTest.assertSound(b);
        // Some voltage row binds at these limits: the operator's net is −Σ π_b·p. With vMin binding it is a
        // voltage-support cost (negative): the rows' constant term, y·(vMin − v0), is not a rent.
        double rent = 0;
        for (Agent a : m.agents()) {
            rent -= r.networkPrice(a.id()) * r.agent(a.id()).p();
        }
        assertThat(b.lines()).extracting(Line::reason).contains("network");
        assertThat(b.bill(Settle.OPERATOR).net()).isCloseTo(rent, within(Tolerances.MONEY * Math.max(1, b.gross())));
        assertThat(Math.abs(rent)).isGreaterThan(1e-6);
        JsonNode written = JSON.readTree(result.toFile());
        assertThat(written.path("losses").asDouble()).isEqualTo(b.energy().get(0).losses());
    }
}
