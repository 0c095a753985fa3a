package org.peerclear.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a version-2 case asks of the network beyond its limits: a network charge on trades, how
 * the AC losses are allocated and priced, loss-aware clearing and tightening to AC.
 *
 * @param charges     the charge policy, or null for none
 * @param losses      the loss allocation, or null for none
 * @param lossAware   iterate the clearing with linearised losses
 * @param tightenToAc tighten voltage limits by the AC error until AC holds
 */
public record NetworkTariff(Charges charges, Losses losses, boolean lossAware, boolean tightenToAc) {
    /** Nothing asked of the network beyond its limits (a version-1 case). */
    public static final NetworkTariff NONE = new NetworkTariff(null, null, false, false);

    /** {@return {@code true} when nothing is asked, as {@link #NONE}} */
    public boolean isEmpty() {
        return charges == null && losses == null && !lossAware && !tightenToAc;
    }

    /**
     * A network charge (currency per unit of power traded): {@code uniform} ({@code rate}),
     * {@code zonal} ({@code rates} per zone; {@code zones}: bus → zone, empty for the feeder's
     * laterals) or {@code distance} ({@code rate} per pu of path resistance, on {@code side}
     * {@code both} or {@code buyer}). Any other well-formed {@code kind} names a policy plugged
     * in beside the built-in ones; it takes the same optional fields, and whether one by that name
     * exists is checked where the case is cleared (the model does not know the plug-ins).
     */
    public record Charges(String kind, double rate, Map<String, Double> rates, Map<String, String> zones, String side) {
        /** The built-in {@code kind}s, as written in a case file; their fields are checked here. */
        public static final java.util.List<String> KINDS = java.util.List.of("uniform", "zonal", "distance");
        /** The accepted {@code side}s of a {@code distance} charge: both parties pay it, or the buyer alone. */
        public static final java.util.List<String> SIDES = java.util.List.of("both", "buyer");

        /**
         * Validates the policy and copies the maps, sorted.
         *
         * @param kind  one of {@link #KINDS}, or a plugged-in policy's name (see {@link Names#isWellFormed})
         * @param rate  {@code uniform}: currency per unit of power traded for one period; {@code distance}: the same per pu of path
         *              resistance; ignored for {@code zonal}. {@code >= 0}; NaN when absent (a plug-in only)
         * @param rates {@code zonal}: zone name to its rate, currency per unit of power for one period, each {@code >= 0}
         * @param zones {@code zonal}: bus id to zone name, each zone in {@code rates}; empty for the feeder's laterals
         * @param side  {@code distance}: one of {@link #SIDES}; ignored otherwise
         * @throws InvalidMarketException if the kind is malformed, the side unknown, a rate negative or a zone
         *                                has no rate
         */
        public Charges {
            String at = "network.charges";
            if (!Names.isWellFormed(kind)) {
                throw new InvalidMarketException(at + ".kind", "must be one of " + String.join(", ", KINDS)
                        + " or a plugged-in policy's name (" + Names.RULE + "), got \"" + kind + "\"");
            }
            rates = java.util.Collections.unmodifiableMap(new TreeMap<>(rates));
            zones = java.util.Collections.unmodifiableMap(new TreeMap<>(zones));
            boolean builtIn = KINDS.contains(kind);
            if (builtIn ? !kind.equals("zonal") : !Double.isNaN(rate)) {
                rate(at + ".rate", rate);
            }
            rates.forEach((zone, r) -> rate(at + ".rates." + zone, r));
            for (Map.Entry<String, String> z : zones.entrySet()) {
                if (!rates.containsKey(z.getValue())) {
                    throw new InvalidMarketException(at + ".zones." + z.getKey(), "zone '" + z.getValue()
                            + "' has no rate in network.charges.rates (rates: " + rates.keySet() + ")");
                }
            }
            if (kind.equals("distance") && !SIDES.contains(side)) {
                throw new InvalidMarketException(at + ".side", "must be one of " + String.join(", ", SIDES) + ", got \"" + side + "\"");
            }
        }

        private static void rate(String at, double r) {
            Checks.inRange(at, r);
            if (!(r >= 0)) {
                throw new InvalidMarketException(at, "must be >= 0, got " + r + " (a charge is paid, never received)");
            }
        }
    }

    /** The form of a plug-in's name in a case file. */
    public static final class Names {
        /** The rule, as messages state it. */
        public static final String RULE = "lower-case letters, digits and '-', starting with a letter";

        private Names() {
        }

        /**
         * Whether a name can name a plug-in.
         *
         * @param name any string, null included
         * @return {@code true} for lower-case letters, digits and '-', starting with a letter
         */
        public static boolean isWellFormed(String name) {
            return name != null && name.matches("[a-z][a-z0-9-]*");
        }
    }

    /**
     * The allocation of the AC losses after clearing: {@code allocation} {@code pro-rata},
     * {@code marginal} or {@code path}; priced at {@code price} (currency per unit of power), or
     * at the grid's import price when {@code price} is NaN (written {@code "grid"}).
     */
    public record Losses(String allocation, double price) {
        /** The built-in {@code allocation}s, as written in a case file; any other well-formed name is a plug-in's. */
        public static final java.util.List<String> ALLOCATIONS = java.util.List.of("pro-rata", "marginal", "path");

        /**
         * Validates the allocation.
         *
         * @param allocation one of {@link #ALLOCATIONS}, or a plugged-in allocator's name
         * @param price      currency per unit of power for one period lost, {@code >= 0}; NaN for the grid's import price
         * @throws InvalidMarketException if the allocation is malformed or the price negative
         */
        public Losses {
            if (!Names.isWellFormed(allocation)) {
                throw new InvalidMarketException("network.losses.allocation", "must be one of " + String.join(", ", ALLOCATIONS)
                        + " or a plugged-in allocator's name (" + Names.RULE + "), got \"" + allocation + "\"");
            }
            if (!Double.isNaN(price)) {
                Checks.inRange("network.losses.price", price);
                if (!(price >= 0)) {
                    throw new InvalidMarketException("network.losses.price", "must be \"grid\" or a number >= 0, got " + price);
                }
            }
        }

        /** {@return {@code true} when losses are priced at the grid's import price ({@code "grid"} in the file)} */
        public boolean atGridPrice() {
            return Double.isNaN(price);
        }
    }
}
