package org.peerclear.opt;

/**
 * The core module's numerical tolerances, in one place so that every judgement about rounding
 * in the model, the back-ends' bridge and the results can be seen at once. Each is relative to
 * the scale named beside it. (The clearing module keeps its own in
 * {@code org.peerclear.clearing.NumericalTolerances}; tests keep theirs in the test tree.)
 */
public final class NumericalTolerances {
    /**
     * The result verifier's default for its three tests (primal, price, gap), each relative to
     * the market's scales; why 1e-6 is in {@code ResultVerifier.Tolerances}.
     */
    public static final double VERIFIER_DEFAULT = 1e-6;

    /**
     * A trade whose magnitude is at most this (power unit) is reported as no trade; smaller
     * trades are the solvers' rounding.
     */
    public static final double TRADE_REPORTED = 1e-9;

    /** An AC voltage this far (pu) outside [vMin, vMax] still counts as within the limits. */
    public static final double AC_VOLTAGE_LIMIT = 1e-9;

    /** ojAlgo bridge: activity tolerance (relative) for points that are exact up to rounding. */
    public static final double KKT_DUAL_ACTIVE = 1e-9;

    /** ojAlgo bridge: activity tolerance (relative) when guessing the active set from an ADMM point. */
    public static final double KKT_POLISH_ACTIVE = 1e-6;

    /** ojAlgo bridge: residual, relative to 1 + |g_j|, under which a stationarity equation counts as satisfied. */
    public static final double KKT_RESIDUAL = 1e-9;

    /** ojAlgo bridge: KKT tolerance a polished pair must meet to be returned without a second dual LP. */
    public static final double OJALGO_CERTIFICATE = 1e-9;

    private NumericalTolerances() {
    }
}
