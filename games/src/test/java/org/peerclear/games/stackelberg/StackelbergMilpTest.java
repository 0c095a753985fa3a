package org.peerclear.games.stackelberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Status;
import org.peerclear.opt.VariableType;

/** The MILP on its own: the analytic optimum when it is a tick, and a model whose every bound comes from the data. */
class StackelbergMilpTest {
    /**
     * Two consumers (u, a) = (0.5, 0.02), (0.7, 0.02) and a grid price c = 0.2: the one-price monopoly
     * {@code π* = (Σ u/a + c·Σ 1/a) / (2·Σ 1/a) = (60 + 20) / 200 = 0.4}, demands (5, 15), profit
     * {@code (0.4 − 0.2)·20 = 4}. With prices on [0, 1] in ticks of 0.05, π* is tick 8, so the MILP,
     * exact on its grid, finds it.
     */
    @Test
    void theMilpFindsTheAnalyticOptimumWhenItIsATick() {
        List<Agent> consumers = List.of(new Agent("c0", List.of(new Asset("c0.load", -50, 0, 0.02, 0.5))),
                new Agent("c1", List.of(new Asset("c1.load", -50, 0, 0.02, 0.7))));
        StackelbergOptions o = StackelbergOptions.DEFAULT.withStructure(PriceStructure.SINGLE).withPriceRange(0.0, 1.0)
                .withPriceTick(0.05);
        StackelbergResult r = StackelbergMilp.solve(StackelbergGame.of(consumers, 0.2, 0.0, o));

        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.method()).isEqualTo("milp");
        assertThat(r.buyPrice()).isCloseTo(0.4, within(1e-12));
        assertThat(r.leaderProfit()).isCloseTo(4.0, within(1e-7));
        assertThat(r.response("c0").imported()).isCloseTo(5.0, within(1e-7));
        assertThat(r.response("c1").imported()).isCloseTo(15.0, within(1e-7));
        assertThat(r.check().passed()).as("%s", r.check()).isTrue();
    }

    /** No big-M is a magic number: every variable of the model, multipliers included, has finite data-derived bounds. */
    @Test
    void everyVariableOfTheModelIsBoundedByTheData() {
        StackelbergGame game = Instances.game(5, 3, StackelbergOptions.DEFAULT);
        Problem p = StackelbergMilp.problem(game);
        assertThat(p.problemClass()).isEqualTo(ProblemClass.MILP);
        int binaries = 0;
        for (int j = 0; j < p.numVariables(); j++) {
            assertThat(Double.isFinite(p.lower(j)) && Double.isFinite(p.upper(j))).as(p.variableName(j)).isTrue();
            if (p.type(j) == VariableType.BINARY) {
                binaries++;
            }
        }
        // Default grid: 1000 steps, 10 bits per price; at most two binaries per flexible asset and per follower.
        assertThat(binaries).isBetween(20, 20 + 2 * game.numFlexibleAssets() + 2 * game.numFollowers());
        // Each multiplier's bound is the one the class comment derives: max(0, a·pMin + b − floor) at pMin and
        // max(0, top − a·pMax − b) at pMax, with top the highest tick (here the cap); a zero bound has no variable.
        java.util.Map<String, Double> upper = new java.util.HashMap<>();
        for (int j = 0; j < p.numVariables(); j++) {
            upper.put(p.variableName(j), p.upper(j));
        }
        double floor = game.priceFloor();
        double top = game.priceCap();
        int checked = 0;
        for (int n = 0; n < game.numFollowers(); n++) {
            for (int k = game.start[n]; k < game.start[n + 1]; k++) {
                String id = game.followers().get(n).id() + "." + k;
                double low = Math.max(0, game.qa[k] * game.lo[k] + game.lb[k] - floor);
                double high = Math.max(0, top - game.qa[k] * game.hi[k] - game.lb[k]);
                assertThat(upper.get("muLow_" + id)).isEqualTo(low > 0 ? low : null);
                if (high > 0) {
                    assertThat(upper.get("muHigh_" + id)).isCloseTo(high, within(1e-12));
                } else {
                    assertThat(upper).doesNotContainKey("muHigh_" + id);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(game.numFlexibleAssets());
    }
}
