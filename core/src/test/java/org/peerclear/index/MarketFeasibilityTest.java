package org.peerclear.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;

/**
 * The pre-checks on analytic cases: infeasible components and unbounded paths are found and
 * named, and feasible, bounded markets (including sums that are 0 only in exact arithmetic)
 * pass.
 */
class MarketFeasibilityTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Market market(TradeGraph graph, Grid grid, Agent... agents) {
        Market.Builder b = Market.builder("m").tradeGraph(graph).grid(grid);
        for (Agent a : agents) {
            b.agent(a);
        }
        return b.build();
    }

    private static Agent agent(String id, double pMin, double pMax, double a, double b) {
        return new Agent(id, List.of(new Asset(id + ".x", pMin, pMax, a, b)));
    }

    @Test
    void anAgentWithAFixedLoadAndNoPartnerIsInfeasibleAndNamed() {
        Market m = market(TradeGraph.none(0, List.of()), null, agent("h1", -2, -1, 0, 0.3), agent("h2", 0, 5, 0, 0.1));
        var v = MarketFeasibility.check(MarketIndex.of(m), false);
        assertThat(v).isPresent();
        assertThat(v.get().status()).isEqualTo(Status.INFEASIBLE);
        assertThat(v.get().reason()).contains("agent h1").contains("no trading partner").contains("withdraw at least 1");
    }

    @Test
    void aComponentWhoseGenerationMustExceedItsLoadIsInfeasibleAndNamed() {
        // Two communities: {m1, a, b} must inject at least 3 − 1 = 2; {m2, c} balances.
        Market m = Market.builder("m").tradeGraph(TradeGraph.none(0, List.of()))
                .agent(agent("a", 3, 4, 0, 0.1)).agent(agent("b", -1, -1, 0, 0.3)).agent(new Agent("m1", List.of()))
                .agent(agent("c", -1, 1, 0, 0.2)).agent(new Agent("m2", List.of()))
                .community(new Community("C1", "m1", List.of("a", "b"))).community(new Community("C2", "m2", List.of("c")))
                .build();
        var v = MarketFeasibility.check(MarketIndex.of(m), false);
        assertThat(v.get().status()).isEqualTo(Status.INFEASIBLE);
        assertThat(v.get().reason()).contains("3 agents").contains("a, b, m1").contains("inject at least 2");
    }

    @Test
    void sumsThatAreZeroInExactArithmeticAreFeasible() {
        // −0.1 − 0.2 + 0.3 = 5.6e-17 in double precision, 0 exactly: no verdict.
        Market m = market(TradeGraph.complete(0, List.of()), null, agent("a", -0.1, -0.1, 0, 1), agent("b", -0.2, -0.2, 0, 1),
                agent("c", 0.3, 0.3, 0, 1));
        assertThat(MarketFeasibility.check(MarketIndex.of(m), false)).isEmpty();
    }

    @Test
    void feasibleMarketsPassWithAndWithoutAnUnlimitedGrid() {
        Market islanded = market(TradeGraph.complete(0.01, List.of()), null, agent("s", 0, 60, 1, 4), agent("b", -30, 0, 1, 8));
        Market grounded = market(TradeGraph.none(0.01, List.of()), new Grid(null, 0.35, 0.05), agent("h1", -2, -1, 0, 0.3),
                agent("h2", 1, 5, 0, 0.1));
        Market limitedGrid = market(TradeGraph.none(0, List.of()), new Grid(null, 0.35, 0.05, 2.0, 10.0),
                agent("h1", -2, -1, 0, 0.3));
        for (Market m : List.of(islanded, grounded, limitedGrid)) {
            assertThat(MarketFeasibility.check(MarketIndex.of(m), false)).as(m.toString()).isEmpty();
        }
    }

    @Test
    void aGridWithALimitTooSmallForTheLoadIsInfeasible() {
        Market m = market(TradeGraph.none(0, List.of()), new Grid(null, 0.35, 0.05, 0.5, 10.0), agent("h1", -2, -1, 0, 0.3));
        var v = MarketFeasibility.check(MarketIndex.of(m), false);
        assertThat(v.get().status()).isEqualTo(Status.INFEASIBLE);
        assertThat(v.get().reason()).contains("withdraw at least 0.5");
    }

    /** An index-shaped market with unlimited assets (no validated market has them besides the grid). */
    private static final class Builder {
        final List<String> agents = new ArrayList<>();
        final List<double[]> assets = new ArrayList<>(); // owner, pMin, pMax, a, b
        final List<double[]> pairs = new ArrayList<>(); // n, m, gamma_nm, gamma_mn

        Builder agent(String id) {
            agents.add(id);
            return this;
        }

        Builder asset(int owner, double pMin, double pMax, double a, double b) {
            assets.add(new double[] {owner, pMin, pMax, a, b});
            return this;
        }

        Builder pair(int n, int m, double gnm, double gmn) {
            pairs.add(new double[] {n, m, gnm, gmn});
            return this;
        }

        MarketFeasibility.Data build() {
            int na = agents.size();
            assets.sort((x, y) -> Double.compare(x[0], y[0]));
            int[] start = new int[na + 1];
            double[] pMin = new double[assets.size()];
            double[] pMax = new double[assets.size()];
            double[] a = new double[assets.size()];
            double[] b = new double[assets.size()];
            for (int s = 0; s < assets.size(); s++) {
                double[] x = assets.get(s);
                start[(int) x[0] + 1]++;
                pMin[s] = x[1];
                pMax[s] = x[2];
                a[s] = x[3];
                b[s] = x[4];
            }
            for (int i = 0; i < na; i++) {
                start[i + 1] += start[i];
            }
            int m = 2 * pairs.size();
            int[] from = new int[m];
            int[] to = new int[m];
            double[] gamma = new double[m];
            int[] degree = new int[na];
            for (int j = 0; j < pairs.size(); j++) {
                double[] p = pairs.get(j);
                from[2 * j] = (int) p[0];
                to[2 * j] = (int) p[1];
                gamma[2 * j] = p[2];
                from[2 * j + 1] = (int) p[1];
                to[2 * j + 1] = (int) p[0];
                gamma[2 * j + 1] = p[3];
                degree[(int) p[0]]++;
                degree[(int) p[1]]++;
            }
            int[] arcStart = new int[na + 1];
            for (int i = 0; i < na; i++) {
                arcStart[i + 1] = arcStart[i] + degree[i];
            }
            int[] fill = arcStart.clone();
            int[] arcsOf = new int[m];
            for (int k = 0; k < m; k++) {
                arcsOf[fill[from[k]]++] = k;
            }
            return new MarketFeasibility.Data(na, start, a, b, pMin, pMax, from, to, gamma, arcStart, arcsOf, agents::get,
                    s -> "asset" + s);
        }
    }

    @Test
    void anUnlimitedLinearSellerAndBuyerWithAMarginAboveTheFeesAreUnbounded() {
        // Seller injects without limit at 2, buyer withdraws without limit at value 5; fees 1 + 0.5 < 3.
        MarketFeasibility.Data d = new Builder().agent("seller").agent("buyer")
                .asset(0, 0, INF, 0, 2).asset(1, -INF, 0, 0, 5).pair(0, 1, 1.0, 0.5).build();
        assertThat(MarketFeasibility.infeasibility(d)).isEmpty();
        var reason = MarketFeasibility.unboundedness(d);
        assertThat(reason).isPresent();
        assertThat(reason.get()).contains("agent seller can inject without limit at cost 2").contains("agent buyer")
                .contains("value 5").contains("margin 3").contains("seller -> buyer").contains("add up to 1.5");
    }

    @Test
    void theSameTwoAgentsWithFeesAboveTheMarginAreBounded() {
        MarketFeasibility.Data d = new Builder().agent("seller").agent("buyer")
                .asset(0, 0, INF, 0, 2).asset(1, -INF, 0, 0, 5).pair(0, 1, 2.0, 1.5).build();
        assertThat(MarketFeasibility.unboundedness(d)).isEmpty();
        // Exactly at the margin: prices mu_s = 2, mu_b = 5 are dual feasible, the optimum is 0.
        MarketFeasibility.Data tie = new Builder().agent("seller").agent("buyer")
                .asset(0, 0, INF, 0, 2).asset(1, -INF, 0, 0, 5).pair(0, 1, 2.0, 1.0).build();
        assertThat(MarketFeasibility.unboundedness(tie)).isEmpty();
    }

    @Test
    void theCheapestPathIsFoundThroughIntermediariesAndAQuadraticOrBoundedAssetAddsNoLimit() {
        // s -(1+1)- m -(0.5+0)- b: fees 2.5 < margin 3; the direct pair s-b costs 4 + 0 > 3.
        // A quadratic unlimited asset at b and a bounded linear one at m change nothing.
        MarketFeasibility.Data d = new Builder().agent("s").agent("m").agent("b")
                .asset(0, 0, INF, 0, 2).asset(1, -10, 10, 0, 100).asset(2, -INF, 0, 0, 5).asset(2, -INF, INF, 1, 0)
                .pair(0, 1, 1, 1).pair(1, 2, 0.5, 0).pair(0, 2, 4, 0).build();
        var reason = MarketFeasibility.unboundedness(d);
        assertThat(reason).isPresent();
        assertThat(reason.get()).contains("s -> m -> b").contains("add up to 2.5");
    }

    @Test
    void severalSellersGiveEachBuyerItsCheapestSource() {
        // Two sellers at 2 (fees 4 to b) and 4.5 (fees 0 to b): the cheapest price reaching b is 4.5 < 5.
        MarketFeasibility.Data d = new Builder().agent("s1").agent("s2").agent("b")
                .asset(0, 0, INF, 0, 2).asset(1, 0, INF, 0, 4.5).asset(2, -INF, 0, 0, 5)
                .pair(0, 2, 2, 2).pair(1, 2, 0, 0).build();
        assertThat(MarketFeasibility.unboundedness(d).get()).contains("agent s2").contains("s2 -> b");
    }

    @Test
    void unlimitedAgentsInDifferentComponentsAreBounded() {
        MarketFeasibility.Data d = new Builder().agent("seller").agent("buyer").agent("other")
                .asset(0, 0, INF, 0, 2).asset(1, -INF, 0, 0, 5).pair(0, 2, 0, 0).build();
        assertThat(MarketFeasibility.unboundedness(d)).isEmpty();
    }

    @Test
    void oneAgentBuyingAboveItsOwnUnlimitedSupplyIsUnbounded() {
        MarketFeasibility.Data d = new Builder().agent("x").asset(0, 0, INF, 0, 1).asset(0, -INF, 0, 0, 2).build();
        assertThat(MarketFeasibility.unboundedness(d).get()).contains("within agent x");
    }

    @Test
    void theGridAloneNeverMakesAMarketUnbounded() {
        // Unlimited import at 0.35 and export at 0.05 with free trades: every price in [0.05, 0.35] is dual feasible.
        Market m = market(TradeGraph.complete(0, List.of()), new Grid(null, 0.35, 0.05), agent("h1", -2, 1, 0, 0.3),
                agent("h2", 0, 5, 0, 0.1));
        assertThat(MarketFeasibility.check(MarketIndex.of(m), false)).isEmpty();
        assertThat(MarketFeasibility.unboundedness(MarketFeasibility.Data.of(MarketIndex.of(m)))).isEmpty();
    }
}
