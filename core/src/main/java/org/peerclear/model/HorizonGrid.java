package org.peerclear.model;

import java.util.Objects;

/** The grid of a {@link HorizonMarket}: as {@link Grid}, each number one value or one per period. */
public record HorizonGrid(String bus, Series importPrice, Series exportPrice, Series importMax, Series exportMax) {
    /**
     * Checks that no series is null; the tariff's rules are checked per period by {@link HorizonMarket}.
     *
     * @param bus         the feeder bus it connects at; null when not placed
     * @param importPrice the price it sells at per period, currency per unit of power for one period
     * @param exportPrice the price it buys at per period, currency per unit of power for one period
     * @param importMax   the most power it sells per period, power unit; {@code +∞} for no limit
     * @param exportMax   the most power it buys per period, power unit; {@code +∞} for no limit
     */
    public HorizonGrid {
        Objects.requireNonNull(importPrice, "importPrice");
        Objects.requireNonNull(exportPrice, "exportPrice");
        Objects.requireNonNull(importMax, "importMax");
        Objects.requireNonNull(exportMax, "exportMax");
    }

    /**
     * The same grid in every period.
     *
     * @param g the one-period grid
     * @return a constant horizon grid
     */
    public static HorizonGrid of(Grid g) {
        return new HorizonGrid(g.bus(), Series.constant(g.importPrice()), Series.constant(g.exportPrice()),
                Series.constant(g.importMax()), Series.constant(g.exportMax()));
    }

    /**
     * The grid in period {@code t}.
     *
     * @param t a period, {@code 0..T-1}
     * @return that period's tariff, validated
     * @throws InvalidMarketException if that period's numbers break a {@link Grid} rule
     */
    public Grid inPeriod(int t) {
        return new Grid(bus, importPrice.at(t), exportPrice.at(t), importMax.at(t), exportMax.at(t));
    }

    boolean isConstant() {
        return importPrice.isConstant() && exportPrice.isConstant() && importMax.isConstant() && exportMax.isConstant();
    }
}
