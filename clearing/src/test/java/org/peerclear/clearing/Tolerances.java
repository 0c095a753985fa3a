package org.peerclear.clearing;

/** The clearing module's test tolerances, in one place. */
public final class Tolerances {
    /** Published numbers given to 3-4 decimals: compare to half a unit of their last digit. */
    public static final double PUBLISHED_PRICE = 5e-5;
    public static final double PUBLISHED_OBJECTIVE = 5e-4;
    /** Analytic solutions of small markets (exact arithmetic up to solver accuracy). */
    public static final double ANALYTIC = 1e-7;
    /** Settlement: Σ payments + fees collected = 0, relative to the money that changed hands. */
    public static final double MONEY = 1e-9;

    private Tolerances() {
    }
}
