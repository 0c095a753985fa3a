package org.peerclear.settlement;

/**
 * The energy statement of one period, in the market's power unit (energy per period is that
 * times {@code periodHours}): {@code traded + grid + losses = generation − consumption}, where
 * {@code traded} is the net of all peer trade records (zero when every pair agrees) and
 * {@code grid} what the grid takes from the market's agents. On a feeder whose AC flows the
 * result gives, {@code grid} is measured at the substation (the feeder's own loads less what the
 * substation sends into the branches, plus what agents at the substation inject) and
 * {@code losses} are the result's AC losses of the period: the grid supplies the market's net
 * purchase and the losses. Without AC flows {@code grid} is the grid's market position
 * {@code −p_grid} and {@code losses} zero (the market's balance is lossless). For an auction,
 * generation is what was sold, consumption what was bought. {@code residual} adds to the
 * statement's error the largest disagreement between an agent's injection and the sum of its own
 * trades.
 *
 * @param period      the period, from 0
 * @param generation  Σ of the agents' positive injections
 * @param consumption Σ of the agents' withdrawals, positive
 * @param traded      Σ of all peer trade records (both directions)
 * @param grid        what the grid takes from the market's agents
 * @param losses      the AC losses the grid supplies
 * @param residual    the statement's error plus the worst agent's |p − Σ its trades|
 * @param scale       the period's gross power (the agents' |p|, with a feeder also its own loads, the
 *                    substation's flow and the losses), for the relative test
 */
public record EnergyCheck(int period, double generation, double consumption, double traded, double grid,
        double losses, double residual, double scale) {
    /** {@return whether the residual is within {@link SettlementTolerances#ENERGY_RELATIVE} of the scale (at least 1)} */
    public boolean conserved() {
        return Math.abs(residual) <= SettlementTolerances.ENERGY_RELATIVE * Math.max(1.0, scale);
    }
}
