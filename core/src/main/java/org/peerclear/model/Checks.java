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
}
