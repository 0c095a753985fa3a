package org.peerclear.clearing.horizon;

import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.result.CostAccounting;

/**
 * The horizon problem's objective ({@link HorizonFormulation}) split by period, so that a part of
 * a horizon (the periods a rolling window commits) is costed exactly as the whole problem costs
 * it: the period's market ({@link CostAccounting#objective}) plus what its stores deliver,
 * {@code cycleCost·h·d_t}, which lives on the coupling and not in the period's market.
 */
public final class HorizonCosts {
    private HorizonCosts() {
    }

    /**
     * The cost of one period of a horizon's point.
     *
     * @param h the horizon cleared
     * @param r its result, with a solution
     * @param t a period of {@code h}
     * @return the period's market cost (assets' costs and the trades' gamma terms) plus its stores' cycle cost,
     *         currency; the periods' costs add up to the horizon problem's objective
     */
    public static double period(Horizon h, HorizonResult r, int t) {
        double cost = CostAccounting.objective(h.periods().get(t), r.assetPower()[t], r.trades()[t]);
        for (int k = 0; k < h.storages().size(); k++) {
            StorageLink s = h.storages().get(k);
            if (t >= s.from() && t < s.to()) {
                cost += s.cycleCost() * h.periodHours() * r.discharge()[k][t - s.from()];
            }
        }
        return cost;
    }
}
