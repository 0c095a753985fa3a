package org.peerclear.clearing.horizon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerclear.clearing.Certification;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmClearing;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.admm.HorizonConsensus;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.network.AcCheck;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.Status;
import org.peerclear.result.NetworkOutcome;
import org.peerclear.result.ResultVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears a {@link Horizon} by consensus ADMM, decentralised ({@link HorizonConsensus}): each
 * agent negotiates its trades of every period with its partners; an agent with a store, a
 * shiftable load or a ramp decides its whole horizon in each local step (an exact small QP), the
 * others each period apart. Options: {@link AdmmOptions} via
 * {@link ClearingOptions#methodOptions(Class)}, or {@link AdmmOptions#DEFAULT} (rho from the
 * data). The result's solver is {@value #NAME}.
 *
 * <p>The status is the certificate's, as for {@link HorizonClearing}: the ADMM's last iterate is
 * mapped onto the centralised problem over the horizon ({@link HorizonFormulation}): set-points
 * and charge, discharge and energy from the agents' local steps, each trade the pair's consensus,
 * the agents' and pairs' prices on the balance and reciprocity rows, and the stores', shiftable
 * loads' and ramps' rows priced by the duals of their owners' local QPs; that point and those
 * duals must pass the problem's KKT certificate with the market tolerances
 * ({@link Certification#judge}) for {@code OPTIMAL}. A run whose stopping rule did not hold is
 * {@code NOT_CONVERGED} (with the last iterate, which has no claim to optimality); at the time
 * limit {@code TIME_LIMIT}. There is no polish over a horizon: the accuracy is the stopping
 * rule's (eps 1e-8 to 1e-10 for agreement with the centralised optimum to about 1e-8 relative
 * welfare on the tested days). Residual balancing ({@code adaptiveRho}) is not advised here: on a
 * generated day of 20 households it drove rho to 1e11 and the run did not converge in 100,000
 * iterations, where the fixed rho from the data converged in 1,663. With a feeder, the system operator of each period joins the
 * consensus (see {@link HorizonConsensus}); its multipliers price the period's LinDistFlow rows in
 * the certificate, its network prices are reported per agent and period, and each period's
 * dispatch gets the AC check, as in {@link HorizonClearing}.
 */
public final class HorizonAdmm {
    private static final Logger LOG = LoggerFactory.getLogger(HorizonAdmm.class);
    /** The solver name the results report, the one-period ADMM's ({@code admm}). */
    public static final String NAME = AdmmClearing.NAME;

    /**
     * Clears a horizon by ADMM and certifies the last iterate on the centralised problem.
     *
     * @param h       the horizon
     * @param options the shared options (time limit, progress listener) and the {@link AdmmOptions}, if any
     * @return the result: the last iterate with the certificate's status, {@code NOT_CONVERGED} or
     *         {@code TIME_LIMIT} with the residuals in the message, or {@code INFEASIBLE} without a point when a
     *         period's system operator finds its limits admit no injections; {@code FEASIBLE} at best when a local
     *         QP ended without a KKT point
     */
    public HorizonResult clear(Horizon h, ClearingOptions options) {
        long start = System.nanoTime();
        AdmmOptions o = options.methodOptions(AdmmOptions.class).orElse(AdmmOptions.DEFAULT);
        HorizonConsensus admm = new HorizonConsensus(h, o);
        LOG.debug("Clearing a horizon of {} periods with ADMM {} (rho {}), {} agents with a local QP over the horizon",
                h.length(), o, admm.initialRho(), admm.linkedAgents());
        boolean ok = admm.run(options.listener(), NAME, options.timeLimitSeconds());
        String residuals = String.format(Locale.ROOT,
                "ADMM: r = %.3e, s = %.3e, price dispersion %.3e after %d iterations (rho %.4g); %d trade messages;"
                        + " %d local QPs over the horizon without a KKT point",
                admm.primalResidual(), admm.dualResidual(), admm.dispersion(), admm.iterations(), admm.rho(), admm.messages(),
                admm.localFailures());
        if (!admm.networkFeasible()) {
            return new HorizonResult(Status.INFEASIBLE, "a period's system operator found its LinDistFlow limits admit no injections; "
                    + residuals, NAME, Double.NaN, (System.nanoTime() - start) * 1e-9, null, null, null, null, null, null, null,
                    null, List.of());
        }
        Status claimed = ok ? Status.OPTIMAL : admm.timedOut() ? Status.TIME_LIMIT : Status.NOT_CONVERGED;
        HorizonFormulation f = new HorizonFormulation(h);
        double[][] p = admm.assetPower();
        double[][] t = admm.trades();
        double[][] mu = admm.agentPrices();
        double[][] lambda = admm.tradePrices();
        int ns = h.storages().size();
        double[][] energy = new double[ns][];
        double[][] charge = new double[ns][];
        double[][] discharge = new double[ns][];
        for (int k = 0; k < ns; k++) {
            energy[k] = admm.energy(k);
            charge[k] = admm.charge(k);
            discharge[k] = admm.discharge(k);
        }
        Problem problem = f.problem;
        double[] x = new double[problem.numVariables()];
        double[] y = new double[problem.numRows()];
        double[][] pi = admm.agentNetworkPrices();
        map(h, f, admm, p, t, mu, lambda, pi, energy, charge, discharge, x, y);
        List<NetworkOutcome> ac = new ArrayList<>();
        for (int k = 0; k < h.networks().size(); k++) {
            ac.add(AcCheck.evaluate(h.networks().get(k), p[k], admm.busPrices(k)));
        }
        double objective = problem.objective(x);
        String message = ok ? "stopping rule " + o.stopping().name().toLowerCase(Locale.ROOT) + " at eps " + o.eps() + " holds: "
                + residuals : (admm.timedOut() ? "time limit of " + options.timeLimitSeconds() + " s reached: "
                : "no convergence within " + o.maxIterations() + " iterations: ") + residuals;
        Status status = claimed;
        if (claimed != Status.NOT_CONVERGED) {
            OptimalityCertificate kkt = OptimalityCertificate.of(problem, x, y);
            Certification.Verdict v = Certification.judge(claimed, null, kkt, HorizonClearing.scales(h), Math.max(1.0, Math.abs(objective)),
                    Status.NOT_CONVERGED, ResultVerifier.Tolerances.DEFAULT);
            status = admm.localFailures() > 0 && v.status() == Status.OPTIMAL ? Status.FEASIBLE : v.status();
            message = message + "; " + kkt + (v.message().isEmpty() ? "" : "; " + v.message());
        }
        return new HorizonResult(status, message, NAME, objective, (System.nanoTime() - start) * 1e-9, p, t, mu, lambda, energy,
                charge, discharge, pi, ac);
    }

    /** The ADMM's point and prices as a point and duals of the horizon problem (see the class comment). */
    private static void map(Horizon h, HorizonFormulation f, HorizonConsensus admm, double[][] p, double[][] t, double[][] mu,
                            double[][] lambda, double[][] pi, double[][] energy, double[][] charge, double[][] discharge, double[] x,
                            double[] y) {
        int[] cols = new int[2];
        double[] vals = new double[2];
        for (int k = 0; k < h.length(); k++) {
            var b = f.blocks[k];
            MarketIndex ix = h.periods().get(k);
            for (int s = 0; s < ix.numAssets(); s++) {
                x[b.assetVariable(s)] = p[k][s];
            }
            for (int a = 0; a < ix.numArcs(); a++) {
                if (b.tradeTerms(a, cols, vals, 0, 1.0) == 1) {
                    x[cols[0]] = t[k][a];
                } else {
                    x[cols[0]] = Math.max(t[k][a], 0.0);
                    x[cols[1]] = Math.max(-t[k][a], 0.0);
                }
                y[b.pairRow(a)] = lambda[k][a];
            }
            for (int n = 0; n < ix.numAgents(); n++) {
                if (b.balanceRow(n) >= 0) {
                    y[b.balanceRow(n)] = Double.isFinite(mu[k][n]) ? mu[k][n] : 0.0;
                }
            }
            if (f.network.length > 0) {
                mapNetwork(h.networks().get(k), f.network[k], admm, k, ix, p[k], pi[k], x, y);
            }
        }
        for (int k = 0; k < h.storages().size(); k++) {
            put(x, f.energy[k], energy[k]);
            put(x, f.charge[k], charge[k]);
            put(x, f.discharge[k], discharge[k]);
            put(y, f.storageRow[k], admm.storageDuals(k));
            put(y, f.energyRow[k], admm.energyDuals(k));
        }
        for (int j = 0; j < h.shiftables().size(); j++) {
            y[f.shiftableRow[j]] = admm.shiftableDual(j);
        }
        for (int j = 0; j < h.ramps().size(); j++) {
            double[] d = admm.rampDuals(j);
            for (int i = 0; i < d.length; i++) {
                y[f.rampUpRow[j][i]] = Math.min(d[i], 0.0);
                y[f.rampDownRow[j][i]] = Math.max(d[i], 0.0);
            }
        }
    }

    /**
     * Period k's feeder rows, as for one period ({@code AdmmNetworkCertificate}): bus injections
     * summed from the set-points, each bus row priced by its agents' network price, the voltage and
     * flow rows by the period's operator multipliers.
     */
    private static void mapNetwork(NetworkModel net, LinDistFlowConstraints rows, HorizonConsensus admm, int k, MarketIndex ix,
                                   double[] p, double[] pi, double[] x, double[] y) {
        int[] start = ix.assetStart();
        for (int n = 0; n < ix.numAgents(); n++) {
            int bus = net.agentBus(n);
            int bv = bus >= 0 ? rows.busVariable(bus) : -1;
            if (bv < 0) {
                continue;
            }
            for (int s = start[n]; s < start[n + 1]; s++) {
                x[bv] += p[s];
            }
            y[rows.busRow(bus)] = pi[n];
        }
        admm.addRowDuals(k, rows, y);
    }

    private static void put(double[] into, int[] at, double[] values) {
        for (int i = 0; i < at.length; i++) {
            into[at[i]] = values[i];
        }
    }
}
