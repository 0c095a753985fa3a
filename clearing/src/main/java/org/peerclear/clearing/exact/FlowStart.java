package org.peerclear.clearing.exact;

/**
 * A method option: agent prices for solver {@code flow} to start from (e.g. an ADMM run's), one
 * per agent of the market's index, NaN where unknown. Only a start: the solver makes them dual
 * feasible and ends at the exact optimum whatever they are; a good start spares it rounds.
 *
 * @param agentPrices a price per agent of the market's index, currency per unit of power for one period; NaN where unknown
 */
public record FlowStart(double[] agentPrices) {
    /**
     * Keeps a copy, so that the caller's array may change afterwards.
     *
     * @param agentPrices a price per agent of the market's index, currency per unit of power for one period; NaN where unknown
     */
    public FlowStart {
        agentPrices = agentPrices.clone();
    }
}
