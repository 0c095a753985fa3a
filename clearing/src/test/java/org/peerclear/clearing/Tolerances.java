package org.peerclear.clearing;

/** The clearing module's test tolerances, in one place. */
public final class Tolerances {
    /** Published numbers given to 3-4 decimals: compare to half a unit of their last digit. */
    public static final double PUBLISHED_PRICE = 5e-5;
    public static final double PUBLISHED_OBJECTIVE = 5e-4;
    /** Analytic solutions of small markets (exact arithmetic up to solver accuracy). */
    public static final double ANALYTIC = 1e-7;
    /** Money: a seller's record of a trade's money against its buyer's, relative to the money that changed hands. */
    public static final double MONEY = 1e-9;

    /** ADMM against the centralised QP: welfare, relative (the requirement). */
    public static final double ADMM_WELFARE_RELATIVE = 1e-6;
    /** ADMM against the centralised QP: prices, absolute (the requirement). */
    public static final double ADMM_PRICE = 1e-4;
    /**
     * The paper-rule eps at which the unpolished ADMM iterate is compared with the centralised QP:
     * at 1e-8 its welfare differs by up to 1.4e-6 (100 peers, complete, no gamma) and 4.5e-6
     * (IEEE 14 with a grid). The polished result meets the comparison at {@link #ADMM_PAPER_EPS}.
     */
    public static final double ADMM_EPS = 1e-10;

    /** The paper-rule eps for ADMM: sums of squares of the residuals below 1e-8. */
    public static final double ADMM_PAPER_EPS = 1e-8;

    private Tolerances() {
    }
}
