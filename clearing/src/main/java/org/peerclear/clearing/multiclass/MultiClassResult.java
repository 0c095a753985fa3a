package org.peerclear.clearing.multiclass;

import java.util.Map;
import org.peerclear.opt.Status;

/**
 * The outcome of a multi-class market: one price per energy class, each agent's price, what it
 * sells (of its own class) and what it buys of each class, and each asset's set-point.
 * Maps are empty without a solution.
 */
public record MultiClassResult(Status status, String message, String solver, double objective,
                               Map<String, Double> classPrices, Map<String, Double> agentPrices,
                               Map<String, Double> sales, Map<String, Map<String, Double>> purchases,
                               Map<String, Double> assetPower) {
    public MultiClassResult {
        classPrices = Map.copyOf(classPrices);
        agentPrices = Map.copyOf(agentPrices);
        sales = Map.copyOf(sales);
        purchases = Map.copyOf(purchases);
        assetPower = Map.copyOf(assetPower);
    }

    public double classPrice(String c) {
        Double p = classPrices.get(c);
        if (p == null) {
            throw new IllegalArgumentException("Unknown class '" + c + "'; classes: " + classPrices.keySet());
        }
        return p;
    }
}
