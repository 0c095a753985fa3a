package org.peerclear.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The product classes of a version-2 case: the declared labels, each buyer's premiums (agent id
 * → class → premium, currency per unit of power, {@code >= 0}) and whether the case clears one
 * market per class ({@code classMarkets}). The market checks that every label and premium names
 * a declared class ({@link Market.Builder#build()}).
 */
public record ProductClasses(Set<String> declared, Map<String, Map<String, Double>> premiums, boolean classMarkets) {
    /** No classes declared (a version-1 case). */
    public static final ProductClasses NONE = new ProductClasses(Set.of(), Map.of(), false);

    /**
     * Copies the labels and premiums, sorted; that they name declared classes is checked by {@link Market}.
     *
     * @param declared     the class labels
     * @param premiums     buyer agent id to class to premium, currency per unit of power for one period, each {@code >= 0}
     * @param classMarkets {@code true} to clear one market per class
     * @throws InvalidMarketException if a premium is negative or out of range
     */
    public ProductClasses {
        declared = java.util.Collections.unmodifiableSet(new TreeSet<>(declared));
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        premiums.forEach((agent, byClass) -> {
            byClass.forEach((c, w) -> {
                String at = "agents[" + agent + "].premiums." + c;
                Checks.inRange(at, w);
                if (!(w >= 0)) {
                    throw new InvalidMarketException(at, "must be >= 0, got " + w
                            + " (a premium is what a buyer pays more for the class; express a dislike as premiums on the others)");
                }
            });
            copy.put(agent, java.util.Collections.unmodifiableMap(new TreeMap<>(byClass)));
        });
        premiums = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@return {@code true} when the case declared nothing about classes (a version-1 case)} */
    public boolean isEmpty() {
        return declared.isEmpty() && premiums.isEmpty() && !classMarkets;
    }
}
