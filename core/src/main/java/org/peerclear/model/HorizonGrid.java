package org.peerclear.model;

import java.util.Objects;

/** The grid of a {@link HorizonMarket}: as {@link Grid}, each number one value or one per period. */
public record HorizonGrid(String bus, Series importPrice, Series exportPrice, Series importMax, Series exportMax) {
    public HorizonGrid {
        Objects.requireNonNull(importPrice, "importPrice");
        Objects.requireNonNull(exportPrice, "exportPrice");
        Objects.requireNonNull(importMax, "importMax");
        Objects.requireNonNull(exportMax, "exportMax");
    }

    /** The same grid in every period. */
    public static HorizonGrid of(Grid g) {
        return new HorizonGrid(g.bus(), Series.constant(g.importPrice()), Series.constant(g.exportPrice()),
                Series.constant(g.importMax()), Series.constant(g.exportMax()));
    }

    public Grid inPeriod(int t) {
        return new Grid(bus, importPrice.at(t), exportPrice.at(t), importMax.at(t), exportMax.at(t));
    }

    boolean isConstant() {
        return importPrice.isConstant() && exportPrice.isConstant() && importMax.isConstant() && exportMax.isConstant();
    }
}
