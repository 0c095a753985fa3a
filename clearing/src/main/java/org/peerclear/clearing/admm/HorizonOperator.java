package org.peerclear.clearing.admm;

import java.util.List;

/**
 * The system operator over a horizon: one {@link AdmmNetworkOperator} per period, each on its
 * period's feeder and agents, seen by the engine as one operator of the stacked market (agent n
 * of period t is stacked agent {@code n·T + t}). Its step is each period's step on that period's
 * injections: the feeder's limits hold in every period and do not link periods.
 */
final class HorizonOperator implements SystemOperator {
    private final AdmmNetworkOperator[] ops;
    private final int periods;
    private final int agents;
    /** Per period, the injections of its agents (the period's operator takes them indexed by agent). */
    private final double[][] slice;

    HorizonOperator(List<AdmmNetworkOperator> perPeriod, int agents) {
        this.ops = perPeriod.toArray(new AdmmNetworkOperator[0]);
        this.periods = ops.length;
        this.agents = agents;
        this.slice = new double[periods][agents];
    }

    AdmmNetworkOperator period(int t) {
        return ops[t];
    }

    @Override
    public boolean covers(int n) {
        return ops[n % periods].covers(n / periods);
    }

    @Override
    public double target(int n, double rho) {
        return ops[n % periods].target(n / periods, rho);
    }

    @Override
    public void reset() {
        for (AdmmNetworkOperator op : ops) {
            op.reset();
        }
    }

    @Override
    public void warmStart(double[] injections, double[] prices) {
        double[] p = new double[agents];
        for (int t = 0; t < periods; t++) {
            for (int n = 0; n < agents; n++) {
                slice[t][n] = injections[n * periods + t];
                p[n] = prices[n * periods + t];
            }
            ops[t].warmStart(slice[t], p);
        }
    }

    @Override
    public double step(double[] injection, double rho) {
        double res = 0.0;
        for (int t = 0; t < periods; t++) {
            double[] s = slice[t];
            for (int n = 0; n < agents; n++) {
                s[n] = injection[n * periods + t];
            }
            res += ops[t].step(s, rho);
        }
        return res;
    }

    @Override
    public boolean feasible() {
        for (AdmmNetworkOperator op : ops) {
            if (!op.feasible()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double priceNorm2() {
        double s = 0.0;
        for (AdmmNetworkOperator op : ops) {
            s += op.priceNorm2();
        }
        return s;
    }
}
