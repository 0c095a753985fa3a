package org.peerclear.clearing.exact;

/**
 * Linear rows on the buses' net injections, as {@link FeederSolver} sees a feeder's limits:
 * {@code lower_r ≤ Σ_q c_rq·P_q + c0_r ≤ upper_r}, where {@code P_q} is the net injection of the
 * agents at bus {@code q} (market power units, positive = generation). Buses are numbered
 * {@code 0..numBuses()-1}; agents outside them (the substation, managers, the grid's legs) inject
 * into no row. Each row is two-sided; its multiplier {@code y_r} is ≥ 0 at the lower bound, ≤ 0 at
 * the upper, and the network price at bus q is {@code pi_q = shift_q + Σ_r y_r·c_rq}: what an
 * injection there is worth on top of its agent's price.
 */
public interface BusRows {
    int numBuses();

    /** The bus agent n injects at, or -1. */
    int busOf(int agent);

    int numRows();

    /** Every row's value at the buses' injections {@code busPower} (exact, not a linearisation of it). */
    void values(double[] busPower, double[] out);

    double lower(int r);

    double upper(int r);

    /** Row r's coefficients over the buses, {@code out[q] = c_rq}. */
    void coefficients(int r, double[] out);

    /** The fixed part of the network price at bus q (e.g. the cost of the losses it causes, negated). */
    double priceShift(int q);

    /** The row's name for messages. */
    String rowName(int r);
}
