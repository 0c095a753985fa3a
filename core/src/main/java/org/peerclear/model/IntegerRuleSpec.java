package org.peerclear.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The integer rules a case declares (version 2): assets with a minimum stable output
 * ({@code minStable}, by asset id), block offers ({@code block}, by asset id) and the minimum
 * size of a trade ({@code trades.minQuantity}, 0 for none). Only the method {@code milp}
 * solves them; the other methods refuse a market that has them.
 */
public record IntegerRuleSpec(Map<String, Double> minStable, Set<String> block, double minQuantity) {
    /** No integer rules: the market is convex and every method may clear it. */
    public static final IntegerRuleSpec NONE = new IntegerRuleSpec(Map.of(), Set.of(), 0.0);

    /**
     * Copies the rules, sorted by asset id so that they are written and reported in a stable order.
     *
     * @param minStable   asset id to its minimum stable output, power unit: the asset is off ({@code p = 0}) or at least this
     * @param block       ids of assets whose offer is all or nothing ({@code p = 0} or {@code p = pMax})
     * @param minQuantity the least size of a trade, power unit; 0 for none
     * @throws InvalidMarketException if {@code minQuantity} is negative or not finite
     */
    public IntegerRuleSpec {
        // Sorted copies: the rules are written and reported in a stable order.
        minStable = java.util.Collections.unmodifiableMap(new TreeMap<>(minStable));
        block = java.util.Collections.unmodifiableSet(new TreeSet<>(block));
        Checks.inRange("trades.minQuantity", minQuantity);
        if (!(minQuantity >= 0)) {
            throw new InvalidMarketException("trades.minQuantity", "must be >= 0, got " + minQuantity);
        }
    }

    /** {@return {@code true} when there is no rule, as {@link #NONE}} */
    public boolean isEmpty() {
        return minStable.isEmpty() && block.isEmpty() && minQuantity == 0.0;
    }

    /**
     * The field of the first rule, for messages that refuse the rules: named as the case reader
     * names it ({@code agents[A].assets[ID].block}), so that a user finds it in the file.
     *
     * @param market the market whose agents own the assets the rules name
     * @return the path of a block or minimum stable output, else {@code trades.minQuantity}
     */
    public String firstField(Market market) {
        if (!block.isEmpty()) {
            return assetField(market, block.iterator().next(), "block");
        }
        if (!minStable.isEmpty()) {
            return assetField(market, minStable.keySet().iterator().next(), "minStable");
        }
        return "trades.minQuantity";
    }

    private static String assetField(Market market, String assetId, String rule) {
        for (Agent a : market.agents()) {
            if (a.assets().stream().anyMatch(s -> s.id().equals(assetId))) {
                return Checks.assetPath(a.id(), assetId) + rule;
            }
        }
        // A rule naming no asset is refused when the market is built; kept readable all the same.
        return "assets[" + assetId + "]." + rule;
    }
}
