package org.peerclear.games.stackelberg;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.generate.SplitMix64;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;

/** Seeded random followers for the Stackelberg tests: prosumers with a load, often a generator, sometimes rooftop PV. */
final class Instances {
    /** The grid's import price of the random instances (currency per kWh). */
    static final double IMPORT = 0.40;
    /** The grid's export price of the random instances. */
    static final double EXPORT = 0.08;

    private Instances() {
    }

    /**
     * Prosumers: each has a flexible load ({@code p ∈ [−U[5,15], 0]}, {@code a ~ U[0.01, 0.05]}, utility
     * {@code b ~ U[0.25, 0.6]}); two in three a generator ({@code p ∈ [0, U[3, 12]]}, {@code a ~ U[0.01, 0.05]},
     * {@code b ~ U[0.02, 0.3]}); one in three fixed PV ({@code pMin = pMax = U[1, 6]}). Supplies cross zero
     * anywhere in the price range, so exporters, importers and the dead band all occur.
     */
    static List<Agent> prosumers(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        List<Agent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = "f" + i;
            List<Asset> assets = new ArrayList<>(3);
            assets.add(new Asset(id + ".load", -rng.uniform(5, 15), 0.0, rng.uniform(0.01, 0.05), rng.uniform(0.25, 0.6)));
            if (rng.nextInt(3) < 2) {
                assets.add(new Asset(id + ".gen", 0.0, rng.uniform(3, 12), rng.uniform(0.01, 0.05), rng.uniform(0.02, 0.3)));
            }
            if (rng.nextInt(3) == 0) {
                double pv = rng.uniform(1, 6);
                assets.add(new Asset(id + ".pv", pv, pv, 0.0, 0.0));
            }
            out.add(new Agent(id, assets));
        }
        return out;
    }

    /** A game on {@link #prosumers} with the instances' grid prices. */
    static StackelbergGame game(int n, long seed, StackelbergOptions options) {
        return StackelbergGame.of(prosumers(n, seed), IMPORT, EXPORT, options);
    }

    /**
     * A Lipschitz constant of the leader's profit in each price over the range: {@code |∂P/∂buy| <= I + (|buy| +
     * c)·|I'|} and {@code |∂P/∂sell| <= E + (|sell| + c)·|E'|}, with {@code |I'|, |E'| <= Σ 1/a} over the flexible
     * assets and {@code c} the larger grid price in size; so rounding the optimum's buy price up and its sell price
     * down to the next ticks loses at most {@code L·tick}.
     */
    static double profitLipschitz(StackelbergGame g) {
        double slopes = 0;
        double importsAtFloor = 0;
        double exportsAtCap = 0;
        for (int n = 0; n < g.numFollowers(); n++) {
            importsAtFloor += Math.max(-g.supply(n, g.priceFloor()), 0);
            exportsAtCap += Math.max(g.supply(n, g.priceCap()), 0);
        }
        for (int k = 0; k < g.numFlexibleAssets(); k++) {
            slopes += 1.0 / g.qa[k];
        }
        double price = Math.max(Math.abs(g.priceFloor()), Math.abs(g.priceCap()));
        double grid = Math.max(Math.abs(g.gridImportPrice()), Math.abs(g.gridExportPrice()));
        return importsAtFloor + exportsAtCap + 2 * (price + grid) * slopes;
    }
}
