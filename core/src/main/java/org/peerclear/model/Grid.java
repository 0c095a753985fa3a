package org.peerclear.model;

/**
 * The upstream supplier, an agent with id {@value #AGENT_ID}: it sells to the market at
 * {@code importPrice} (up to {@code importMax}) and buys from it at {@code exportPrice} (up to
 * {@code exportMax}); {@code importPrice >= exportPrice} keeps its cost convex. Limits are
 * {@code +∞} when absent.
 */
public record Grid(String bus, double importPrice, double exportPrice, double importMax, double exportMax) {
    public static final String AGENT_ID = "grid";
    public static final String IMPORT_ASSET_ID = "grid.import";
    public static final String EXPORT_ASSET_ID = "grid.export";

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

    public Grid(String bus, double importPrice, double exportPrice) {
        this(bus, importPrice, exportPrice, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

}
