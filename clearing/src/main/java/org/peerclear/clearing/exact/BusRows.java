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
    /** {@return the number of buses the rows are over; their injections are the solver's network unknowns} */
    int numBuses();

    /**
     * The bus an agent injects at.
     *
     * @param agent an agent of the market's index
     * @return its bus, {@code 0 <= q < numBuses()}; -1 for an agent that injects into no row
     */
    int busOf(int agent);

    /** {@return the number of rows} */
    int numRows();

    /**
     * Every row's value at the buses' injections {@code busPower} (exact, not a linearisation of it).
     *
     * @param busPower the net injection per bus, market power unit ({@code > 0} injects)
     * @param out      filled with one value per row, in the row's own unit, to compare with its bounds
     */
    void values(double[] busPower, double[] out);

    /**
     * Row r's lower bound.
     *
     * @param r a row, {@code 0 <= r < numRows()}
     * @return the bound on the row's whole value, {@code c0_r} included
     */
    double lower(int r);

    /**
     * Row r's upper bound.
     *
     * @param r a row, {@code 0 <= r < numRows()}
     * @return the bound on the row's whole value, {@code c0_r} included
     */
    double upper(int r);

    /**
     * Row r's coefficients over the buses, {@code out[q] = c_rq}.
     *
     * @param r   a row, {@code 0 <= r < numRows()}
     * @param out filled with one coefficient per bus: the row's change per market power unit injected there
     */
    void coefficients(int r, double[] out);

    /**
     * The fixed part of the network price at bus q (e.g. the cost of the losses it causes, negated).
     *
     * @param q a bus, {@code 0 <= q < numBuses()}
     * @return {@code shift_q}, currency per unit of power for one period; 0 when there is none
     */
    double priceShift(int q);

    /**
     * The row's name for messages.
     *
     * @param r a row, {@code 0 <= r < numRows()}
     * @return e.g. {@code "voltage at bus 18"}
     */
    String rowName(int r);
}
