package org.peerclear.clearing.preference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;

/**
 * Buyers' premiums for product classes (an agent's {@code class}: green, local...), turned into
 * trade coefficients. A buyer {@code m} willing to pay {@code w_m(c) ≥ 0} more for class
 * {@code c} gets, on its arc to a seller {@code n} of class {@code c(n)}, the non-negative
 * penalty {@code max_c w_m(c) − w_m(c(n))}: nothing on its most preferred class, the difference
 * on the others. Preferences are penalties on what is not preferred, so that every
 * {@code gamma ≥ 0} and the market stays convex. A seller without a class (and the grid) has
 * premium 0. The penalty adds to the arc's existing gamma (fee or override).
 *
 * <p>As in the unified formulation, the coefficient applies to |t| whichever way the energy
 * flows on that arc; for agents that only buy or only sell this is exactly the buyer's preference.
 */
public final class ClassPreferences {
    private final Map<String, Map<String, Double>> premiums;

    private ClassPreferences(Map<String, Map<String, Double>> premiums) {
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        premiums.forEach((buyer, byClass) -> {
            byClass.forEach((c, w) -> {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("Invalid value for parameter premium[" + buyer + "][" + c + "]: " + w
                            + " (premiums are >= 0)");
                }
            });
            copy.put(buyer, Map.copyOf(byClass));
        });
        this.premiums = Map.copyOf(copy);
    }

    /**
     * The premiums of the buyers that have some.
     *
     * @param premiums buyer id → (class → premium, currency per unit of power, {@code >= 0} and finite); copied
     * @return the preferences
     * @throws IllegalArgumentException if a premium is negative, infinite or NaN
     */
    public static ClassPreferences of(Map<String, Map<String, Double>> premiums) {
        return new ClassPreferences(premiums);
    }

    /**
     * What a buyer would pay more for a class.
     *
     * @param buyer        an agent id
     * @param productClass a class label; null for a seller without a class
     * @return the premium, currency per unit of power; 0 for no class or a buyer without a premium for it
     */
    public double premium(String buyer, String productClass) {
        return productClass == null ? 0.0 : premiums.getOrDefault(buyer, Map.of()).getOrDefault(productClass, 0.0);
    }

    /**
     * The penalty on a buyer's arc to a seller of a class.
     *
     * @param buyer       an agent id
     * @param sellerClass the seller's class label; null for a seller without a class (and the grid)
     * @return the buyer's largest premium less its premium for {@code sellerClass}, currency per unit of power;
     *         {@code >= 0}, 0 for a buyer without premiums
     */
    public double penalty(String buyer, String sellerClass) {
        double best = 0.0;
        for (double w : premiums.getOrDefault(buyer, Map.of()).values()) {
            best = Math.max(best, w);
        }
        return best - premium(buyer, sellerClass);
    }

    /**
     * The market with every arc's gamma raised by its buyer's penalty; the grid, as a buyer, has none.
     *
     * @param market the market, not changed
     * @return a copy whose trade graph overrides every arc's gamma
     * @throws IllegalArgumentException if a buyer with premiums is not a declared agent of the market
     */
    public Market apply(Market market) {
        for (String buyer : premiums.keySet()) {
            market.agent(buyer);
        }
        Map<String, String> classOf = new HashMap<>();
        for (Agent a : market.agents()) {
            if (a.productClass() != null) {
                classOf.put(a.id(), a.productClass());
            }
        }
        List<Arc> overrides = new ArrayList<>();
        for (Arc arc : market.arcs()) {
            double penalty = Grid.AGENT_ID.equals(arc.from()) ? 0.0 : penalty(arc.from(), classOf.get(arc.to()));
            overrides.add(new Arc(arc.from(), arc.to(), arc.gamma() + penalty));
        }
        return market.toBuilder().tradeGraph(market.tradeGraph().withOverrides(overrides)).build();
    }
}
