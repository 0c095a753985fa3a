package org.peerclear.clearing.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.powerflow.Branch;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlow;
import org.peerclear.powerflow.LinDistFlowResult;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * A market placed on its feeder: which bus each agent injects at, the conversion between the
 * market's power unit and the feeder's kW, the base LinDistFlow state with only the feeder's own
 * (non-market) loads, and the branch limits. Market agents inject active power only; the feeder's
 * loads stay as fixed injections. The grid agent is the substation (slack) and is not a bus
 * injection.
 */
public final class NetworkModel {
    private final Market market;
    private final MarketIndex index;
    private final NetworkSpec spec;
    private final Feeder feeder;
    private final LinDistFlow lin;
    private final double kwPerUnit;
    private final int[] agentBus;
    private final int[] injectionBuses;
    private final LinDistFlowResult base;
    private final double[] branchLimitKw;

    private NetworkModel(Market market, MarketIndex index) {
        this.market = market;
        this.index = index;
        this.spec = market.network().orElseThrow(() -> new IllegalArgumentException("Market '" + market.name() + "' has no network"));
        this.feeder = Feeders.load(spec.feeder(), spec.baseDirectory());
        if (!feeder.isRadial()) {
            throw new IllegalArgumentException("Network '" + spec.feeder() + "' is not radial: LinDistFlow clearing needs a radial feeder");
        }
        this.lin = new LinDistFlow(feeder);
        this.kwPerUnit = market.units().kilowattsPerUnit();
        agentBus = new int[index.numAgents()];
        Arrays.fill(agentBus, -1);
        boolean[] used = new boolean[feeder.busCount()];
        for (int n = 0; n < market.agents().size(); n++) {
            Agent a = market.agents().get(n);
            if (a.bus() == null) {
                continue;
            }
            int b;
            try {
                b = feeder.busIndex(a.bus());
            } catch (IllegalArgumentException e) {
                throw new InvalidMarketException("agents[" + a.id() + "].bus", "bus '" + a.bus() + "' is not a bus of network '"
                        + spec.feeder() + "'");
            }
            agentBus[n] = b;
            used[b] |= b != feeder.slackIndex();
        }
        market.grid().ifPresent(g -> {
            if (g.bus() != null && feeder.busIndex(g.bus()) != feeder.slackIndex()) {
                throw new InvalidMarketException("grid.bus", "bus '" + g.bus() + "' is not the substation (slack) bus '"
                        + feeder.busIds().get(feeder.slackIndex()) + "' of network '" + spec.feeder() + "'");
            }
        });
        List<Integer> buses = new ArrayList<>();
        for (int b = 0; b < used.length; b++) {
            if (used[b]) {
                buses.add(b);
            }
        }
        injectionBuses = buses.stream().mapToInt(Integer::intValue).toArray();
        base = lin.solve(null, null);
        branchLimitKw = new double[feeder.branchCount()];
        Arrays.fill(branchLimitKw, Double.POSITIVE_INFINITY);
        for (int l = 0; l < feeder.branchCount(); l++) {
            Branch br = feeder.branches().get(l);
            if (br.hasRating()) {
                branchLimitKw[l] = br.rateMva() * 1000.0;
            }
        }
        Map<String, Integer> byEnds = new HashMap<>();
        for (int l = 0; l < feeder.branchCount(); l++) {
            Branch br = feeder.branches().get(l);
            byEnds.put(br.fromBus() + "|" + br.toBus(), l);
            byEnds.put(br.toBus() + "|" + br.fromBus(), l);
        }
        for (int k = 0; k < spec.ratings().size(); k++) {
            NetworkSpec.BranchRating r = spec.ratings().get(k);
            Integer l = byEnds.get(r.from() + "|" + r.to());
            if (l == null) {
                throw new InvalidMarketException("network.ratings[" + k + "]", "no branch between buses '" + r.from() + "' and '"
                        + r.to() + "' in network '" + spec.feeder() + "'");
            }
            branchLimitKw[l] = Math.min(branchLimitKw[l], r.pMax() * kwPerUnit);
        }
    }

    /**
     * Places a market on its feeder: loads the feeder, solves its base LinDistFlow state and resolves the agents'
     * buses and the branch ratings.
     *
     * @param market a market with a network
     * @param index  the market's index
     * @return the model
     * @throws IllegalArgumentException if the market has no network, its feeder cannot be loaded or is not radial
     * @throws InvalidMarketException   if an agent's bus is not on the feeder, the grid is not at the substation,
     *                                  a rating names no branch, or the power unit is not W, kW or MW
     */
    public static NetworkModel of(Market market, MarketIndex index) {
        return new NetworkModel(market, index);
    }


    /** {@return the market placed on the feeder} */
    public Market market() {
        return market;
    }

    /** {@return the market's index, whose agent and asset numbers this model's arrays follow} */
    public MarketIndex index() {
        return index;
    }

    /** {@return the market's network specification: feeder, voltage limits, ratings} */
    public NetworkSpec spec() {
        return spec;
    }

    /** {@return the feeder, loaded once} */
    public Feeder feeder() {
        return feeder;
    }

    /** {@return the LinDistFlow model of the feeder, shared: not thread-safe} */
    public LinDistFlow linDistFlow() {
        return lin;
    }

    /** {@return kW per unit of the market's power (1e-3 for W, 1 for kW, 1e3 for MW)} */
    public double kwPerUnit() {
        return kwPerUnit;
    }

    /**
     * Where an agent injects.
     *
     * @param n an agent of the market's index
     * @return its feeder bus index; -1 for an agent without a bus (manager, grid)
     */
    public int agentBus(int n) {
        return agentBus[n];
    }

    /** {@return the non-slack buses where some agent injects, ascending; a copy} */
    public int[] injectionBuses() {
        return injectionBuses.clone();
    }

    /** {@return the LinDistFlow state with the feeder's own loads only} */
    public LinDistFlowResult base() {
        return base;
    }

    /** {@return a sentence on the feeder's voltages without market injections, to explain an infeasible clearing} */
    public String baseVoltageSummary() {
        double[] vm = base.vmPu();
        int lo = 0;
        int hi = 0;
        for (int b = 1; b < vm.length; b++) {
            lo = vm[b] < vm[lo] ? b : lo;
            hi = vm[b] > vm[hi] ? b : hi;
        }
        return String.format(java.util.Locale.ROOT,
                "without market injections LinDistFlow gives voltages from %.4f pu (bus %s) to %.4f pu (bus %s) against limits [%s, %s]",
                vm[lo], feeder.busIds().get(lo), vm[hi], feeder.busIds().get(hi), spec.vMin(), spec.vMax());
    }

    /**
     * A branch's active-power limit: the smaller of the feeder's rating and the market's own.
     *
     * @param l a feeder branch index
     * @return kW; {@code +∞} without a rating
     */
    public double branchLimitKw(int l) {
        return branchLimitKw[l];
    }

    /**
     * The market's injections as the feeder sees them.
     *
     * @param assetPower set-points in the market index's asset order, power unit ({@code > 0} injects)
     * @return per feeder bus, the summed active injection of the agents there, kW ({@code > 0} injects); agents
     *         without a bus are left out
     */
    public double[] busInjectionsKw(double[] assetPower) {
        double[] inj = new double[feeder.busCount()];
        int[] start = index.assetStart();
        for (int n = 0; n < index.numAgents(); n++) {
            if (agentBus[n] < 0) {
                continue;
            }
            double p = 0;
            for (int s = start[n]; s < start[n + 1]; s++) {
                p += assetPower[s];
            }
            inj[agentBus[n]] += p * kwPerUnit;
        }
        return inj;
    }
}
