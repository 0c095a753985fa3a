package org.peerclear.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.GridResult;

/**
 * The grid is a tariff, not a broker: it sells at importPrice and buys at exportPrice, and never
 * resells what one agent sold it to another. Analytic answers, by every clearing method.
 */
class GridTariffTest {
    static final double IMPORT = 0.30;
    static final double EXPORT = 0.05;
    static final double FEE = 0.01;
    /** b's fee on its own arc to the grid, above the default fee. */
    static final double B_FEE = 0.02;

    /**
     * Nobody trades with anybody but the grid ("graph": "none"):
     * <pre>
     *   a: PV, p ∈ [0, 2], free      b: load, p ∈ [−4, 0], f = ½·0.05·p² + 0.40·p      c: fixed load, p = −3
     * </pre>
     * a sells its 2 to the grid: the leg buys at 0.05, lambda = 0.05 − 0.01 = 0.04, and a gets
     * 0.04 − 0.01 = 0.03 (exportPrice minus both fees of the arc). b and c buy: lambda = 0.30 + 0.01
     * = 0.31; c pays 0.31 + 0.01 = 0.32, b pays 0.31 + 0.02 = 0.33 and so takes p with
     * 0.05·p + 0.40 = 0.33, p = −1.4. Objective: b's ½·0.05·1.96 − 0.40·1.4 = −0.511, the
     * grid's 0.30·4.4 − 0.05·2 = 1.22, fees 0.01·2·2 + 0.03·1.4 + 0.02·3 = 0.142: 0.851.
     */
    static Market noTradeGraph() {
        return Market.builder("tariff")
                .agent(new Agent("a", List.of(new Asset("a.pv", 0, 2, 0, 0))))
                .agent(new Agent("b", List.of(new Asset("b.load", -4, 0, 0.05, 0.40))))
                .agent(new Agent("c", List.of(new Asset("c.load", -3, -3, 0, 0))))
                .tradeGraph(TradeGraph.none(FEE, List.of(new Arc("b", Grid.AGENT_ID, B_FEE))))
                .grid(new Grid(null, IMPORT, EXPORT)).build();
    }

    static ClearingResult clear(String method, Market m) {
        ClearingOptions o = ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT.withEps(Tolerances.ADMM_PAPER_EPS));
        ClearingResult r = ClearingMethods.load().get(method).clear(m, o);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"qp", "milp", "admm"})
    void withoutATradeGraphEveryBuyerPaysImportPriceAndEverySellerGetsExportPricePlusOrMinusFees(String method) {
        ClearingResult r = clear(method, noTradeGraph());
        assertThat(r.trade("a", Grid.AGENT_ID)).isCloseTo(2.0, within(Tolerances.ANALYTIC));
        assertThat(r.trade(Grid.AGENT_ID, "b")).isCloseTo(1.4, within(Tolerances.ANALYTIC));
        assertThat(r.trade(Grid.AGENT_ID, "c")).isCloseTo(3.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("a").price()).isCloseTo(EXPORT - FEE - FEE, within(Tolerances.ANALYTIC));
        assertThat(r.agent("b").price()).isCloseTo(IMPORT + FEE + B_FEE, within(Tolerances.ANALYTIC));
        assertThat(r.agent("c").price()).isCloseTo(IMPORT + FEE + FEE, within(Tolerances.ANALYTIC));
        assertThat(r.welfare()).isCloseTo(-0.851, within(Tolerances.ANALYTIC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qp", "admm"})
    void theRetailSpreadSeparatesWhatASellerGetsFromWhatABuyerPays(String method) {
        // A grid that passed a's energy on to b traded both at one grid price, up to the arcs' fees:
        // as one agent it bought from a at 0.29 and sold to b at 0.31 here (the grid price 0.30).
        ClearingResult r = clear(method, noTradeGraph());
        double sale = price(r, "a", Grid.AGENT_ID);
        double purchase = price(r, Grid.AGENT_ID, "b");
        assertThat(sale).isCloseTo(EXPORT - FEE, within(Tolerances.ANALYTIC));
        assertThat(purchase).isCloseTo(IMPORT + FEE, within(Tolerances.ANALYTIC));
        assertThat(purchase - sale).isGreaterThan(IMPORT - EXPORT);
    }

    private static double price(ClearingResult r, String from, String to) {
        return r.trades().stream().filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst().orElseThrow().price();
    }

    /**
     * Two communities whose managers may not trade with each other ("graph": "none"), no fees: a1
     * (PV, 2, free) in m1's, b2 (load, p ∈ [−6, 0], f = ½·0.05·p² + 0.45·p) in m2's. a1's energy
     * can only go to the grid, at 0.05; b2 can only buy from it, at 0.30, and so takes 3
     * (0.05·p + 0.45 = 0.30). A grid passing a1's 2 on to b2 would have priced both at 0.30.
     */
    @ParameterizedTest
    @ValueSource(strings = {"qp", "admm"})
    void aMemberCannotBuyFromAnotherCommunityThroughTheGrid(String method) {
        Market m = Market.builder("two-communities")
                .agent(new Agent("a1", List.of(new Asset("a1.pv", 0, 2, 0, 0))))
                .agent(new Agent("b2", List.of(new Asset("b2.load", -6, 0, 0.05, 0.45))))
                .agent(new Agent("m1", List.of())).agent(new Agent("m2", List.of()))
                .community(new Community("C1", "m1", List.of("a1"))).community(new Community("C2", "m2", List.of("b2")))
                .tradeGraph(TradeGraph.none()).grid(new Grid(null, IMPORT, EXPORT)).build();
        ClearingResult r = clear(method, m);
        assertThat(r.trade("m1", Grid.AGENT_ID)).isCloseTo(2.0, within(Tolerances.ANALYTIC));
        assertThat(r.trade(Grid.AGENT_ID, "m2")).isCloseTo(3.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("a1").price()).isCloseTo(EXPORT, within(Tolerances.ANALYTIC));
        assertThat(r.agent("b2").price()).isCloseTo(IMPORT, within(Tolerances.ANALYTIC));
        assertThat(r.agent("b2").p()).isCloseTo(-3.0, within(Tolerances.ANALYTIC));
    }

    @Test
    void theGridIsOneAgentInTheResult() {
        ClearingResult r = clear("qp", noTradeGraph());
        GridResult g = r.grid().orElseThrow();
        assertThat(g.importPower()).isCloseTo(4.4, within(Tolerances.ANALYTIC));
        assertThat(g.exportPower()).isCloseTo(-2.0, within(Tolerances.ANALYTIC));
        assertThat(g.importPrice()).isCloseTo(IMPORT, within(Tolerances.ANALYTIC));
        assertThat(g.exportPrice()).isCloseTo(EXPORT, within(Tolerances.ANALYTIC));
        assertThat(g.price()).as("it sells more than it buys").isCloseTo(IMPORT, within(Tolerances.ANALYTIC));
        assertThat(r.agents()).extracting(AgentResult::id).containsExactly("a", "b", "c", Grid.AGENT_ID);
        // Its legs' trades are merged under the one id, each partner once per direction (its bill: the settlement module).
        assertThat(r.trades()).filteredOn(t -> t.from().equals(Grid.AGENT_ID)).extracting(t -> t.to()).containsExactly("a", "b", "c");
    }

    /**
     * a (PV, 1, free) sells to b (load, p ∈ [−2, 0], f = ½·0.1·p² + 0.2·p) at 0.1, where b takes
     * exactly 1: inside the grid's band, so the grid trades nothing and has no price.
     */
    @Test
    void aGridThatDoesNotTradeHasNoPrice() {
        Market m = Market.builder("idle-grid")
                .agent(new Agent("a", List.of(new Asset("a.pv", 0, 1, 0, 0))))
                .agent(new Agent("b", List.of(new Asset("b.load", -2, 0, 0.1, 0.2))))
                .grid(new Grid(null, IMPORT, EXPORT)).build();
        ClearingResult r = clear("qp", m);
        assertThat(r.trade("a", "b")).isCloseTo(1.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("b").price()).isCloseTo(0.1, within(Tolerances.ANALYTIC));
        GridResult g = r.grid().orElseThrow();
        assertThat(new double[] {g.p(), g.importPower(), g.exportPower()}).containsOnly(0.0);
        assertThat(new double[] {g.price(), g.importPrice(), g.exportPrice()}).containsOnly(Double.NaN);
    }
}
