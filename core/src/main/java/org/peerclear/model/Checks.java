package org.peerclear.model;

/** Validation helpers that raise {@link InvalidMarketException} with the field path. */
final class Checks {
    private Checks() {
    }

    static void nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidMarketException(field, "must be a non-empty string");
        }
    }

    /** A finite number within the value range ({@link ValueRange}). */
    static void inRange(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidMarketException(field, "must be a finite number, got " + value);
        }
        if (!ValueRange.contains(value)) {
            throw new InvalidMarketException(field, "must be within [-" + ValueRange.MAX + ", " + ValueRange.MAX
                    + "] (the value range of the market-case format), got " + value);
        }
    }

    static void nonNegative(String field, double value) {
        inRange(field, value);
        if (value < 0) {
            throw new InvalidMarketException(field, "must be >= 0, got " + value);
        }
    }

    /** A limit that may be +infinity (no limit) but not NaN, negative or finite beyond the value range. */
    static void nonNegativeOrInfinite(String field, double value) {
        if (Double.isNaN(value) || value < 0) {
            throw new InvalidMarketException(field, "must be >= 0 (or absent for no limit), got " + value);
        }
        if (value != Double.POSITIVE_INFINITY && !ValueRange.contains(value)) {
            throw new InvalidMarketException(field, "must be <= " + ValueRange.MAX + " (the value range of the market-case"
                    + " format), or absent for no limit, got " + value);
        }
    }

    /** Checks an asset's ids and gives the prefix of its fields' paths, {@code agents[A].assets[S].}. */
    static String assetPath(String agentId, String id) {
        nonBlank("asset.agentId", agentId);
        nonBlank("asset.id", id);
        return HorizonAsset.path(agentId, id);
    }

    /** {@code value <= limit}, else a message that names both fields and why. */
    static void atMost(String field, String name, double value, String limitName, double limit, String why) {
        if (value > limit) {
            throw new InvalidMarketException(field, name + " " + value + " > " + limitName + " " + limit + " (" + why + ")");
        }
    }

    /** An efficiency: a number in (0, 1]. */
    static void efficiency(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidMarketException(field, "must be in (0, 1] (an efficiency), got " + value);
        }
    }

    /**
     * The rules shared by storage and EVs, fields under {@code at} ({@code agents[A].assets[S].}):
     * energies {@code 0 <= energyMin <= energyInitial <= energyMax}, powers and cycle cost
     * {@code >= 0}, efficiencies in (0, 1].
     */
    static void energyStore(String at, double energyMin, double energyMax, double energyInitial, double chargeMax,
                            double dischargeMax, double chargeEfficiency, double dischargeEfficiency, double cycleCost) {
        nonNegative(at + "energyMin", energyMin);
        nonNegative(at + "energyMax", energyMax);
        atMost(at + "energyMin", "energyMin", energyMin, "energyMax", energyMax, "energyMin must be <= energyMax");
        inRange(at + "energyInitial", energyInitial);
        if (energyInitial < energyMin || energyInitial > energyMax) {
            throw new InvalidMarketException(at + "energyInitial", "energyInitial " + energyInitial
                    + " is outside [energyMin, energyMax] = [" + energyMin + ", " + energyMax + "]");
        }
        nonNegative(at + "chargeMax", chargeMax);
        nonNegative(at + "dischargeMax", dischargeMax);
        efficiency(at + "chargeEfficiency", chargeEfficiency);
        efficiency(at + "dischargeEfficiency", dischargeEfficiency);
        nonNegative(at + "cycleCost", cycleCost);
    }

    /** A window of periods {@code start <= t < end}: {@code start >= 0} and {@code end > start}. */
    static void window(String at, String startName, int start, String endName, int end, String why) {
        if (start < 0) {
            throw new InvalidMarketException(at + startName, "must be >= 0 (a period index), got " + start);
        }
        if (end <= start) {
            throw new InvalidMarketException(at + endName, endName + " " + end + " <= " + startName + " " + start
                    + " (" + why + ")");
        }
    }
}
