package org.peerclear.clearing.horizon;

import java.util.List;
import org.peerclear.opt.Status;
import org.peerclear.result.NetworkOutcome;

/**
 * A horizon's clearing: per period {@code t} the asset set-points, trades (per arc), agent prices
 * and bilateral prices (per arc), as in a single period's result; per storage link (in the
 * horizon's order) its energy over {@code from..to} ({@code to − from + 1} entries) and its
 * charge and discharge per connected period; with a feeder, per period the network price at each
 * agent's bus (0 for agents without one) and the AC check of the period's dispatch (empty
 * without a feeder). The arrays are null when there is no point.
 * {@code objective} is the total cost over the horizon (welfare is its negation).
 *
 * @param status             how the clearing ended, certified
 * @param message            what the status means for this run (residuals, the failed check, the solver's account)
 * @param solver             the back-end's name, or {@code admm}
 * @param objective          the total cost over the horizon, currency; NaN without a point
 * @param seconds            the wall-clock time of the clearing
 * @param assetPower         {@code [t][asset]}, power unit, {@code > 0} injects
 * @param trades             {@code [t][arc]}, power unit, {@code > 0}: the arc's from-agent sells
 * @param agentPrices        {@code [t][agent]}, currency per unit of power for one period; NaN where undefined
 * @param tradePrices        {@code [t][arc]}, currency per unit of power for one period
 * @param energy             {@code [storage link][t − from]}, {@code to − from + 1} entries, power unit × hours
 * @param charge             {@code [storage link][t − from]}, power unit, {@code >= 0}
 * @param discharge          {@code [storage link][t − from]}, power unit, {@code >= 0}
 * @param agentNetworkPrices {@code [t][agent]}, the network price at the agent's bus, currency per unit of power for one period
 * @param network            per period the AC check of its dispatch; empty without a feeder
 */
public record HorizonResult(Status status, String message, String solver, double objective, double seconds,
                            double[][] assetPower, double[][] trades, double[][] agentPrices, double[][] tradePrices,
                            double[][] energy, double[][] charge, double[][] discharge, double[][] agentNetworkPrices,
                            List<NetworkOutcome> network) {
    /**
     * {@return {@code true} when the result carries a point (OPTIMAL, FEASIBLE, TIME_LIMIT); else its arrays are
     * null}
     */
    public boolean hasSolution() {
        return status.hasSolution();
    }

    /** {@return the social welfare over the horizon, {@code -objective()}, currency; higher is better} */
    public double welfare() {
        return -objective;
    }
}
