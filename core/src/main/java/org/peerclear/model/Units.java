package org.peerclear.model;

/**
 * The units a market is expressed in, declared once and never mixed. Power is the unit of
 * every p, t, pMin and pMax; a price is {@code currency} per unit of {@code power} for one
 * period of {@code periodHours} hours (energy = power × period length).
 */
public record Units(String power, String currency, double periodHours) {
    public static final Units DEFAULT = new Units("kW", "EUR", 1.0);

    public Units {
        Checks.nonBlank("units.power", power);
        Checks.nonBlank("units.currency", currency);
        if (!(periodHours > 0) || !Double.isFinite(periodHours)) {
            throw new InvalidMarketException("units.periodHours", "must be a finite number > 0, got " + periodHours);
        }
    }
}
