package org.peerclear.clearing.multiclass;

import java.util.Map;
import org.peerclear.opt.Status;

/**
 * The outcome of a multi-class market: one price per energy class, each agent's price, what it
 * sells (of its own class) and what it buys of each class, and each asset's set-point.
 * Maps are empty without a solution.
 *
 * @param status      the back-end's claim as the problem's KKT certificate judged it
 * @param message     the back-end's account, and why the claim was changed if it was
 * @param solver      the back-end's name
 * @param objective   the problem's objective: the assets' costs less the premiums the buyers get, currency; NaN
 *                    without a solution
 * @param classPrices class → price pi_c, currency per unit of power for one period (NaN without duals)
 * @param agentPrices agent id → price mu_n, currency per unit of power for one period (NaN without duals or without a balance row)
 * @param sales       agent id → the quantity it sells in its class, power unit, {@code >= 0}
 * @param purchases   agent id → class → the quantity it buys of that class, power unit, {@code >= 0}
 * @param assetPower  asset id → set-point, power unit, {@code > 0} injects
 */
public record MultiClassResult(Status status, String message, String solver, double objective,
                               Map<String, Double> classPrices, Map<String, Double> agentPrices,
                               Map<String, Double> sales, Map<String, Map<String, Double>> purchases,
                               Map<String, Double> assetPower) {
    /**
     * Keeps unmodifiable copies of the maps.
     *
     * @param status      the back-end's claim as the problem's KKT certificate judged it
     * @param message     the back-end's account, and why the claim was changed if it was
     * @param solver      the back-end's name
     * @param objective   the problem's objective, currency; NaN without a solution
     * @param classPrices class → price, currency per unit of power for one period
     * @param agentPrices agent id → price, currency per unit of power for one period
     * @param sales       agent id → the quantity it sells in its class, power unit
     * @param purchases   agent id → class → the quantity it buys of that class, power unit
     * @param assetPower  asset id → set-point, power unit
     */
    public MultiClassResult {
        classPrices = Map.copyOf(classPrices);
        agentPrices = Map.copyOf(agentPrices);
        sales = Map.copyOf(sales);
        purchases = Map.copyOf(purchases);
        assetPower = Map.copyOf(assetPower);
    }

    /**
     * The price of one class.
     *
     * @param c a class label, {@link MultiClassClearing#UNLABELLED} or {@code grid}
     * @return its price, currency per unit of power for one period
     * @throws IllegalArgumentException for a class the market does not have (or any class without a solution),
     *         listing the classes
     */
    public double classPrice(String c) {
        Double p = classPrices.get(c);
        if (p == null) {
            throw new IllegalArgumentException("Unknown class '" + c + "'; classes: " + classPrices.keySet());
        }
        return p;
    }
}
