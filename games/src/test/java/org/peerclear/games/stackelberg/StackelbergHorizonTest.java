package org.peerclear.games.stackelberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Series;
import org.peerclear.model.Storage;
import org.peerclear.model.Units;
import org.peerclear.opt.Status;

/** The horizon Stackelberg MILP with storage followers. */
class StackelbergHorizonTest {
    private static final double[] IMPORT = {0.20, 0.40};
    private static final double[] EXPORT = {0.08, 0.16};

    /** A prosumer: a flexible load and a generator per period, and a storage of the given capacity. */
    private static HorizonAgent prosumer(String id, double loadB0, double loadB1, double capacity, double rate) {
        List<HorizonAsset> assets = new ArrayList<>();
        assets.add(new FlexibleAsset(id, id + ".load", Series.of(-8, -10), Series.constant(0), Series.of(0.03, 0.04),
                Series.of(loadB0, loadB1)));
        assets.add(new FlexibleAsset(id, id + ".gen", Series.constant(0), Series.of(6, 4), Series.of(0.03, 0.02),
                Series.of(0.1, 0.15)));
        assets.add(new Storage(id, id + ".bat", 0, capacity, 0, Double.NaN, rate, rate, 0.95, 0.95, 0.01));
        return new HorizonAgent(id, null, null, assets);
    }

    private static HorizonMarket market(List<HorizonAgent> agents, double[] imp, double[] exp) {
        HorizonMarket.Builder b = HorizonMarket.builder("h", imp.length).units(Units.DEFAULT);
        for (HorizonAgent a : agents) {
            b.agent(a);
        }
        return b.grid(new HorizonGrid(null, Series.of(imp), Series.of(exp), Series.constant(Double.POSITIVE_INFINITY),
                Series.constant(Double.POSITIVE_INFINITY))).build();
    }

    private static StackelbergOptions options(PriceStructure s, double tick) {
        return StackelbergOptions.DEFAULT.withStructure(s).withPriceRange(0.08, 0.40).withPriceTick(tick)
                .withVerify(false);
    }

    @Test
    void zeroCapacityEqualsThePeriodByPeriodGame() {
        for (PriceStructure s : PriceStructure.values()) {
            List<HorizonAgent> agents = List.of(prosumer("a", 0.35, 0.45, 0, 3), prosumer("b", 0.25, 0.5, 0, 3));
            StackelbergHorizon game = StackelbergHorizon.of(market(agents, IMPORT, EXPORT), options(s, 0.02));
            StackelbergHorizon.Result r = game.solve();
            assertEquals(Status.OPTIMAL, r.status(), r.notes().toString());
            double sum = 0;
            for (int t = 0; t < 2; t++) {
                List<Agent> period = new ArrayList<>();
                for (HorizonAgent a : agents) {
                    List<Asset> as = new ArrayList<>();
                    for (HorizonAsset h : a.assets()) {
                        if (h instanceof FlexibleAsset fa) {
                            as.add(fa.inPeriod(t));
                        }
                    }
                    period.add(new Agent(a.id(), as));
                }
                StackelbergResult one = StackelbergMilp.solve(StackelbergGame.of(period, IMPORT[t], EXPORT[t],
                        options(s, 0.02)));
                sum += one.leaderProfit();
            }
            assertEquals(sum, r.profit(), 1e-6 * (1 + Math.abs(sum)), s + " " + r.notes());
            assertEquals(r.milpObjective(), r.profit(), 1e-6 * (1 + Math.abs(sum)));
            assertTrue(game.verify(r).isEmpty(), game.verify(r).toString());
        }
    }

    @Test
    void matchesTheBestPointOfAPriceGridOneFollower() {
        bruteForce(List.of(prosumer("a", 0.35, 0.45, 4, 2)), PriceStructure.SINGLE, 0.04);
    }

    @Test
    void matchesTheBestPointOfAPriceGridTwoFollowers() {
        bruteForce(List.of(prosumer("a", 0.35, 0.45, 4, 2), prosumer("b", 0.25, 0.5, 3, 3)), PriceStructure.SINGLE,
                0.04);
    }

    @Test
    void matchesTheBestPointOfAPriceGridBuySell() {
        bruteForce(List.of(prosumer("a", 0.35, 0.45, 4, 2)), PriceStructure.BUY_SELL, 0.08);
    }

    /**
     * Every grid point of both periods' prices, each follower's best response by the independent
     * horizon clearing; the MILP's profit must be the best point's (it is exact on the same grid).
     */
    private static void bruteForce(List<HorizonAgent> agents, PriceStructure s, double tick) {
        StackelbergHorizon game = StackelbergHorizon.of(market(agents, IMPORT, EXPORT), options(s, tick));
        StackelbergHorizon.Result r = game.solve();
        assertEquals(Status.OPTIMAL, r.status(), r.notes().toString());
        assertTrue(game.verify(r).isEmpty(), game.verify(r).toString());
        int k = (int) Math.round(0.32 / tick);
        List<double[]> pairs = new ArrayList<>();
        for (int b = 0; b <= k; b++) {
            for (int v = 0; v <= (s == PriceStructure.SINGLE ? 0 : b); v++) {
                double buy = 0.08 + b * tick;
                pairs.add(new double[] {buy, s == PriceStructure.SINGLE ? buy : 0.08 + v * tick});
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double[] p0 : pairs) {
            for (double[] p1 : pairs) {
                double[] buy = {p0[0], p1[0]};
                double[] sell = {p0[1], p1[1]};
                List<StackelbergHorizon.Response> rs = new ArrayList<>();
                for (int n = 0; n < agents.size(); n++) {
                    rs.add(game.bestResponse(n, buy, sell));
                }
                double total = 0;
                for (double v : game.profits(rs, buy, sell)) {
                    total += v;
                }
                best = Math.max(best, total);
            }
        }
        assertEquals(best, r.profit(), 1e-5 * (1 + Math.abs(best)), r.notes().toString());
    }

    @Test
    void aStorageFollowerArbitrages() {
        // Only a battery: at a cheap then dear price its best response charges, then discharges.
        HorizonAgent bat = new HorizonAgent("s", null, null,
                List.of(new Storage("s", "s.bat", 0, 4, 0, Double.NaN, 4, 4, 1, 1, 0)));
        StackelbergHorizon game = StackelbergHorizon.of(market(List.of(bat), new double[] {0.10, 0.50},
                new double[] {0.05, 0.45}), StackelbergOptions.DEFAULT.withPriceTick(0.05).withVerify(false));
        StackelbergHorizon.Response br = game.bestResponse(0, new double[] {0.10, 0.50}, new double[] {0.05, 0.45});
        assertEquals(4, br.charge()[0], 1e-6);
        assertEquals(4, br.discharge()[1], 1e-6);

        // The leader's optimum: it buys the battery's energy cheap from the grid and sells it dear: 4·(0.45 − 0.10).
        StackelbergHorizon.Result r = game.solve();
        assertEquals(Status.OPTIMAL, r.status(), r.notes().toString());
        assertEquals(4, r.responses().get(0).charge()[0], 1e-6, r.notes().toString());
        assertEquals(4, r.responses().get(0).discharge()[1], 1e-6);
        assertEquals(1.4, r.profit(), 1e-6);
        assertTrue(game.verify(r).isEmpty(), game.verify(r).toString());

        // Corrupted: the same response at dear-then-cheap prices loses money; idling is better.
        StackelbergHorizon.Result bad = r.withPrices(new double[] {0.50, 0.10}, new double[] {0.45, 0.05});
        assertFalse(game.verify(bad).isEmpty());
    }
}
