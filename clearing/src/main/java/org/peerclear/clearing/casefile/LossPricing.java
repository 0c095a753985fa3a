package org.peerclear.clearing.casefile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.peerclear.clearing.losses.LossAllocation;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.NetworkTariff;
import org.peerclear.result.ClearingResult;

/**
 * Allocates the AC losses of a cleared, network-aware result and prices them: the section
 * {@code lossAllocation} of the result holds {@code method}, {@code price} (currency per market
 * power unit), {@code totalKw}, {@code shares} (participant → kW) and {@code costs}
 * (participant → currency per period, share × price, the share in the market's power unit).
 */
final class LossPricing {
    static final String SECTION = "lossAllocation";

    private LossPricing() {
    }

    static ClearingResult add(ClearingResult r, NetworkTariff.Losses losses, LossAllocator allocator) {
        if (!r.hasSolution() || r.network().isEmpty()) {
            return r.toBuilder().note("losses not allocated: the result has no AC solution of the feeder").build();
        }
        double price = losses.atGridPrice()
                ? r.market().grid().orElseThrow(() -> new IllegalArgumentException(
                        "network.losses.price: \"grid\" needs a grid; give a number")).importPrice()
                : losses.price();
        NetworkModel model = NetworkModel.of(r.market(), MarketIndex.of(r.market()));
        LossAllocation a = allocator.allocate(r, model);
        double perKw = model.kwPerUnit();
        Map<String, Double> shares = new TreeMap<>(a.byParticipant());
        Map<String, Double> costs = new TreeMap<>();
        shares.forEach((who, kw) -> costs.put(who, kw / perKw * price));
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("method", a.method());
        section.put("price", price);
        section.put("totalKw", a.totalKw());
        section.put("shares", shares);
        section.put("costs", costs);
        return r.toBuilder().section(SECTION, section).build();
    }
}
