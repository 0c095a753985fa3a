package org.peerclear.model;

/**
 * The upstream supplier, an agent with id {@value #AGENT_ID}: it sells to the market at
 * {@code importPrice} (up to {@code importMax}) and buys from it at {@code exportPrice} (up to
 * {@code exportMax}); {@code importPrice >= exportPrice} keeps its cost convex. Limits are
 * {@code +∞} when absent.
 */
public record Grid(String bus, double importPrice, double exportPrice, double importMax, double exportMax) {
    /** The grid's agent id in a market and its results; no other agent may use it. */
    public static final String AGENT_ID = "grid";
    /** The id of the grid's selling side in results ({@code p >= 0}: what it sold to the market). */
    public static final String IMPORT_ASSET_ID = "grid.import";
    /** The id of the grid's buying side in results ({@code p <= 0}: what it bought from the market). */
    public static final String EXPORT_ASSET_ID = "grid.export";

    /**
     * Validates the tariff.
     *
     * @param bus         the feeder bus it connects at (typically the slack); null when not placed
     * @param importPrice the price it sells at, currency per unit of power for one period
     * @param exportPrice the price it buys at, currency per unit of power for one period; {@code <= importPrice}
     * @param importMax   the most power it sells, in the power unit; {@code >= 0}, {@code +∞} for no limit
     * @param exportMax   the most power it buys, in the power unit; {@code >= 0}, {@code +∞} for no limit
     * @throws InvalidMarketException if a number is out of range or {@code importPrice < exportPrice}
     */
    public Grid {
        if (bus != null && bus.isBlank()) {
            throw new InvalidMarketException("grid.bus", "must be a non-empty string when present");
        }
        Checks.inRange("grid.importPrice", importPrice);
        Checks.inRange("grid.exportPrice", exportPrice);
        Checks.nonNegativeOrInfinite("grid.importMax", importMax);
        Checks.nonNegativeOrInfinite("grid.exportMax", exportMax);
        if (importPrice < exportPrice) {
            throw new InvalidMarketException("grid.importPrice", "importPrice " + importPrice + " < exportPrice "
                    + exportPrice + " (importPrice must be >= exportPrice, or the grid would be an arbitrage)");
        }
    }

    /**
     * A grid without import or export limits.
     *
     * @param bus         the feeder bus it connects at; null when not placed
     * @param importPrice the price it sells at, currency per unit of power for one period
     * @param exportPrice the price it buys at, currency per unit of power for one period; {@code <= importPrice}
     */
    public Grid(String bus, double importPrice, double exportPrice) {
        this(bus, importPrice, exportPrice, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

}
