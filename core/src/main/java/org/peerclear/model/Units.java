package org.peerclear.model;

/**
 * The units a market is expressed in, declared once and never mixed. Power is the unit of
 * every p, t, pMin and pMax; a price is {@code currency} per unit of {@code power} for one
 * period of {@code periodHours} hours (energy = power × period length).
 */
public record Units(String power, String currency, double periodHours) {
    /** kW, EUR and one-hour periods: what a case that declares no units is in. */
    public static final Units DEFAULT = new Units("kW", "EUR", 1.0);

    /**
     * Validates the units; the names are labels, not converted.
     *
     * @param power       the power unit's name, e.g. {@code kW}, not blank
     * @param currency    the currency's name, e.g. {@code EUR}, not blank
     * @param periodHours the length of a period in hours; finite and {@code > 0}
     * @throws InvalidMarketException if a name is blank or {@code periodHours} is not positive
     */
    public Units {
        Checks.nonBlank("units.power", power);
        Checks.nonBlank("units.currency", currency);
        if (!(periodHours > 0) || !Double.isFinite(periodHours)) {
            throw new InvalidMarketException("units.periodHours", "must be a finite number > 0, got " + periodHours);
        }
    }

    /**
     * kW per unit of this power unit: what it takes to place the market on a feeder, whose
     * sensitivities and ratings are in kW.
     *
     * @return 1e-3 for {@code W}, 1 for {@code kW}, 1e3 for {@code MW}
     * @throws InvalidMarketException naming {@code units.power} for any other unit
     */
    public double kilowattsPerUnit() {
        return switch (power) {
            case "W" -> 1e-3;
            case "kW" -> 1.0;
            case "MW" -> 1e3;
            default -> throw new InvalidMarketException("units.power",
                    "a market on a feeder needs power in W, kW or MW, got '" + power + "'");
        };
    }
}
