package org.peerclear.clearing.exact;

import org.peerclear.clearing.NumericalTolerances;
import org.peerclear.index.MarketIndex;

/**
 * One piece of the market's response to network prices (see {@link FeederSolver}): the trees of
 * trading agents and the assets strictly between their bounds, as the last market solve left
 * them. On the piece the buses' injections are affine in the network prices; {@link #respond}
 * applies their derivative {@code H}.
 *
 * <p>A tree without a linear asset between its bounds keeps its balance: its price moves by
 * {@code −Σ w_s·Δpi_s / Σ w_s} over its free assets ({@code w_s = 1/a_s}). A tree with one
 * (the grid's leg that trades, a linear generator at the margin) is pinned: its price follows
 * that asset's bus price, and the asset takes up whatever the free assets change.
 */
final class Piece {
    private static final int UNPINNED = -2;
    private static final int PINNED_OFF_BUS = -1;

    private final int[] freeBus;
    private final int[] freeTree;
    private final double[] weight;
    private final double[] treeWeight;
    private final int[] pin;
    private final double[] acc;
    private final double[] absorbed;

    private Piece(int[] freeBus, int[] freeTree, double[] weight, double[] treeWeight, int[] pin) {
        this.freeBus = freeBus;
        this.freeTree = freeTree;
        this.weight = weight;
        this.treeWeight = treeWeight;
        this.pin = pin;
        acc = new double[pin.length];
        absorbed = new double[pin.length];
    }

    /**
     * The piece of the market solve {@code f}, or null when a tree is pinned at two different
     * buses (its price could not follow both: a degenerate piece).
     */
    static Piece of(MarketIndex ix, ForestSolver f, int[] assetBus, double scaleP) {
        double tol = NumericalTolerances.EXACT_DECISION * scaleP;
        double[] p = f.assetPower();
        double[] a = ix.a();
        double[] lo = ix.pMin();
        double[] hi = ix.pMax();
        int[] owner = ix.assetOwner();
        int nt = f.numTrees();
        int[] pin = new int[nt];
        java.util.Arrays.fill(pin, UNPINNED);
        double[] treeWeight = new double[nt];
        int free = 0;
        for (int s = 0; s < p.length; s++) {
            if (p[s] > lo[s] + tol && p[s] < hi[s] - tol) {
                free += a[s] > 0 ? 1 : 0;
            }
        }
        int[] freeBus = new int[free];
        int[] freeTree = new int[free];
        double[] weight = new double[free];
        int i = 0;
        for (int s = 0; s < p.length; s++) {
            if (!(p[s] > lo[s] + tol && p[s] < hi[s] - tol)) {
                continue;
            }
            int t = f.tree(owner[s]);
            if (a[s] > 0) {
                freeBus[i] = assetBus[s];
                freeTree[i] = t;
                weight[i] = 1.0 / a[s];
                treeWeight[t] += weight[i];
                i++;
            } else {
                int at = assetBus[s] >= 0 ? assetBus[s] : PINNED_OFF_BUS;
                if (pin[t] != UNPINNED && pin[t] != at) {
                    return null;
                }
                pin[t] = at;
            }
        }
        return new Piece(freeBus, freeTree, weight, treeWeight, pin);
    }

    /** {@code out = H·dpi}: how the buses' injections move when the network prices move by {@code dpi}. */
    void respond(double[] dpi, double[] out) {
        java.util.Arrays.fill(acc, 0.0);
        java.util.Arrays.fill(absorbed, 0.0);
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < weight.length; i++) {
            if (freeBus[i] >= 0) {
                acc[freeTree[i]] += weight[i] * dpi[freeBus[i]];
            }
        }
        for (int t = 0; t < pin.length; t++) {
            // acc becomes the tree's price move
            if (pin[t] == UNPINNED) {
                acc[t] = treeWeight[t] > 0 ? -acc[t] / treeWeight[t] : 0.0;
            } else {
                acc[t] = pin[t] >= 0 ? -dpi[pin[t]] : 0.0;
            }
        }
        for (int i = 0; i < weight.length; i++) {
            int t = freeTree[i];
            double d = weight[i] * (acc[t] + (freeBus[i] >= 0 ? dpi[freeBus[i]] : 0.0));
            if (freeBus[i] >= 0) {
                out[freeBus[i]] += d;
            }
            absorbed[t] += d;
        }
        for (int t = 0; t < pin.length; t++) {
            if (pin[t] >= 0) {
                out[pin[t]] -= absorbed[t];
            }
        }
    }
}
