package org.peerclear.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;

/** The centralised unified market against analytic and published answers. */
class UnifiedMarketTest {
    private final QpClearing qp = new QpClearing();

    @Test
    void twoAgentsWithoutCoefficientsTradeTwoAtSix() {
        ClearingResult r = qp.clear(Markets.twoAgents(0.0), ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.trade("seller", "buyer")).isCloseTo(2.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("seller").price()).isCloseTo(6.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("buyer").price()).isCloseTo(6.0, within(Tolerances.ANALYTIC));
        // Welfare: buyer's utility of 2 units minus seller's cost: (8·2 − ½·4) − (4·2 + ½·4) = 14 − 10 = 4.
        assertThat(r.welfare()).isCloseTo(4.0, within(Tolerances.ANALYTIC));
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    @Test
    void twoAgentsWithCoefficientsTradeOneAtBilateralPriceSix() {
        Markets.assertTwoAgentsAnswer(qp.clear(Markets.twoAgents(1.0), ClearingOptions.DEFAULT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p2p", "pool"})
    void ieee14IslandedMatchesThePublishedPool(String structure) {
        ClearingResult r = qp.clear(Markets.ieee14(structure, null, 18.5), ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.objective()).isCloseTo(-2462.983, within(Tolerances.PUBLISHED_OBJECTIVE));
        for (int i = 1; i <= 14; i++) {
            assertThat(r.agent("a" + i).price()).as("price of a" + i).isCloseTo(94.6190, within(Tolerances.PUBLISHED_PRICE));
        }
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"p2p", "pool"})
    void ieee14WithImportAndExportMatchesThePublishedNumbers(String structure) {
        ClearingResult r = qp.clear(Markets.ieee14(structure, new Grid(null, 70, 40), 18.5), ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.objective()).isCloseTo(-3395.573, within(Tolerances.PUBLISHED_OBJECTIVE));
        assertThat(r.agent(Grid.AGENT_ID).p()).isCloseTo(75.762, within(Tolerances.PUBLISHED_OBJECTIVE));
        for (int i = 1; i <= 14; i++) {
            assertThat(r.agent("a" + i).price()).isCloseTo(70.0, within(Tolerances.PUBLISHED_PRICE));
        }
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    @Test
    void ieee14WithoutTheSeventhRenewableMatchesThePublishedNumbers() {
        ClearingResult r = qp.clear(Markets.ieee14("p2p", null, 0.0), ClearingOptions.DEFAULT);
        assertThat(r.objective()).isCloseTo(-3527.196, within(Tolerances.PUBLISHED_OBJECTIVE));
        assertThat(r.agent("a1").price()).isCloseTo(99.5283, within(Tolerances.PUBLISHED_PRICE));
        assertThat(r.verify().passes()).isTrue();
    }

    @Test
    void pricesSatisfyTheKktConditionsOfTheSolvedProblem() {
        Market m = Markets.ieee14("p2p", new Grid(null, 70, 40), 18.5);
        var f = org.peerclear.clearing.formulation.UnifiedFormulation.of(MarketIndex.of(m));
        var s = org.peerclear.opt.SolverRegistry.load().get("ojalgo").solve(f.problem(), org.peerclear.opt.SolverParameters.DEFAULT);
        OptimalityCertificate c = OptimalityCertificate.of(f.problem(), s);
        assertThat(c.holds(1e-7)).as(c.toString()).isTrue();
    }

    @Test
    void islandedFixedDemandAboveSupplyIsInfeasibleNotAnException() {
        Market m = Market.builder("short")
                .agent(new Agent("load", List.of(new Asset("load.fixed", -10, -10, 0, 0.3))))
                .agent(new Agent("pv", List.of(new Asset("pv.gen", 0, 4, 0, 0))))
                .tradeGraph(TradeGraph.complete(0, List.of())).build();
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(r.hasSolution()).isFalse();
        assertThatThrownBy(r::agents).isInstanceOf(IllegalStateException.class).hasMessageContaining("INFEASIBLE");
    }

    @Test
    void anAgentOnABusTheFeederDoesNotHaveIsRejected() {
        Market two = Markets.twoAgents(0);
        Market placed = Market.builder("placed").agent(new Agent("seller", "99", null, two.agent("seller").assets()))
                .agent(new Agent("buyer", "3", null, two.agent("buyer").assets()))
                .network(new NetworkSpec("case33bw", null, 0.95, 1.05, List.of())).build();
        assertThatThrownBy(() -> qp.clear(placed, ClearingOptions.DEFAULT))
                .isInstanceOf(org.peerclear.model.InvalidMarketException.class)
                .hasMessage("agents[seller].bus: bus '99' is not a bus of network 'case33bw'");
    }

    @Test
    void unknownSolverListsTheAvailableOnes() {
        assertThatThrownBy(() -> qp.clear(Markets.twoAgents(0), ClearingOptions.DEFAULT.withSolver("gurobi")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gurobi").hasMessageContaining("ojalgo");
    }

    @Test
    void lpMethodRefusesQuadraticCosts() {
        assertThatThrownBy(() -> new org.peerclear.clearing.centralised.LpClearing().clear(Markets.twoAgents(0), ClearingOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seller.gen").hasMessageContaining("a = 1.0");
    }

    @Test
    void methodsAreFoundThroughTheServiceLoader() {
        assertThat(ClearingMethods.load().names()).contains("lp", "qp");
    }
}
