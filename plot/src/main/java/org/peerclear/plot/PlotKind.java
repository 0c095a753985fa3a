package org.peerclear.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The pictures {@code plot} draws; {@link #label()} is the name on the command line. */
public enum PlotKind {
    VOLTAGE, PRICES, CONVERGENCE, SUPPLY_DEMAND, ENERGY;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code label} ({@code voltage}, {@code supply-demand}, ...); anything else is an error listing them. */
    public static PlotKind parse(String label) {
        for (PlotKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind: unknown plot kind '" + label + "' (one of "
                + Arrays.stream(values()).map(PlotKind::label).collect(Collectors.joining(", ")) + ")");
    }
}
