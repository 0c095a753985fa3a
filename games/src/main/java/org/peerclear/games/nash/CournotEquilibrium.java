package org.peerclear.games.nash;

import java.util.List;

/**
 * A Nash equilibrium of a {@link CournotGame}, verified by best responses, with its welfare
 * against the optimum.
 *
 * @param sellers          the sellers' ids, in the game's order
 * @param quantities       each seller's output, power unit
 * @param total            the total output {@code Q}
 * @param price            the price {@code P(Q)}, currency per unit
 * @param profits          each seller's profit {@code P(Q)·q_i − C_i(q_i)}, currency per period
 * @param piece            the demand piece whose linear game gave the equilibrium
 * @param maxGain          the largest gain any seller's exact best response finds over its profit, relative to its
 *                         gross money (at most {@link org.peerclear.games.GameTolerances#BEST_RESPONSE_GAIN})
 * @param welfare          the welfare at the equilibrium, {@code ∫_0^Q P − Σ C_i(q_i)}, currency per period
 * @param optimum          the welfare optimum of the same sellers and buyers (price-taking), currency per period
 * @param optimumQuantity  the total output at the optimum
 * @param optimumPrice     the price at the optimum: the competitive price
 */
public record CournotEquilibrium(List<String> sellers, double[] quantities, double total, double price, double[] profits,
                                 int piece, double maxGain, double welfare, double optimum, double optimumQuantity,
                                 double optimumPrice) {
    /**
     * Copies the lists and arrays.
     *
     * @param sellers         the sellers' ids
     * @param quantities      outputs
     * @param total           total output
     * @param price           the price
     * @param profits         profits
     * @param piece           the demand piece
     * @param maxGain         the largest relative best-response gain
     * @param welfare         welfare at the equilibrium
     * @param optimum         the optimal welfare
     * @param optimumQuantity the optimal total output
     * @param optimumPrice    the competitive price
     */
    public CournotEquilibrium {
        sellers = List.copyOf(sellers);
        quantities = quantities.clone();
        profits = profits.clone();
    }

    /**
     * The price of anarchy: the optimal welfare over the equilibrium's, {@code >= 1}; 1 when
     * competition loses nothing.
     *
     * @return the ratio; {@code +∞} when the equilibrium's welfare is not positive
     */
    public double priceOfAnarchy() {
        return welfare > 0 ? optimum / welfare : Double.POSITIVE_INFINITY;
    }

    /** {@return the welfare lost to market power, {@code optimum − welfare >= 0}, currency per period} */
    public double welfareLoss() {
        return optimum - welfare;
    }

    /**
     * A seller's output.
     *
     * @param id a seller's id
     * @return its output
     * @throws IllegalArgumentException if it is no seller
     */
    public double quantity(String id) {
        int i = sellers.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no seller '" + id + "' (sellers: " + sellers + ")");
        }
        return quantities[i];
    }
}
