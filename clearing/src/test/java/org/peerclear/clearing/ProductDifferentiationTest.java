package org.peerclear.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.multiclass.MultiClassClearing;
import org.peerclear.clearing.multiclass.MultiClassMethod;
import org.peerclear.clearing.multiclass.MultiClassResult;
import org.peerclear.clearing.preference.ClassPreferences;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.GridLegResult;

/** Trade coefficients from classes, and the multi-class market. */
class ProductDifferentiationTest {
    /**
     * <pre>
     *   green  P ∈ [0, 60], ½P² + 4P  ─┐
     *                                  ├─▶ buyer P ∈ [−30, 0], ½P² + 8P, premium 1 for green
     *   fossil P ∈ [0, 60], ½P² + 4P  ─┘
     * </pre>
     */
    static Market greenAndFossil() {
        return Market.builder("classes")
                .agent(new Agent("green", null, "green", List.of(new Asset("green.gen", 0, 60, 1, 4))))
                .agent(new Agent("fossil", null, "fossil", List.of(new Asset("fossil.gen", 0, 60, 1, 4))))
                .agent(new Agent("buyer", List.of(new Asset("buyer.load", -30, 0, 1, 8))))
                .tradeGraph(TradeGraph.pairs(List.of(List.of("buyer", "green"), List.of("buyer", "fossil")), 0.0, List.of()))
                .build();
    }

    @Test
    void premiumsBecomeNonNegativePenaltiesOnWhatIsNotPreferred() {
        ClassPreferences prefs = ClassPreferences.of(Map.of("buyer", Map.of("green", 1.0)));
        Market m = prefs.apply(greenAndFossil());
        assertThat(m.arcs()).contains(new Arc("buyer", "fossil", 1.0), new Arc("buyer", "green", 0.0),
                new Arc("green", "buyer", 0.0), new Arc("fossil", "buyer", 0.0));
        assertThatThrownBy(() -> ClassPreferences.of(Map.of("buyer", Map.of("green", -1.0))))
                .hasMessageContaining("Invalid value for parameter premium[buyer][green]: -1.0");
    }

    @Test
    void thePreferredSellerSellsMoreAtAHigherPrice() {
        // Without preferences both sellers sell 4/3 at 16/3 (marginal costs 4 + t meet 8 − 2t).
        ClearingResult plain = new QpClearing().clear(greenAndFossil(), ClearingOptions.DEFAULT);
        assertThat(plain.trade("green", "buyer")).isCloseTo(4.0 / 3, within(Tolerances.ANALYTIC));
        assertThat(plain.trade("fossil", "buyer")).isCloseTo(4.0 / 3, within(Tolerances.ANALYTIC));
        // With a penalty of 1 on fossil: green sells tg, fossil tf with 4 + tg = 8 − (tg + tf) and
        // 4 + tf + 1 = 8 − (tg + tf): tg = 5/3, tf = 2/3; green's price 17/3, fossil's 14/3.
        ClearingResult r = new QpClearing().clear(ClassPreferences.of(Map.of("buyer", Map.of("green", 1.0))).apply(greenAndFossil()),
                ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.trade("green", "buyer")).isCloseTo(5.0 / 3, within(Tolerances.ANALYTIC));
        assertThat(r.trade("fossil", "buyer")).isCloseTo(2.0 / 3, within(Tolerances.ANALYTIC));
        assertThat(r.agent("green").price()).isCloseTo(17.0 / 3, within(Tolerances.ANALYTIC));
        assertThat(r.agent("fossil").price()).isCloseTo(14.0 / 3, within(Tolerances.ANALYTIC));
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    /** Two green and fossil producers, a green-loving and an indifferent buyer. */
    static Market twoClassesTwoBuyers() {
        return Market.builder("multi-class")
                .agent(new Agent("g", null, "green", List.of(new Asset("g.gen", 0, 10, 1, 4))))
                .agent(new Agent("f", null, "fossil", List.of(new Asset("f.gen", 0, 10, 1, 4))))
                .agent(new Agent("b1", List.of(new Asset("b1.load", -10, 0, 1, 8))))
                .agent(new Agent("b2", List.of(new Asset("b2.load", -10, 0, 1, 8))))
                .tradeGraph(TradeGraph.none()).build();
    }

    @Test
    void classPricesCoincideWhenNobodyDistinguishesTheClasses() {
        MultiClassResult r = MultiClassClearing.clear(twoClassesTwoBuyers(), ClassPreferences.of(Map.of()), ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        // Symmetric: each producer 4 + p = price, each buyer 8 − d = price, 2p = 2d: p = d = 2, price 6.
        assertThat(r.classPrice("green")).isCloseTo(6.0, within(Tolerances.ANALYTIC));
        assertThat(r.classPrice("fossil")).isCloseTo(6.0, within(Tolerances.ANALYTIC));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ojalgo", "ortools-pdlp"})
    void classPricesDifferWhenPreferencesDiffer(String solver) {
        MultiClassResult r = MultiClassClearing.clear(twoClassesTwoBuyers(),
                ClassPreferences.of(Map.of("b1", Map.of("green", 1.0))), ClearingOptions.DEFAULT.withSolver(solver));
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        double green = r.classPrice("green");
        double fossil = r.classPrice("fossil");
        assertThat(green).isGreaterThan(fossil);
        // Sellers are paid their class price; b1 pays min(pi_green − 1, pi_fossil); b2 pays pi_fossil.
        assertThat(r.agentPrices().get("g")).isCloseTo(green, within(Tolerances.ANALYTIC));
        assertThat(r.agentPrices().get("f")).isCloseTo(fossil, within(Tolerances.ANALYTIC));
        assertThat(r.agentPrices().get("b2")).isCloseTo(fossil, within(Tolerances.ANALYTIC));
        assertThat(r.agentPrices().get("b1")).isCloseTo(Math.min(green - 1, fossil), within(Tolerances.ANALYTIC));
        assertThat(r.purchases().get("b2").get("green")).isCloseTo(0.0, within(1e-7));
        // Analytic: b1 buys only green and b2 only fossil: green 4 + g = pi_g, b1 8 − d1 + 1 = pi_g, g = d1:
        // g = 2.5, pi_g = 6.5; fossil 4 + f = pi_f = 8 − d2, f = d2 = 2, pi_f = 6.
        assertThat(green).isCloseTo(6.5, within(Tolerances.ANALYTIC));
        assertThat(fossil).isCloseTo(6.0, within(Tolerances.ANALYTIC));
    }

    /**
     * The class markets see the grid as one agent, its first leg; the result has a leg per agent
     * that may trade with it, and the ids the class markets report ({@code grid},
     * {@code grid.import}, {@code grid.export}) are each leg's. By id they belong to that one
     * leg, not to every leg: what the grid sold is what the class markets say, once.
     * <pre>
     *   g   P ∈ [0, 10], ½P² + 4P, green       b1  P ∈ [−10, 0], ½P² + 12P       grid sells at 7, buys at 1
     * </pre>
     * Without the grid g and b1 would meet at 4 + p = 12 − p, price 8, above the grid's 7: so the
     * grid sells at 7, g gives 3 (4 + 3 = 7), b1 takes 5 (12 − 5 = 7) and the grid the other 2.
     */
    @Test
    void theGridOfTheClassMarketsIsOneLegByIdNotEveryLeg() {
        Market m = Market.builder("classes-with-grid")
                .agent(new Agent("g", null, "green", List.of(new Asset("g.gen", 0, 10, 1, 4))))
                .agent(new Agent("b1", List.of(new Asset("b1.load", -10, 0, 1, 12))))
                .tradeGraph(TradeGraph.none()).grid(new Grid(null, 7.0, 1.0)).build();
        MultiClassResult own = MultiClassClearing.clear(m, ClassPreferences.of(Map.of()), ClearingOptions.DEFAULT);
        ClearingResult r = new MultiClassMethod().clear(m, ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(own.assetPower().get(Grid.IMPORT_ASSET_ID)).isCloseTo(2.0, within(Tolerances.ANALYTIC));
        assertThat(r.gridLegs()).hasSize(2);
        assertThat(r.grid().orElseThrow().importPower()).isEqualTo(own.assetPower().get(Grid.IMPORT_ASSET_ID));
        assertThat(r.grid().orElseThrow().exportPower()).isEqualTo(own.assetPower().get(Grid.EXPORT_ASSET_ID));
        assertThat(r.agent("g").p()).isCloseTo(3.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("b1").p()).isCloseTo(-5.0, within(Tolerances.ANALYTIC));
        GridLegResult first = r.gridLegs().get(0);
        assertThat(first.price()).isEqualTo(own.agentPrices().get(Grid.AGENT_ID));
        assertThat(r.gridLegs().get(1)).as("a leg the class markets leave out").isEqualTo(
                new GridLegResult(r.gridLegs().get(1).partner(), 0.0, 0.0, Double.NaN));
    }
}
