package org.peerclear.settlement;

/**
 * The energy statement of one period, in the market's power unit (energy per period is that
 * times {@code periodHours}): {@code traded + grid + losses = generation − consumption} where
 * {@code traded} is the net of all peer trades (zero when every pair agrees), {@code grid} the
 * grid's net purchase from the community ({@code −p_grid}) and {@code losses} the losses inside
 * the market's balance (zero: the market balance is lossless; AC losses are settled in money,
 * from the result's {@code lossAllocation}). {@code residual} adds to that balance's error the
 * largest disagreement between an agent's injection and the sum of its own trades.
 *
 * @param period      the period, from 0
 * @param generation  Σ of the agents' positive injections
 * @param consumption Σ of the agents' withdrawals, positive
 * @param traded      Σ of all peer trade records (both directions)
 * @param grid        the grid's net purchase, {@code −p_grid}
 * @param losses      losses in the market's balance
 * @param residual    the statement's error plus the worst agent's |p − Σ its trades|
 * @param scale       the period's gross power, for the relative test
 */
public record EnergyCheck(int period, double generation, double consumption, double traded, double grid,
        double losses, double residual, double scale) {
    /** {@return whether the residual is within {@link SettlementTolerances#ENERGY_RELATIVE} of the scale (at least 1)} */
    public boolean conserved() {
        return Math.abs(residual) <= SettlementTolerances.ENERGY_RELATIVE * Math.max(1.0, scale);
    }
}
