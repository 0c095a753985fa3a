package org.peerclear.clearing.horizon.model;

import java.util.List;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;

/**
 * A market over T periods as the clearing sees it: one market index per period (the same
 * agents, assets and arcs in every period, with that period's numbers) and the links that couple
 * the periods (assets with memory, shiftable loads, ramps). An asset with memory appears in each
 * period's market as an ordinary asset bounded by that period's injection limits (0 outside its
 * connection window); the links add what a single period cannot say. With a feeder, each
 * period has its network model (the LinDistFlow limits hold in every period); none without.
 */
public record Horizon(List<MarketIndex> periods, double periodHours, List<StorageLink> storages,
                      List<ShiftableLink> shiftables, List<RampLink> ramps, List<NetworkModel> networks) {
    /** A horizon without a feeder. */
    public Horizon(List<MarketIndex> periods, double periodHours, List<StorageLink> storages, List<ShiftableLink> shiftables,
                   List<RampLink> ramps) {
        this(periods, periodHours, storages, shiftables, ramps, List.of());
    }

    public Horizon {
        networks = List.copyOf(networks);
        periods = List.copyOf(periods);
        storages = List.copyOf(storages);
        shiftables = List.copyOf(shiftables);
        ramps = List.copyOf(ramps);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("A horizon has at least one period");
        }
        if (!(periodHours > 0) || Double.isInfinite(periodHours)) {
            throw new IllegalArgumentException("periodHours must be > 0 and finite, got " + periodHours);
        }
        if (!networks.isEmpty() && networks.size() != periods.size()) {
            throw new IllegalArgumentException("A horizon with a feeder has one network model per period: got " + networks.size()
                    + " for " + periods.size() + " periods");
        }
        MarketIndex first = periods.get(0);
        for (int t = 1; t < periods.size(); t++) {
            MarketIndex ix = periods.get(t);
            if (ix.numAgents() != first.numAgents() || ix.numAssets() != first.numAssets() || ix.numArcs() != first.numArcs()) {
                throw new IllegalArgumentException("Period " + t + " has another structure than period 0 (agents, assets or arcs)");
            }
        }
        int n = first.numAssets();
        int tEnd = periods.size();
        for (StorageLink s : storages) {
            requireAsset(s.asset(), n);
            if (s.to() > tEnd) {
                throw new IllegalArgumentException("Storage " + first.assetId(s.asset()) + " is connected until period " + s.to()
                        + ", beyond the horizon's " + tEnd);
            }
        }
        for (ShiftableLink s : shiftables) {
            requireAsset(s.asset(), n);
            if (s.windowEnd() > tEnd) {
                throw new IllegalArgumentException("Shiftable load " + first.assetId(s.asset()) + " has its window until period "
                        + s.windowEnd() + ", beyond the horizon's " + tEnd);
            }
        }
        for (RampLink r : ramps) {
            requireAsset(r.asset(), n);
        }
    }

    private static void requireAsset(int s, int n) {
        if (s < 0 || s >= n) {
            throw new IllegalArgumentException("No asset " + s + " (the market has " + n + ")");
        }
    }

    public int length() {
        return periods.size();
    }
}
