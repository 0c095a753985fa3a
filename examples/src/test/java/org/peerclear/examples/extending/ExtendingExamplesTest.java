package org.peerclear.examples.extending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;

/** The examples of docs/extending.md, found as a user's would be: through their registration lines. */
class ExtendingExamplesTest {
    /** Two sellers and two buyers, every trade paying a fee of 0.05 per unit. */
    private static Market market() {
        return Market.builder("four")
                .agent(new Agent("s1", List.of(new Asset("s1.pv", 0, 5, 0.02, 0.10))))
                .agent(new Agent("s2", List.of(new Asset("s2.pv", 0, 5, 0.04, 0.12))))
                .agent(new Agent("b1", List.of(new Asset("b1.load", -6, 0, 0.03, 0.50))))
                .agent(new Agent("b2", List.of(new Asset("b2.load", -4, 0, 0.05, 0.45))))
                .tradeGraph(TradeGraph.complete(0.05, List.of()))
                .build();
    }

    @Test
    void theClearingMethodIsRegisteredAndClearsAsIfTradesWereFree() {
        ClearingMethod method = ClearingMethods.load().get("fee-free");
        assertThat(method).isInstanceOf(FeeFreeClearing.class);

        ClearingResult free = method.clear(market(), ClearingOptions.DEFAULT);
        ClearingResult withFees = ClearingMethods.load().get("qp").clear(market(), ClearingOptions.DEFAULT);

        assertThat(free.status()).isEqualTo(Status.OPTIMAL);
        assertThat(free.verify().passes()).as(free.verify().toString()).isTrue();
        // Without fees one price clears the whole market; with them buyers pay more than sellers get.
        double p = free.agent("s1").price();
        assertThat(free.agents()).extracting(AgentResult::price).allSatisfy(q -> assertThat(q).isCloseTo(p, within(1e-9)));
        assertThat(withFees.agent("b1").price()).isGreaterThan(withFees.agent("s1").price() + 0.05 - 1e-9);
        assertThat(free.welfare()).isGreaterThan(withFees.welfare());
    }

    @Test
    void theBackEndIsRegisteredAndSolvesAnLpWithItsDuals() {
        SolverBackend backend = SolverRegistry.load().get("my-solver");
        assertThat(backend).isInstanceOf(MySolverBackend.class);

        // min x + 2y  s.t.  x + y >= 1,  x <= 0.25,  x, y >= 0: x = 0.25, y = 0.75, cost 1.75;
        // one more unit of demand costs 2 (it is met by y).
        ProblemBuilder b = new ProblemBuilder("two-variables");
        int x = b.addVariable("x", 0, 0.25);
        int y = b.addVariable("y", 0, Double.POSITIVE_INFINITY);
        b.addLinear(x, 1).addLinear(y, 2);
        b.addRow("demand", new int[] {x, y}, new double[] {1, 1}, Sense.GREATER_EQUAL, 1);
        Problem problem = b.build();
        Solution s = backend.solve(problem, SolverParameters.DEFAULT);

        assertThat(s.status()).isEqualTo(Status.OPTIMAL);
        assertThat(s.backend()).isEqualTo("my-solver");
        assertThat(s.x()).containsExactly(new double[] {0.25, 0.75}, within(1e-9));
        assertThat(s.objective()).isCloseTo(1.75, within(1e-9));
        assertThat(s.duals()).hasValueSatisfying(d -> assertThat(d[0]).isCloseTo(2.0, within(1e-9)));
    }

    @Test
    void aMarketClearsOnTheBackEndAsOnOjAlgo() {
        ClearingMethod qp = ClearingMethods.load().get("qp");
        ClearingResult mine = qp.clear(market(), ClearingOptions.DEFAULT.withSolver("my-solver"));
        ClearingResult ojalgo = qp.clear(market(), ClearingOptions.DEFAULT.withSolver("ojalgo"));

        assertThat(mine.status()).isEqualTo(Status.OPTIMAL);
        assertThat(mine.solver()).isEqualTo("my-solver");
        assertThat(mine.verify().passes()).as(mine.verify().toString()).isTrue();
        assertThat(mine.welfare()).isCloseTo(ojalgo.welfare(), within(1e-9));
    }
}
