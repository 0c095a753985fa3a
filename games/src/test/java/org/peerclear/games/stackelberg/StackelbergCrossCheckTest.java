package org.peerclear.games.stackelberg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.Status;

/**
 * The three methods on random moderate instances. The MILP and the grid search solve the same
 * problem (prices on the same ticks), so they must agree; the continuum search can only do better
 * than any grid, by at most one tick's worth of the leader's objective (see
 * {@link Instances#profitLipschitz}). A fine grid searched exhaustively is the brute-force check
 * of the continuum search's claim to the global optimum.
 */
class StackelbergCrossCheckTest {
    /** MILP against the grid: the back-end's gap (1e-9) and feasibility (1e-9) on objectives of order 1–10. */
    private static final double AGREE = 1e-6;
    /** The continuum against a grid it contains: rounding of the piecewise sums only. */
    private static final double ROUNDING = 1e-9;

    private static StackelbergOptions options(LeaderObjective objective, PriceStructure structure, double tick) {
        return StackelbergOptions.DEFAULT.withObjective(objective).withStructure(structure).withPriceTick(tick);
    }

    /**
     * For welfare with one price, a cheap grid (import 0.2, export 0.05) under which the random communities import
     * at every price: with one price, profit is then {@code (price − 0.2)·imports}, zero at the top
     * tick, so the cost of zero is recovered on the grid. (With the instances' usual tariff the
     * communities balance at an interior price; one price then recovers a zero cost only at that
     * exact price, which is no tick, and both the grid search and the MILP find the game infeasible.)
     * The cost to recover is a fraction of the most the leader can earn on the grid.
     */
    private static void milpAgreesWithGrid(LeaderObjective objective, PriceStructure structure, double costShare) {
        boolean welfare = objective == LeaderObjective.WELFARE;
        boolean cheap = welfare && structure == PriceStructure.SINGLE;
        double importPrice = cheap ? 0.2 : Instances.IMPORT;
        double exportPrice = cheap ? 0.05 : Instances.EXPORT;
        double tick = (importPrice - exportPrice) / 32; // 32 steps: 6 bits per price
        for (long seed = 11; seed <= 13; seed++) {
            double leaderCost = 0;
            if (costShare > 0) {
                StackelbergGame richest = StackelbergGame.of(Instances.prosumers(6, seed), importPrice, exportPrice,
                        options(LeaderObjective.PROFIT, structure, tick).withVerify(false));
                leaderCost = costShare * StackelbergPriceSearch.solve(richest).leaderProfit();
                assertThat(leaderCost).isPositive();
            }
            StackelbergOptions o = options(objective, structure, tick).withLeaderCost(leaderCost);
            StackelbergGame game = StackelbergGame.of(Instances.prosumers(6, seed), importPrice, exportPrice, o);
            StackelbergResult grid = StackelbergPriceSearch.solve(game);
            StackelbergResult milp = StackelbergMilp.solve(game);

            assertThat(milp.status()).as("seed %d: %s", seed, milp.message()).isEqualTo(Status.OPTIMAL);
            assertThat(grid.status()).as("seed %d: %s", seed, grid.message()).isEqualTo(Status.OPTIMAL);
            double scale = 1 + Math.abs(grid.leaderObjective());
            assertThat(milp.leaderObjective()).as("seed %d, %s %s: milp %s at (%s, %s), grid at (%s, %s)", seed,
                            objective, structure, milp.notes(), milp.buyPrice(), milp.sellPrice(), grid.buyPrice(),
                            grid.sellPrice())
                    .isCloseTo(grid.leaderObjective(), org.assertj.core.api.Assertions.within(AGREE * scale));
            assertThat(milp.check().passed()).as("seed %d: %s", seed, milp.check()).isTrue();
            assertThat(grid.check().passed()).as("seed %d: %s", seed, grid.check()).isTrue();
            if (welfare) {
                assertThat(milp.leaderProfit()).isGreaterThanOrEqualTo(leaderCost - AGREE * scale);
                assertThat(grid.leaderProfit()).isGreaterThanOrEqualTo(leaderCost - AGREE * scale);
            }
        }
    }

    @Test
    void milpAgreesWithTheGridSearchOnProfitWithOnePrice() {
        milpAgreesWithGrid(LeaderObjective.PROFIT, PriceStructure.SINGLE, 0);
    }

    @Test
    void milpAgreesWithTheGridSearchOnProfitWithBuyAndSellPrices() {
        milpAgreesWithGrid(LeaderObjective.PROFIT, PriceStructure.BUY_SELL, 0);
    }

    @Test
    void milpAgreesWithTheGridSearchOnWelfareWithOnePrice() {
        milpAgreesWithGrid(LeaderObjective.WELFARE, PriceStructure.SINGLE, 0);
    }

    @Test
    void milpAgreesWithTheGridSearchOnWelfareWithACostToRecover() {
        // Half the most the leader can earn: a spread pays for it, and welfare falls below the competitive one.
        milpAgreesWithGrid(LeaderObjective.WELFARE, PriceStructure.BUY_SELL, 0.5);
    }

    @Test
    void theContinuumSearchBeatsEveryGridByAtMostOneTick() {
        double range = Instances.IMPORT - Instances.EXPORT;
        for (long seed = 21; seed <= 32; seed++) {
            for (PriceStructure structure : PriceStructure.values()) {
                StackelbergGame cont = Instances.game(30, seed, options(LeaderObjective.PROFIT, structure, 0)
                        .withVerify(false));
                StackelbergResult best = StackelbergPriceSearch.solve(cont);
                for (int steps : new int[] {64, 2000}) {
                    double tick = range / steps;
                    StackelbergGame gridGame = Instances.game(30, seed, options(LeaderObjective.PROFIT, structure, tick)
                            .withVerify(false));
                    StackelbergResult grid = StackelbergPriceSearch.solve(gridGame);
                    double bound = Instances.profitLipschitz(cont) * tick;
                    double scale = 1 + Math.abs(best.leaderObjective());
                    assertThat(best.leaderObjective()).as("seed %d, %s, %d steps", seed, structure, steps)
                            .isGreaterThanOrEqualTo(grid.leaderObjective() - ROUNDING * scale)
                            .isLessThanOrEqualTo(grid.leaderObjective() + bound + ROUNDING * scale);
                }
            }
        }
    }

    @Test
    void theContinuumSearchBeatsEveryGridOnWelfareWithOnePrice() {
        // The cheap grid of milpAgreesWithGrid, under which the top tick recovers a zero cost.
        for (long seed = 41; seed <= 46; seed++) {
            StackelbergOptions o = options(LeaderObjective.WELFARE, PriceStructure.SINGLE, 0).withVerify(false);
            StackelbergResult best = StackelbergPriceSearch.solve(StackelbergGame.of(Instances.prosumers(30, seed), 0.2,
                    0.05, o));
            StackelbergResult grid = StackelbergPriceSearch.solve(StackelbergGame.of(Instances.prosumers(30, seed), 0.2,
                    0.05, o.withPriceTick(0.15 / 2000)));
            assertThat(grid.status()).isEqualTo(Status.OPTIMAL);
            assertThat(best.leaderObjective()).isGreaterThanOrEqualTo(
                    grid.leaderObjective() - ROUNDING * (1 + Math.abs(best.leaderObjective())));
        }
    }

    @Test
    void aWideRangeReachesEveryCaseOfTheTwoPriceSearch() {
        // Ranges wider than the grid's prices, and grids with a wide spread, move the optimum between
        // the separable, the one-price and the balanced cases; the brute force must never beat the search.
        double[][] settings = {{0.0, 1.0, 10.0, 0.0}, {0.0, 0.6, 0.4, 0.3}, {0.05, 0.5, 0.2, 0.2}, {0.1, 0.7, 0.9, 0.05}};
        for (double[] s : settings) {
            for (long seed = 51; seed <= 56; seed++) {
                StackelbergOptions o = StackelbergOptions.DEFAULT.withPriceRange(s[0], s[1]).withVerify(false);
                StackelbergResult best = StackelbergPriceSearch.solve(
                        StackelbergGame.of(Instances.prosumers(20, seed), s[2], s[3], o));
                StackelbergGame gridGame = StackelbergGame.of(Instances.prosumers(20, seed), s[2], s[3],
                        o.withPriceTick((s[1] - s[0]) / 1500));
                StackelbergResult grid = StackelbergPriceSearch.solve(gridGame);
                double bound = Instances.profitLipschitz(gridGame) * gridGame.options().priceTick();
                double scale = 1 + Math.abs(best.leaderObjective());
                assertThat(best.leaderObjective()).as("range [%s, %s], grid (%s, %s), seed %d", s[0], s[1], s[2], s[3],
                                seed)
                        .isGreaterThanOrEqualTo(grid.leaderObjective() - ROUNDING * scale)
                        .isLessThanOrEqualTo(grid.leaderObjective() + bound + ROUNDING * scale);
            }
        }
    }
}
