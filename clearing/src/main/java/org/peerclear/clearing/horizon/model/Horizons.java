package org.peerclear.clearing.horizon.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.EnergyStore;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Market;
import org.peerclear.model.Shiftable;

/** The bridge from the model's {@link HorizonMarket} to the clearing's {@link Horizon}. */
public final class Horizons {
    private Horizons() {
    }

    /**
     * Each period's market indexed (and placed on its feeder), the assets with memory, shiftable loads and ramps
     * linked. Links are numbered in the model's order (ramps by asset), which is the order of their rows and of
     * the results' per-link arrays.
     *
     * @param hm the market over several periods, validated
     * @return the horizon: the same assets in every period, the links by asset index of period 0
     * @throws IllegalStateException if a linked asset is not in the periods' markets (a model inconsistency)
     */
    public static Horizon of(HorizonMarket hm) {
        int tEnd = hm.periods();
        List<MarketIndex> periods = new ArrayList<>(tEnd);
        List<NetworkModel> networks = new ArrayList<>();
        for (int t = 0; t < tEnd; t++) {
            Market m = hm.period(t);
            MarketIndex ix = MarketIndex.of(m);
            periods.add(ix);
            if (m.network().isPresent()) {
                networks.add(NetworkModel.of(m, ix));
            }
        }
        MarketIndex first = periods.get(0);
        Map<String, Integer> asset = new HashMap<>();
        for (int s = 0; s < first.numAssets(); s++) {
            if (!first.isGridLeg(first.assetOwner()[s])) {
                asset.put(first.assetId(s), s);
            }
        }
        List<StorageLink> storages = new ArrayList<>();
        for (EnergyStore e : hm.energyStores()) {
            storages.add(new StorageLink(index(asset, e.id()), e.energyMin(), e.energyMax(), e.energyInitial(), e.energyAtEnd(),
                    e.chargeMax(), e.dischargeMax(), e.chargeEfficiency(), e.dischargeEfficiency(), e.cycleCost(),
                    e.connectedFrom(), e.connectedUntil(tEnd)));
        }
        List<ShiftableLink> shiftables = new ArrayList<>();
        for (Shiftable s : hm.shiftables()) {
            shiftables.add(new ShiftableLink(index(asset, s.id()), s.energy(), s.windowStart(), s.windowEnd()));
        }
        List<RampLink> ramps = new ArrayList<>();
        hm.rampMax().forEach((id, limit) -> ramps.add(new RampLink(index(asset, id), limit)));
        ramps.sort(java.util.Comparator.comparingInt(RampLink::asset)); // rows in the assets' order, whatever the map's
        return new Horizon(periods, hm.units().periodHours(), storages, shiftables, ramps, networks);
    }

    private static int index(Map<String, Integer> asset, String id) {
        Integer s = asset.get(id);
        if (s == null) {
            throw new IllegalStateException("Asset '" + id + "' is in the horizon but not in its periods' markets");
        }
        return s;
    }
}
