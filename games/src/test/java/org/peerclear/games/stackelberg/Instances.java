package org.peerclear.games.stackelberg;

import java.util.List;
import org.peerclear.generate.ProsumerGenerator;
import org.peerclear.model.Agent;

/** Seeded random followers for the Stackelberg tests: prosumers with a load, often a generator, sometimes rooftop PV. */
final class Instances {
    /** The grid's import price of the random instances (currency per kWh). */
    static final double IMPORT = 0.40;
    /** The grid's export price of the random instances. */
    static final double EXPORT = 0.08;

    private Instances() {
    }

    /** The same family as the games module's tests ({@link ProsumerGenerator}). */
    static List<Agent> prosumers(int n, long seed) {
        return ProsumerGenerator.generate(n, seed);
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
