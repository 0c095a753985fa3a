package org.peerclear.clearing.admm;

import java.util.List;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;

/**
 * The KKT certificate of a network-aware ADMM result on the centralised problem (the unified
 * market with the LinDistFlow rows of {@link LinDistFlowConstraints}, the rows the system
 * operator projects onto): the market certificate has no gap term for the network rows, so an
 * ADMM result with a network is certified here, as the centralised clearing's is. The point is
 * the one the result was built from, in ADMM's own index (set-points, trades split into
 * {@code t⁺ − t⁻} where gamma is positive, bus injections summed from the set-points); the duals
 * are the agents' and pairs' prices, the network price at each bus for its bus row, and the
 * operator's last multipliers for the voltage and flow rows ({@link AdmmNetworkOperator#addRowDuals}).
 */
final class AdmmNetworkCertificate {
    private AdmmNetworkCertificate() {
    }

    /** {@code pt} and {@code pi} (network price per agent) are what the result was built from, in {@code ix}'s order. */
    static OptimalityCertificate of(MarketIndex ix, NetworkModel net, AdmmNetworkOperator operator, double rho,
                                    AdmmPolish.Point pt, double[] pi) {
        LinDistFlowConstraints rows = new LinDistFlowConstraints(net);
        UnifiedFormulation f = UnifiedFormulation.of(ix, List.of(rows));
        Problem problem = f.problem();
        double[] x = new double[problem.numVariables()];
        double[] y = new double[problem.numRows()];
        double[] p = pt.assetPower();
        double[] t = pt.trades();
        double[] mu = pt.agentPrices();
        double[] lambda = pt.tradePrices();
        int[] start = ix.assetStart();
        for (int n = 0; n < ix.numAgents(); n++) {
            if (f.balanceRow(n) >= 0) {
                y[f.balanceRow(n)] = mu[n];
            }
            int b = net.agentBus(n);
            int bv = b >= 0 ? rows.busVariable(b) : -1;
            for (int s = start[n]; s < start[n + 1]; s++) {
                x[f.assetVariable(s)] = p[s];
                if (bv >= 0) {
                    x[bv] += p[s];
                }
            }
            if (bv >= 0) {
                y[rows.busRow(b)] = pi[n];
            }
        }
        int[] cols = new int[2];
        double[] vals = new double[2];
        for (int k = 0; k < ix.numArcs(); k++) {
            if (f.tradeTerms(k, cols, vals, 0, 1.0) == 1) {
                x[cols[0]] = t[k];
            } else {
                x[cols[0]] = Math.max(t[k], 0.0);
                x[cols[1]] = Math.max(-t[k], 0.0);
            }
            y[f.pairRow(k)] = lambda[k];
        }
        operator.addRowDuals(rho, rows, y);
        return OptimalityCertificate.of(problem, x, y);
    }
}
