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
}
