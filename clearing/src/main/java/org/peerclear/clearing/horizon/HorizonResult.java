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
 */
public record HorizonResult(Status status, String message, String solver, double objective, double seconds,
                            double[][] assetPower, double[][] trades, double[][] agentPrices, double[][] tradePrices,
                            double[][] energy, double[][] charge, double[][] discharge, double[][] agentNetworkPrices,
                            List<NetworkOutcome> network) {
    public boolean hasSolution() {
        return status.hasSolution();
    }

    public double welfare() {
        return -objective;
    }
}
