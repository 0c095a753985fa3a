package org.peerclear.clearing.admm;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.clearing.ProgressListener;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.RampLink;
import org.peerclear.clearing.horizon.model.ShiftableLink;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.index.MarketIndex;

/**
 * Consensus ADMM over a {@link Horizon}: the one engine of {@link ConsensusAdmm} on the
 * horizon's periods stacked into one market ({@link MarketIndex#stacked}: agent n of period t
 * is one agent of it, its trades are that period's), so that a pair's consensus and price are
 * per period and every mode of the engine (synchronous, asynchronous, threads) applies as it
 * is. An agent whose assets are not linked across periods has a local problem that separates
 * by period: each of its periods takes the one-period step ({@link LocalStep}). An agent with a
 * store, a shiftable load or a ramp decides its whole horizon in one local step, the small QP
 * of {@link HorizonLocalQp}, which gives the engine its price in every period; its periods are
 * one agent in the asynchronous draw.
 *
 * <p>With a feeder, the system operator joins per period ({@link AdmmNetworkOperator} on each
 * period's feeder, as in one period's clearing); an agent's local QP over the horizon then
 * carries the operator's penalty on its net injection in every period.
 *
 * <p>What this class returns is the run's last completed iteration, per period; the caller
 * certifies it ({@code HorizonAdmm} in the horizon package).
 *
 * <p>Not thread-safe: one run at a time.
 */
public final class HorizonConsensus {
    private final Horizon horizon;
    private final MarketIndex stacked;
    private final MarketIndex period0;
    private final int periods;
    private final ConsensusAdmm admm;
    private final HorizonLocalQp[] byAgent;
    private final double rho;
    /** The system operator of every period (null without a feeder). */
    private final HorizonOperator operator;

    /**
     * The engine for a horizon, cold. Builds each period's system operator and the local QP of every agent whose
     * assets are linked across periods, so it costs more than one iteration.
     *
     * @param h the horizon to clear
     * @param o the options; rho is chosen from the stacked market's data when they say so
     *          ({@link AdmmOptions#rhoFromData()}), else {@link AdmmOptions#rho()} is used
     */
    public HorizonConsensus(Horizon h, AdmmOptions o) {
        this.horizon = h;
        this.periods = h.length();
        this.period0 = h.periods().get(0);
        this.stacked = MarketIndex.stacked(h.periods());
        this.rho = o.rhoFromData() ? AdmmOptions.rhoFromData(stacked) : o.rho();
        boolean[] linked = new boolean[period0.numAgents()];
        int[] owner = period0.assetOwner();
        for (StorageLink s : h.storages()) {
            linked[owner[s.asset()]] = true;
        }
        for (ShiftableLink s : h.shiftables()) {
            linked[owner[s.asset()]] = true;
        }
        for (RampLink r : h.ramps()) {
            linked[owner[r.asset()]] = true;
        }
        if (h.networks().isEmpty()) {
            operator = null;
        } else {
            List<AdmmNetworkOperator> ops = new ArrayList<>();
            for (int t = 0; t < periods; t++) {
                ops.add(new AdmmNetworkOperator(h.networks().get(t), h.periods().get(t)));
            }
            operator = new HorizonOperator(ops, period0.numAgents());
        }
        HorizonLocalQp[] groups = new HorizonLocalQp[stacked.numAgents()];
        byAgent = new HorizonLocalQp[period0.numAgents()];
        for (int n = 0; n < linked.length; n++) {
            if (linked[n]) {
                HorizonLocalQp g = new HorizonLocalQp(n, stacked, period0, periods, h.periodHours(), h.storages(),
                        h.shiftables(), h.ramps(), operator != null && operator.covers(n * periods));
                byAgent[n] = g;
                for (int t = 0; t < periods; t++) {
                    groups[n * periods + t] = g;
                }
            }
        }
        this.admm = new ConsensusAdmm(stacked, o.withRho(rho), operator, groups, periods);
    }

    /**
     * Runs to the stopping rule, the iteration limit or the time limit, whichever comes first (see
     * {@link ConsensusAdmm#run(ProgressListener, String, double)}).
     *
     * @param listener         receives the progress reports
     * @param methodName       the name the reports carry
     * @param timeLimitSeconds seconds from now; {@code +∞} for none
     * @return {@code true} when the stopping rule held; {@link #timedOut()} and {@link #networkFeasible()} tell
     *         why not
     */
    public boolean run(ProgressListener listener, String methodName, double timeLimitSeconds) {
        return admm.run(listener, methodName, timeLimitSeconds);
    }

    /** {@return the iterations taken (one local step of every agent in every period each)} */
    public long iterations() {
        return admm.iterations();
    }

    /**
     * {@return the primal residual r of the last iteration, summed over the periods (see
     * {@link ConsensusAdmm#primalResidual()})}
     */
    public double primalResidual() {
        return admm.primalResidual();
    }

    /**
     * {@return the dual residual s of the last iteration, summed over the periods (see
     * {@link ConsensusAdmm#dualResidual()})}
     */
    public double dualResidual() {
        return admm.dualResidual();
    }

    /** {@return the largest price dispersion over the periods' arcs at the end of the run, currency per unit of power for one period} */
    public double dispersion() {
        return admm.dispersion();
    }

    /** {@return the penalty now (it changes with residual balancing)} */
    public double rho() {
        return admm.rho();
    }

    /** {@return the penalty the run started from: the options' or the one chosen from the data} */
    public double initialRho() {
        return rho;
    }

    /** {@return the trade messages sent, one per directed arc of each agent at each local step, over all periods} */
    public long messages() {
        return admm.messages();
    }

    /** {@return {@code true} when the run was ended by its time limit} */
    public boolean timedOut() {
        return admm.timedOut();
    }

    /** {@return the local QPs over the horizon that ended without a KKT point; 0 when every local step was exact} */
    public long localFailures() {
        return admm.localFailures();
    }

    /** {@return how many agents take their local step as a QP over the horizon (those with linked assets)} */
    public int linkedAgents() {
        int c = 0;
        for (HorizonLocalQp g : byAgent) {
            c += g == null ? 0 : 1;
        }
        return c;
    }

    /**
     * {@return per period, each agent's price in period 0's agent order, currency per unit of power for one period (NaN for an agent
     * without assets or arcs)}
     */
    public double[][] agentPrices() {
        double[] mu = admm.agentPrices();
        double[][] out = new double[periods][period0.numAgents()];
        for (int n = 0; n < period0.numAgents(); n++) {
            for (int t = 0; t < periods; t++) {
                out[t][n] = mu[n * periods + t];
            }
        }
        return out;
    }

    /**
     * {@return per period, each arc's trade in period 0's arc order: the pair's consensus {@code (t_k − t_k')/2},
     * so that reciprocity is exact; power unit, {@code > 0}: the arc's from-agent sells}
     */
    public double[][] trades() {
        double[] raw = admm.trades();
        double[][] out = new double[periods][period0.numArcs()];
        for (int k = 0; k < period0.numArcs(); k += 2) {
            for (int t = 0; t < periods; t++) {
                int d = 2 * ((k >> 1) * periods + t);
                double c = 0.5 * (raw[d] - raw[d + 1]);
                out[t][k] = c;
                out[t][k + 1] = -c;
            }
        }
        return out;
    }

    /** {@return per period, each arc's bilateral price in period 0's arc order, currency per unit of power for one period} */
    public double[][] tradePrices() {
        double[] lam = admm.tradePrices();
        double[][] out = new double[periods][period0.numArcs()];
        for (int k = 0; k < period0.numArcs(); k++) {
            for (int t = 0; t < periods; t++) {
                out[t][k] = lam[2 * ((k >> 1) * periods + t) + (k & 1)];
            }
        }
        return out;
    }

    /**
     * {@return per period, each asset's set-point from the agents' last local steps, in period 0's asset order;
     * power unit, {@code > 0} injects}
     */
    public double[][] assetPower() {
        double[] p = admm.assetPower();
        double[][] out = new double[periods][period0.numAssets()];
        int[] start0 = period0.assetStart();
        int[] startS = stacked.assetStart();
        for (int n = 0; n < period0.numAgents(); n++) {
            for (int t = 0; t < periods; t++) {
                for (int k = 0; k < start0[n + 1] - start0[n]; k++) {
                    out[t][start0[n] + k] = p[startS[n * periods + t] + k];
                }
            }
        }
        return out;
    }

    /** The local QP of the agent that owns the asset (in period 0's numbering). */
    private HorizonLocalQp owner(int asset) {
        return byAgent[period0.assetOwner()[asset]];
    }

    private int slot(int[] links, int k) {
        for (int j = 0; j < links.length; j++) {
            if (links[j] == k) {
                return j;
            }
        }
        throw new IllegalStateException("link " + k + " not in its owner's local problem");
    }

    /**
     * Storage link k's energy held, from its first connected period to the period after its last.
     *
     * @param k the link's index in {@link Horizon#storages()}
     * @return {@code E_from .. E_to}, {@code to − from + 1} values, power unit × hours
     * @throws IllegalStateException if the link is not in its owner's local QP (a construction error)
     */
    public double[] energy(int k) {
        return storageValues(k, 2);
    }

    /**
     * Storage link k's charging power per connected period.
     *
     * @param k the link's index in {@link Horizon#storages()}
     * @return {@code c_from .. c_{to−1}}, power unit, {@code >= 0}
     * @throws IllegalStateException if the link is not in its owner's local QP (a construction error)
     */
    public double[] charge(int k) {
        return storageValues(k, 0);
    }

    /**
     * Storage link k's discharging power per connected period.
     *
     * @param k the link's index in {@link Horizon#storages()}
     * @return {@code d_from .. d_{to−1}}, power unit, {@code >= 0}
     * @throws IllegalStateException if the link is not in its owner's local QP (a construction error)
     */
    public double[] discharge(int k) {
        return storageValues(k, 1);
    }

    private double[] storageValues(int k, int which) {
        StorageLink s = horizon.storages().get(k);
        HorizonLocalQp g = owner(s.asset());
        int j = slot(g.storeLink, k);
        int len = s.to() - s.from();
        int first = which == 0 ? g.chargeVar[j] : which == 1 ? g.dischargeVar[j] : g.energyVar[j];
        double[] x = g.point[admm.currentBuffer()];
        double[] out = new double[which == 2 ? len + 1 : len];
        System.arraycopy(x, first, out, 0, out.length);
        return out;
    }

    /**
     * Storage link k's duals of its injection rows {@code p_t − d_t + c_t = 0}, per connected period, from its
     * owner's local QP in the sign convention of the centralised problem over the horizon, whose duals they
     * stand for in the certificate.
     *
     * @param k the link's index in {@link Horizon#storages()}
     * @return {@code to − from} duals, currency per unit of power for one period
     * @throws IllegalStateException if the link is not in its owner's local QP (a construction error)
     */
    public double[] storageDuals(int k) {
        return storageRowDuals(k, true);
    }

    /**
     * Storage link k's duals of its energy rows {@code E_{t+1} − E_t − h·ηc·c_t + (h/ηd)·d_t = 0}, per connected
     * period: the shadow price of stored energy, in the convention of {@link #storageDuals(int)}.
     *
     * @param k the link's index in {@link Horizon#storages()}
     * @return {@code to − from} duals
     * @throws IllegalStateException if the link is not in its owner's local QP (a construction error)
     */
    public double[] energyDuals(int k) {
        return storageRowDuals(k, false);
    }

    private double[] storageRowDuals(int k, boolean injection) {
        StorageLink s = horizon.storages().get(k);
        HorizonLocalQp g = owner(s.asset());
        int j = slot(g.storeLink, k);
        int len = s.to() - s.from();
        double[] out = new double[len];
        System.arraycopy(g.duals[admm.currentBuffer()], injection ? g.storageRow[j] : g.energyRow[j], out, 0, len);
        return out;
    }

    /**
     * Shiftable link k's dual of its total's row {@code Σ_{t in window} p_t = −energy / h}, from its owner's local
     * QP in the convention of {@link #storageDuals(int)}.
     *
     * @param k the link's index in {@link Horizon#shiftables()}
     * @return the dual, currency per unit of power for one period
     * @throws IllegalStateException if the link is not in its owner's local QP (a construction error)
     */
    public double shiftableDual(int k) {
        HorizonLocalQp g = owner(horizon.shiftables().get(k).asset());
        return g.duals[admm.currentBuffer()][g.shiftRow[slot(g.shiftLink, k)]];
    }

    /**
     * Ramp link k's duals per period t ≥ 1 (at t − 1) of its row {@code p_t − p_{t−1} − r_t = 0}:
     * negative when the ramp up binds, positive when the ramp down does.
     *
     * @param k the link's index in {@link Horizon#ramps()}
     * @return {@code T − 1} duals (none for one period), currency per unit of power for one period
     * @throws IllegalStateException if the link is not in its owner's local QP (a construction error)
     */
    public double[] rampDuals(int k) {
        HorizonLocalQp g = owner(horizon.ramps().get(k).asset());
        double[] out = new double[Math.max(0, periods - 1)];
        System.arraycopy(g.duals[admm.currentBuffer()], g.rampRow[slot(g.rampLink, k)], out, 0, out.length);
        return out;
    }

    /**
     * {@return {@code false} when a period's system operator found its limits infeasible; {@code true} without a
     * feeder}
     */
    public boolean networkFeasible() {
        return operator == null || operator.feasible();
    }

    /**
     * {@return per period, each agent's network price component, currency per unit of power for one period (0 for agents the
     * operator does not cover; all 0 without a feeder)}
     */
    public double[][] agentNetworkPrices() {
        double[][] out = new double[periods][period0.numAgents()];
        for (int t = 0; operator != null && t < periods; t++) {
            out[t] = operator.period(t).agentPrices();
        }
        return out;
    }

    /**
     * Period t's network price at every feeder bus (see {@code AdmmNetworkOperator#busPrices}).
     *
     * @param t the period
     * @return a price per bus of the period's feeder, currency per unit of power for one period
     * @throws NullPointerException without a feeder
     */
    public double[] busPrices(int t) {
        return operator.period(t).busPrices(admm.rho());
    }

    /**
     * Adds period t's operator multipliers into {@code y} as the duals of that period's
     * LinDistFlow rows {@code rows} (the centralised problem's convention).
     *
     * @param t    the period
     * @param rows period t's LinDistFlow rows in the centralised problem over the horizon
     * @param y    the centralised problem's row duals, added into at {@code rows}' voltage and flow rows
     * @throws NullPointerException without a feeder
     */
    public void addRowDuals(int t, LinDistFlowConstraints rows, double[] y) {
        operator.period(t).addRowDuals(admm.rho(), rows, y);
    }
}
