package org.peerclear.settlement;

/** The settlement tests' tolerances, in one place (the settlement's own are {@link SettlementTolerances}). */
final class Tolerances {
    /** The same few floating-point operations done two ways (relative where a test scales it). */
    static final double ROUNDING = 1e-12;
    /** Totals over many lines against an independent sum: the money tolerance, relative to the money. */
    static final double MONEY = SettlementTolerances.MONEY_RELATIVE;
    /** A solver's answer against an analytic one (the clearing module's own bound). */
    static final double ANALYTIC = 1e-7;

    private Tolerances() {
    }
}
