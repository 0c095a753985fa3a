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

    static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidMarketException(field, "must be a finite number, got " + value);
        }
    }

    static void nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new InvalidMarketException(field, "must be >= 0, got " + value);
        }
    }

    /** A limit that may be +infinity (no limit) but not NaN or negative. */
    static void nonNegativeOrInfinite(String field, double value) {
        if (Double.isNaN(value) || value < 0) {
            throw new InvalidMarketException(field, "must be >= 0 (or absent for no limit), got " + value);
        }
    }
}
