package org.peerclear.clearing.admm;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.clearing.horizon.model.RampLink;
import org.peerclear.clearing.horizon.model.ShiftableLink;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.index.MarketIndex;

/**
 * The local step over a horizon of one agent whose assets are linked across periods (a store,
 * a shiftable load, a ramp): its whole day as one {@link SeparableQp},
 *
 * <pre>
 *   minimise  Σ_t [ Σ_s ½ a p_st² + b p_st + Σ_k gamma_k |t_kt| + rho/2 (t_kt − v_kt/rho)² ] + Σ cycleCost·h·d_t
 *   subject to Σ_s p_st − Σ_k t_kt = 0   (each period: the dual is the agent's price mu_t)
 *              and the agent's rows of the horizon problem: p − d + c = 0 and the energy rows of its
 *              stores, its shiftable loads' totals, its ramps (p_t − p_{t−1} − r_t = 0, |r_t| ≤ rampMax)
 * </pre>
 *
 * the rows of {@code HorizonFormulation} restricted to the agent (same signs, so that their duals
 * are that problem's duals when the consensus holds). Given mu_t the trades are the one-period
 * step's soft thresholds, so the engine needs from this step only the prices, as from the walk
 * ({@link LocalStep}). The variables are laid out period by period within each asset and arc, and
 * the QP keeps its point and working set from one step to the next (the feasible set never
 * changes, only the targets and rho), which is its warm start. With the system operator the
 * agent's net injection P_t carries the operator's penalty {@code rho/2 (P_t − w_t/rho)²}, as in
 * the one-period walk ({@link LocalStep#walk}), P_t balances its trades and its assets sum to it.
 */
final class HorizonLocalQp {
    /** Index of the agent in each period's market. */
    final int agent;
    final int periods;
    /** Its first agent in the stacked market ({@link MarketIndex#stacked}): agent·T. */
    final int first;
    private final int nAssets;
    private final int nArcs;
    /** Stacked CSR arc of the agent's r-th arc in period t: {@code arcBase[t] + r}. */
    private final int[] arcBase;
    private final int tradeVar0;
    final SeparableQp qp;
    /** Per storage link of the agent (in the horizon's order): its index there and its first c, d, E variables and rows. */
    final int[] storeLink;
    final int[] chargeVar;
    final int[] dischargeVar;
    final int[] energyVar;
    final int[] storageRow;
    final int[] energyRow;
    final int[] shiftLink;
    final int[] shiftRow;
    final int[] rampLink;
    final int[] rampRow;
    /** With the system operator (else −1): the first of the net injections P_t and of their rows. */
    private final int injectionVar0;
    private final int operatorRow0;
    /**
     * The QP's point and row duals of the local step in each price buffer (the set-points of
     * asset k in period t at {@code [buffer][k·T + t]}): a result is read from the buffer of the
     * completed iteration, whose prices the engine reports.
     */
    final double[][] point;
    final double[][] duals;

    /**
     * @param stacked the horizon's periods stacked ({@link MarketIndex#stacked})
     * @param period0 the market of period 0 (the structure of every period)
     */
    HorizonLocalQp(int agent, MarketIndex stacked, MarketIndex period0, int periods, double hours, List<StorageLink> storages,
                   List<ShiftableLink> shiftables, List<RampLink> ramps, boolean covered) {
        this.agent = agent;
        this.periods = periods;
        this.first = agent * periods;
        int tEnd = periods;
        int a0 = period0.assetStart()[agent];
        nAssets = period0.assetStart()[agent + 1] - a0;
        nArcs = period0.arcStart()[agent + 1] - period0.arcStart()[agent];
        arcBase = new int[tEnd];
        for (int t = 0; t < tEnd; t++) {
            arcBase[t] = stacked.arcStart()[first + t];
        }
        List<Integer> sl = new ArrayList<>();
        List<Integer> sh = new ArrayList<>();
        List<Integer> rl = new ArrayList<>();
        for (int k = 0; k < storages.size(); k++) {
            if (owns(period0, storages.get(k).asset())) {
                sl.add(k);
            }
        }
        for (int k = 0; k < shiftables.size(); k++) {
            if (owns(period0, shiftables.get(k).asset())) {
                sh.add(k);
            }
        }
        for (int k = 0; k < ramps.size(); k++) {
            if (owns(period0, ramps.get(k).asset())) {
                rl.add(k);
            }
        }
        storeLink = sl.stream().mapToInt(Integer::intValue).toArray();
        shiftLink = sh.stream().mapToInt(Integer::intValue).toArray();
        rampLink = rl.stream().mapToInt(Integer::intValue).toArray();
        // Variables: assets, trades, then per store c, d, E, per ramp r_1..r_{T−1}, per "at most" shiftable its slack.
        int nv = nAssets * tEnd;
        tradeVar0 = nv;
        nv += nArcs * tEnd;
        chargeVar = new int[storeLink.length];
        dischargeVar = new int[storeLink.length];
        energyVar = new int[storeLink.length];
        storageRow = new int[storeLink.length];
        energyRow = new int[storeLink.length];
        int nr = tEnd;
        for (int j = 0; j < storeLink.length; j++) {
            StorageLink s = storages.get(storeLink[j]);
            int len = s.to() - s.from();
            chargeVar[j] = nv;
            dischargeVar[j] = nv + len;
            energyVar[j] = nv + 2 * len;
            nv += 3 * len + 1;
            storageRow[j] = nr;
            energyRow[j] = nr + len;
            nr += 2 * len;
        }
        int[] rampVar = new int[rampLink.length];
        rampRow = new int[rampLink.length];
        for (int j = 0; j < rampLink.length; j++) {
            rampVar[j] = nv;
            nv += tEnd - 1;
            rampRow[j] = nr;
            nr += tEnd - 1;
        }
        // With the system operator: the net injection P_t, its penalty rho/2 (P_t − w_t/rho)², the
        // row Σ_s p_st − P_t = 0 (its dual the price the assets see), and the balance on P_t.
        injectionVar0 = covered ? nv : -1;
        operatorRow0 = covered ? nr : -1;
        if (covered) {
            nv += tEnd;
            nr += tEnd;
        }
        int[] slackVar = new int[shiftLink.length];
        shiftRow = new int[shiftLink.length];
        for (int j = 0; j < shiftLink.length; j++) {
            slackVar[j] = shiftables.get(shiftLink[j]).atMost() ? nv++ : -1;
            shiftRow[j] = nr++;
        }
        // Columns (CSC): each variable's rows and coefficients.
        List<List<double[]>> cols = new ArrayList<>();
        for (int i = 0; i < nv; i++) {
            cols.add(new ArrayList<>());
        }
        double[] rhs = new double[nr];
        for (int k = 0; k < nAssets; k++) {
            for (int t = 0; t < tEnd; t++) {
                cols.get(assetVar(k, t)).add(new double[] {covered ? operatorRow0 + t : t, 1.0});
            }
        }
        if (covered) {
            for (int t = 0; t < tEnd; t++) {
                cols.get(injectionVar0 + t).add(new double[] {t, 1.0});
                cols.get(injectionVar0 + t).add(new double[] {operatorRow0 + t, -1.0});
            }
        }
        for (int r = 0; r < nArcs; r++) {
            for (int t = 0; t < tEnd; t++) {
                cols.get(tradeVar(r, t)).add(new double[] {t, -1.0});
            }
        }
        for (int j = 0; j < storeLink.length; j++) {
            StorageLink s = storages.get(storeLink[j]);
            int k = s.asset() - a0;
            int len = s.to() - s.from();
            for (int i = 0; i < len; i++) {
                int t = s.from() + i;
                int row = storageRow[j] + i;
                cols.get(assetVar(k, t)).add(new double[] {row, 1.0});
                cols.get(dischargeVar[j] + i).add(new double[] {row, -1.0});
                cols.get(chargeVar[j] + i).add(new double[] {row, 1.0});
                int er = energyRow[j] + i;
                cols.get(energyVar[j] + i + 1).add(new double[] {er, 1.0});
                cols.get(energyVar[j] + i).add(new double[] {er, -1.0});
                cols.get(chargeVar[j] + i).add(new double[] {er, -hours * s.chargeEfficiency()});
                cols.get(dischargeVar[j] + i).add(new double[] {er, hours / s.dischargeEfficiency()});
            }
        }
        for (int j = 0; j < rampLink.length; j++) {
            int k = ramps.get(rampLink[j]).asset() - a0;
            for (int t = 1; t < tEnd; t++) {
                int row = rampRow[j] + t - 1;
                cols.get(assetVar(k, t)).add(new double[] {row, 1.0});
                cols.get(assetVar(k, t - 1)).add(new double[] {row, -1.0});
                cols.get(rampVar[j] + t - 1).add(new double[] {row, -1.0});
            }
        }
        for (int j = 0; j < shiftLink.length; j++) {
            ShiftableLink s = shiftables.get(shiftLink[j]);
            int k = s.asset() - a0;
            for (int t = s.windowStart(); t < s.windowEnd(); t++) {
                cols.get(assetVar(k, t)).add(new double[] {shiftRow[j], 1.0});
            }
            if (slackVar[j] >= 0) {
                cols.get(slackVar[j]).add(new double[] {shiftRow[j], -1.0});
            }
            rhs[shiftRow[j]] = -s.energy() / hours;
        }
        int[] colStart = new int[nv + 1];
        for (int i = 0; i < nv; i++) {
            colStart[i + 1] = colStart[i] + cols.get(i).size();
        }
        int[] rowIdx = new int[colStart[nv]];
        double[] val = new double[colStart[nv]];
        for (int i = 0; i < nv; i++) {
            int e = colStart[i];
            for (double[] rv : cols.get(i)) {
                rowIdx[e] = (int) rv[0];
                val[e++] = rv[1];
            }
        }
        qp = new SeparableQp(nr, colStart, rowIdx, val, rhs);
        // Costs and bounds.
        for (int k = 0; k < nAssets; k++) {
            for (int t = 0; t < tEnd; t++) {
                int sIx = stacked.assetStart()[first + t] + k;
                int v = assetVar(k, t);
                qp.h[v] = stacked.a()[sIx];
                qp.g[v] = stacked.b()[sIx];
                qp.lo[v] = stacked.pMin()[sIx];
                qp.hi[v] = stacked.pMax()[sIx];
            }
        }
        for (int r = 0; r < nArcs; r++) {
            for (int t = 0; t < tEnd; t++) {
                int v = tradeVar(r, t);
                qp.gam[v] = stacked.gamma()[stacked.arcsOf()[arcBase[t] + r]];
                qp.lo[v] = Double.NEGATIVE_INFINITY;
                qp.hi[v] = Double.POSITIVE_INFINITY;
            }
        }
        for (int j = 0; j < storeLink.length; j++) {
            StorageLink s = storages.get(storeLink[j]);
            int len = s.to() - s.from();
            for (int i = 0; i < len; i++) {
                qp.hi[chargeVar[j] + i] = s.chargeMax();
                qp.hi[dischargeVar[j] + i] = s.dischargeMax();
                qp.g[dischargeVar[j] + i] = s.cycleCost() * hours;
            }
            for (int i = 0; i <= len; i++) {
                double lo = i == 0 ? s.energyInitial() : s.energyMin();
                double hi = i == 0 ? s.energyInitial() : s.energyMax();
                if (i == len && !Double.isNaN(s.energyAtEnd())) {
                    lo = Math.max(lo, s.energyAtEnd());
                }
                qp.lo[energyVar[j] + i] = lo;
                qp.hi[energyVar[j] + i] = hi;
            }
        }
        for (int j = 0; j < rampLink.length; j++) {
            double r = ramps.get(rampLink[j]).rampMax();
            for (int t = 1; t < tEnd; t++) {
                qp.lo[rampVar[j] + t - 1] = -r;
                qp.hi[rampVar[j] + t - 1] = r;
            }
        }
        for (int j = 0; j < shiftLink.length; j++) {
            if (slackVar[j] >= 0) {
                qp.hi[slackVar[j]] = Double.POSITIVE_INFINITY;
            }
        }
        for (int t = 0; covered && t < tEnd; t++) {
            qp.lo[injectionVar0 + t] = Double.NEGATIVE_INFINITY;
            qp.hi[injectionVar0 + t] = Double.POSITIVE_INFINITY;
        }
        setKeys(storages, shiftables, rampVar, slackVar, nv);
        point = new double[2][nv];
        duals = new double[2][nr];
        start(storages, shiftables, ramps, a0, hours, rampVar, slackVar);
    }

    /**
     * Each row and variable's period, by which the QP orders its KKT system (banded: a period's
     * unknowns meet only their neighbours'); a shiftable load's total spans its window and goes last.
     */
    private void setKeys(List<StorageLink> storages, List<ShiftableLink> shiftables, int[] rampVar, int[] slackVar, int nv) {
        int last = periods + 1;
        int[] rk = qp.rowKey;
        int[] vk = qp.varKey;
        for (int t = 0; t < periods; t++) {
            rk[t] = t;
            for (int k = 0; k < nAssets; k++) {
                vk[assetVar(k, t)] = t;
            }
            for (int r = 0; r < nArcs; r++) {
                vk[tradeVar(r, t)] = t;
            }
            if (injectionVar0 >= 0) {
                vk[injectionVar0 + t] = t;
                rk[operatorRow0 + t] = t;
            }
        }
        for (int j = 0; j < storeLink.length; j++) {
            StorageLink s = storages.get(storeLink[j]);
            int len = s.to() - s.from();
            for (int i = 0; i < len; i++) {
                rk[storageRow[j] + i] = s.from() + i;
                rk[energyRow[j] + i] = s.from() + i;
                vk[chargeVar[j] + i] = s.from() + i;
                vk[dischargeVar[j] + i] = s.from() + i;
            }
            for (int i = 0; i <= len; i++) {
                vk[energyVar[j] + i] = s.from() + i;
            }
        }
        for (int j = 0; j < rampLink.length; j++) {
            for (int t = 1; t < periods; t++) {
                rk[rampRow[j] + t - 1] = t;
                vk[rampVar[j] + t - 1] = t;
            }
        }
        for (int j = 0; j < shiftLink.length; j++) {
            rk[shiftRow[j]] = last;
            if (slackVar[j] >= 0) {
                vk[slackVar[j]] = last;
            }
        }
    }

    private boolean owns(MarketIndex ix, int asset) {
        return ix.assetOwner()[asset] == agent;
    }

    int assetVar(int k, int t) {
        return k * periods + t;
    }

    int tradeVar(int r, int t) {
        return tradeVar0 + r * periods + t;
    }

    int numAssets() {
        return nAssets;
    }

    /**
     * A start that meets the links: stores charge as early as they can until their requirement is
     * met, shiftable loads take their energy as early as they can, ramped assets follow their
     * previous period's value; trades close each period's balance on the first arc.
     */
    private void start(List<StorageLink> storages, List<ShiftableLink> shiftables, List<RampLink> ramps, int a0, double hours,
                       int[] rampVar, int[] slackVar) {
        double[] x = qp.x;
        for (int i = 0; i < qp.n; i++) {
            x[i] = Math.min(qp.hi[i], Math.max(qp.lo[i], 0.0));
        }
        for (int j = 0; j < storeLink.length; j++) {
            StorageLink s = storages.get(storeLink[j]);
            int k = s.asset() - a0;
            int len = s.to() - s.from();
            double need = Double.isNaN(s.energyAtEnd()) ? s.energyMin() : Math.max(s.energyMin(), s.energyAtEnd());
            double e = s.energyInitial();
            x[energyVar[j]] = e;
            for (int i = 0; i < len; i++) {
                int t = s.from() + i;
                double cap = Math.min(s.chargeMax(), -qp.lo[assetVar(k, t)]);
                double c = Math.max(0.0, Math.min(cap, Math.min((s.energyMax() - e), need - e) / (hours * s.chargeEfficiency())));
                x[chargeVar[j] + i] = c;
                x[assetVar(k, t)] = -c;
                e += hours * s.chargeEfficiency() * c;
                x[energyVar[j] + i + 1] = Math.min(qp.hi[energyVar[j] + i + 1], Math.max(qp.lo[energyVar[j] + i + 1], e));
            }
        }
        for (int j = 0; j < shiftLink.length; j++) {
            ShiftableLink s = shiftables.get(shiftLink[j]);
            int k = s.asset() - a0;
            double left = s.energy() / hours;
            for (int t = s.windowStart(); t < s.windowEnd(); t++) {
                double take = Math.min(left, -qp.lo[assetVar(k, t)]);
                x[assetVar(k, t)] = -take;
                left -= take;
            }
            if (slackVar[j] >= 0) {
                x[slackVar[j]] = 0.0;
            }
        }
        for (int j = 0; j < rampLink.length; j++) {
            int k = ramps.get(rampLink[j]).asset() - a0;
            for (int t = 1; t < periods; t++) {
                int v = assetVar(k, t);
                x[v] = Math.min(qp.hi[v], Math.max(qp.lo[v], x[assetVar(k, t - 1)]));
                int r = rampVar[j] + t - 1;
                x[r] = Math.min(qp.hi[r], Math.max(qp.lo[r], x[v] - x[assetVar(k, t - 1)]));
            }
        }
        for (int t = 0; t < periods; t++) {
            double net = 0.0;
            for (int k = 0; k < nAssets; k++) {
                net += x[assetVar(k, t)];
            }
            if (injectionVar0 >= 0) {
                x[injectionVar0 + t] = net;
            }
            if (nArcs > 0) {
                x[tradeVar(0, t)] = net;
            }
        }
        qp.resetState();
    }

    /**
     * The local step on the targets {@code st[2q]} (stacked CSR arcs) at penalty rho: writes the
     * agent's price of each period into {@code muOut[first + t]} and its point and duals into
     * buffer {@code buffer}. With the system operator ({@code w} not null, indexed by stacked
     * agent: its targets {@code rho·x + pi}) also the net injections into {@code injOut} and the
     * prices the assets saw into {@code assetPriceOut}. False when the QP failed (see
     * {@link SeparableQp#failure()}).
     */
    boolean solve(double[] st, double rho, double[] muOut, int buffer, double[] w, double[] injOut, double[] assetPriceOut) {
        SeparableQp q = qp;
        for (int t = 0; t < periods; t++) {
            int base = arcBase[t];
            for (int r = 0; r < nArcs; r++) {
                int v = tradeVar(r, t);
                q.h[v] = rho;
                q.g[v] = -st[2 * (base + r)];
            }
            if (injectionVar0 >= 0) {
                q.h[injectionVar0 + t] = rho;
                q.g[injectionVar0 + t] = -w[first + t];
            }
        }
        boolean ok = q.solve();
        for (int t = 0; t < periods; t++) {
            muOut[first + t] = q.y[t];
            if (injectionVar0 >= 0) {
                injOut[first + t] = q.x[injectionVar0 + t];
                assetPriceOut[first + t] = q.y[operatorRow0 + t];
            }
        }
        System.arraycopy(q.x, 0, point[buffer], 0, q.n);
        System.arraycopy(q.y, 0, duals[buffer], 0, q.m);
        return ok;
    }

    /** Keeps the set-points of one buffer in the other (an agent that sat an asynchronous round out). */
    void keep(int from) {
        System.arraycopy(point[from], 0, point[from ^ 1], 0, point[from].length);
        System.arraycopy(duals[from], 0, duals[from ^ 1], 0, duals[from].length);
    }
}
