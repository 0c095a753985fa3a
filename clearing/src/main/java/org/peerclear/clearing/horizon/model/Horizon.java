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
 *
 * @param periods     each period's market index, at least one, all of one structure (agents, assets, arcs)
 * @param periodHours the length of a period, hours: what turns a period's power into energy
 * @param storages    the assets with memory (batteries, electric vehicles)
 * @param shiftables  the loads whose energy over a window is fixed, not its timing
 * @param ramps       the limits on an asset's change of power between consecutive periods
 * @param networks    each period's network model, one per period; empty without a feeder
 */
public record Horizon(List<MarketIndex> periods, double periodHours, List<StorageLink> storages,
                      List<ShiftableLink> shiftables, List<RampLink> ramps, List<NetworkModel> networks) {
    /**
     * A horizon without a feeder.
     *
     * @param periods     each period's market index, at least one, all of one structure (agents, assets, arcs)
     * @param periodHours the length of a period, hours; {@code > 0} and finite
     * @param storages    the assets with memory
     * @param shiftables  the shiftable loads
     * @param ramps       the ramp limits
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Horizon(List<MarketIndex> periods, double periodHours, List<StorageLink> storages, List<ShiftableLink> shiftables,
                   List<RampLink> ramps) {
        this(periods, periodHours, storages, shiftables, ramps, List.of());
    }

    /**
     * Copies the lists and checks that they describe one horizon.
     *
     * @param periods     each period's market index, at least one, all of one structure (agents, assets, arcs)
     * @param periodHours the length of a period, hours; {@code > 0} and finite
     * @param storages    the assets with memory, each connected within the horizon
     * @param shiftables  the shiftable loads, each window within the horizon
     * @param ramps       the ramp limits
     * @param networks    one network model per period, or none
     * @throws IllegalArgumentException if there is no period, {@code periodHours} is not positive and finite, the
     *         periods' structures differ, there are networks but not one per period, or a link names an asset the
     *         market does not have or reaches beyond the last period
     */
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

    /** {@return the number of periods T} */
    public int length() {
        return periods.size();
    }
}
