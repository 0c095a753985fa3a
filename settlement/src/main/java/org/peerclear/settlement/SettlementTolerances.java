package org.peerclear.settlement;

/** Every tolerance of the settlement, in one place. */
public final class SettlementTolerances {
    /** |Σ nets| relative to the gross money paid: above it, money is not conserved. */
    public static final double MONEY_RELATIVE = 1e-9;
    /** An energy residual relative to the period's gross power (at least 1): above it, energy is not conserved. */
    public static final double ENERGY_RELATIVE = 1e-6;
    /** A trade or fill quantity at or below this magnitude is not settled (as the result writers report trades). */
    public static final double QUANTITY_REPORTED = 1e-9;

    private SettlementTolerances() {
    }
}
