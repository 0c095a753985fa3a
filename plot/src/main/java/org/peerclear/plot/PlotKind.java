package org.peerclear.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The pictures {@code plot} draws; {@link #label()} is the name on the command line. */
public enum PlotKind {
    /** Voltages (pu) along the feeder with its limits; over several periods a period × bus heat map. */
    VOLTAGE,
    /** Prices per unit energy: per agent (and along the feeder where the buses carry them), per period over several. */
    PRICES,
    /** ADMM's residuals per iteration, log scale; needs a result that recorded its convergence. */
    CONVERGENCE,
    /** Aggregated supply and demand of a one-period market with the cleared point; needs the case. */
    SUPPLY_DEMAND,
    /** Each store's (storage, EV) energy at the period boundaries over the horizon. */
    ENERGY;

    /**
     * @return the kind's name on the command line: lower case with {@code -} for {@code _}
     *         ({@code supply-demand}); {@link #parse} reads it back
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The kind named {@code label} ({@code voltage}, {@code supply-demand}, ...); anything else is an error listing them.
     *
     * @param label a {@link #label()}, exactly (case-sensitive)
     * @return the kind
     * @throws IllegalArgumentException if no kind has that label
     */
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
