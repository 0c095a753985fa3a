package org.peerclear.games.stackelberg;

import java.util.Objects;

/**
 * How a Stackelberg pricing game is played and solved. Immutable; the {@code with...} methods
 * return a copy.
 *
 * @param objective   what the leader maximises
 * @param structure   one price, or a buy and a sell price
 * @param priceFloor  the lowest price the leader may announce, currency per unit of power for one period; NaN for
 *                    the grid's export price (below it an exporter would rather sell to the grid)
 * @param priceCap    the highest price the leader may announce; NaN for the grid's import price
 *                    (above it an importer would rather buy from the grid). A finite range is what
 *                    keeps the game bounded: with inelastic demand a monopolist's profit grows
 *                    without limit in its price.
 * @param leaderCost  the cost {@code R >= 0} the leader must recover under {@link LeaderObjective#WELFARE}
 *                    (its profit must be at least {@code R}), currency per period; ignored under
 *                    {@link LeaderObjective#PROFIT}
 * @param priceTick   {@code 0} for prices on the continuum (the exact breakpoint search); {@code > 0}
 *                    to restrict prices to {@code floor + k·tick} (the price search is then exact on
 *                    that grid, and the MILP uses it)
 * @param verify      whether a solve ends with the equilibrium check ({@link StackelbergVerifier})
 */
public record StackelbergOptions(LeaderObjective objective, PriceStructure structure, double priceFloor,
                                 double priceCap, double leaderCost, double priceTick, boolean verify) {
    /** Profit, buy and sell prices within the grid's export and import prices, on the continuum, verified. */
    public static final StackelbergOptions DEFAULT = new StackelbergOptions(LeaderObjective.PROFIT,
            PriceStructure.BUY_SELL, Double.NaN, Double.NaN, 0.0, 0.0, true);

    /**
     * Validates the options.
     *
     * @param objective  what the leader maximises
     * @param structure  one price, or a buy and a sell price
     * @param priceFloor the lowest price; NaN for the grid's export price
     * @param priceCap   the highest price; NaN for the grid's import price
     * @param leaderCost the cost to recover under welfare, {@code >= 0}
     * @param priceTick  0 for the continuum, else the tick
     * @param verify     whether a solve ends with the equilibrium check
     * @throws NullPointerException     if the objective or structure is null
     * @throws IllegalArgumentException if a price bound is infinite, the floor is above the cap,
     *                                  the leader's cost is negative or not finite, or the tick is
     *                                  negative or not finite
     */
    public StackelbergOptions {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(structure, "structure");
        if (Double.isInfinite(priceFloor) || Double.isInfinite(priceCap)) {
            throw new IllegalArgumentException("Invalid price range [" + priceFloor + ", " + priceCap
                    + "]: the bounds must be finite (NaN for the grid's prices)");
        }
        if (priceFloor > priceCap) {
            throw new IllegalArgumentException("Invalid price range: floor " + priceFloor + " > cap " + priceCap);
        }
        if (!(leaderCost >= 0) || Double.isInfinite(leaderCost)) {
            throw new IllegalArgumentException("Invalid value for leaderCost: " + leaderCost + " (a finite number >= 0)");
        }
        if (!(priceTick >= 0) || Double.isInfinite(priceTick)) {
            throw new IllegalArgumentException("Invalid value for priceTick: " + priceTick
                    + " (0 for the continuum, or a finite step > 0)");
        }
    }

    /**
     * These options with another objective.
     *
     * @param v not null
     * @return a copy
     */
    public StackelbergOptions withObjective(LeaderObjective v) {
        return new StackelbergOptions(v, structure, priceFloor, priceCap, leaderCost, priceTick, verify);
    }

    /**
     * These options with another price structure.
     *
     * @param v not null
     * @return a copy
     */
    public StackelbergOptions withStructure(PriceStructure v) {
        return new StackelbergOptions(objective, v, priceFloor, priceCap, leaderCost, priceTick, verify);
    }

    /**
     * These options with another price range.
     *
     * @param floor the lowest price, finite (NaN for the grid's export price)
     * @param cap   the highest price, finite, {@code >= floor} (NaN for the grid's import price)
     * @return a copy
     */
    public StackelbergOptions withPriceRange(double floor, double cap) {
        return new StackelbergOptions(objective, structure, floor, cap, leaderCost, priceTick, verify);
    }

    /**
     * These options with another leader's cost to recover.
     *
     * @param v {@code >= 0}, currency per period
     * @return a copy
     */
    public StackelbergOptions withLeaderCost(double v) {
        return new StackelbergOptions(objective, structure, priceFloor, priceCap, v, priceTick, verify);
    }

    /**
     * These options with another price tick.
     *
     * @param v {@code 0} for the continuum, or a step {@code > 0}
     * @return a copy
     */
    public StackelbergOptions withPriceTick(double v) {
        return new StackelbergOptions(objective, structure, priceFloor, priceCap, leaderCost, v, verify);
    }

    /**
     * These options with the equilibrium check on or off.
     *
     * @param v {@code true} to check every solve
     * @return a copy
     */
    public StackelbergOptions withVerify(boolean v) {
        return new StackelbergOptions(objective, structure, priceFloor, priceCap, leaderCost, priceTick, v);
    }
}
