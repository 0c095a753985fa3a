package org.peerclear.games.stackelberg;

/**
 * The followers' aggregate responses over the leader's price range, built once per solve in
 * {@code O(K log K)} for {@code K} flexible assets: total exports {@code E(sell)} (non-decreasing),
 * total imports {@code I(buy)} (non-increasing), the community's net {@code X(π) = Σ S_n(π)} at one
 * price, and the constants that turn their moments into welfare.
 *
 * <p>Exports and imports are sums of clipped ramps: follower n exports {@code max(S_n, 0)}, which
 * is {@code S_n} from its zero crossing {@code z⁺_n = inf{S_n > 0}} on, and imports
 * {@code max(−S_n, 0)}, which is {@code −S_n} up to {@code z⁻_n = sup{S_n < 0}}; each asset's ramp
 * (slope {@code 1/a} between {@code a·pMin + b} and {@code a·pMax + b}) enters from where it is
 * both active and on the right side of the crossing.
 *
 * <p>Welfare: since {@code d/dλ C_n(S_n(λ)) = λ·S_n'(λ)} (a follower's least cost of a net is its
 * marginal cost's integral), the assets' cost of the exporters' side is {@code ∫ t·E'(t) dt} and of
 * the importers' side {@code −∫ t·I'(t) dt}, up to constants at the ends of the range, so welfare
 * at {@code (buy, sell)} is {@code Wb(buy) + Ws(sell) + W0 − gridBill(E − I)} (valid for
 * {@code sell <= buy}, where a follower is on one side only).
 */
final class Curves {
    final StackelbergGame game;
    final double floor;
    final double cap;
    final Piecewise exports;
    final Piecewise imports;
    final Piecewise net;
    /** {@code −Σ_n C_n(S_n(floor))}: welfare's asset part at one price equal to the floor. */
    final double assetWelfareAtFloor;
    /** {@code Ws(floor)}: minus the cost of the followers that export at every price. */
    final double sellSideAtFloor;
    /** {@code Wb(cap)}: minus the cost of the followers that import at every price. */
    final double buySideAtCap;
    /** {@code W0}: minus the cost at zero net of the followers whose supply crosses zero in the range. */
    final double zeroNetWelfare;

    Curves(StackelbergGame g) {
        this.game = g;
        this.floor = g.priceFloor();
        this.cap = g.priceCap();
        int n = g.numFollowers();
        int k = g.numFlexibleAssets();
        double[] pos = new double[2 * k + n];
        double[] ds = new double[2 * k + n];
        int[] dc = new int[2 * k + n];
        // Exports.
        int e = 0;
        double e0 = 0;
        for (int i = 0; i < n; i++) {
            e0 += Math.max(g.supply(i, floor), 0);
            double z = g.zeroUp[i];
            if (z == Double.POSITIVE_INFINITY) {
                continue;
            }
            double atZero = 0;
            int countAtZero = 0;
            for (int a = g.start[i]; a < g.start[i + 1]; a++) {
                double tLo = g.qa[a] * g.lo[a] + g.lb[a];
                double tHi = g.qa[a] * g.hi[a] + g.lb[a];
                double w = 1.0 / g.qa[a];
                if (tLo > z) {
                    e = event(pos, ds, dc, e, tLo, w, 1);
                    e = event(pos, ds, dc, e, tHi, -w, -1);
                } else if (tHi > z) {
                    atZero += w;
                    countAtZero++;
                    e = event(pos, ds, dc, e, tHi, -w, -1);
                }
            }
            if (countAtZero > 0) {
                e = event(pos, ds, dc, e, z, atZero, countAtZero);
            }
        }
        exports = Piecewise.build(floor, cap, e0, pos, ds, dc, e);
        // Imports.
        e = 0;
        double i0 = 0;
        for (int i = 0; i < n; i++) {
            i0 += Math.max(-g.supply(i, floor), 0);
            double z = g.zeroDown[i];
            if (z == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double atZero = 0;
            int countAtZero = 0;
            for (int a = g.start[i]; a < g.start[i + 1]; a++) {
                double tLo = g.qa[a] * g.lo[a] + g.lb[a];
                double tHi = g.qa[a] * g.hi[a] + g.lb[a];
                double w = 1.0 / g.qa[a];
                if (tHi < z) {
                    e = event(pos, ds, dc, e, tLo, -w, 1);
                    e = event(pos, ds, dc, e, tHi, w, -1);
                } else if (tLo < z) {
                    e = event(pos, ds, dc, e, tLo, -w, 1);
                    atZero += w;
                    countAtZero++;
                }
            }
            if (countAtZero > 0) {
                e = event(pos, ds, dc, e, z, atZero, -countAtZero);
            }
        }
        imports = Piecewise.build(floor, cap, i0, pos, ds, dc, e);
        // Net at one price, and the welfare constants.
        e = 0;
        double x0 = 0;
        double atFloor = 0;
        double sellSide = 0;
        double buySide = 0;
        double zeroNet = 0;
        for (int i = 0; i < n; i++) {
            double sFloor = g.supply(i, floor);
            double sCap = g.supply(i, cap);
            x0 += sFloor;
            double cFloor = assetCost(g, i, floor);
            atFloor -= cFloor;
            if (sFloor > 0) {
                sellSide -= cFloor;
            } else if (sCap < 0) {
                buySide -= assetCost(g, i, cap);
            } else {
                // S_n(floor) <= 0 <= S_n(cap): its zero net is reached at min(z⁺, cap) >= floor.
                zeroNet -= assetCost(g, i, Math.min(g.zeroUp[i], cap));
            }
            for (int a = g.start[i]; a < g.start[i + 1]; a++) {
                double w = 1.0 / g.qa[a];
                e = event(pos, ds, dc, e, g.qa[a] * g.lo[a] + g.lb[a], w, 1);
                e = event(pos, ds, dc, e, g.qa[a] * g.hi[a] + g.lb[a], -w, -1);
            }
        }
        net = Piecewise.build(floor, cap, x0, pos, ds, dc, e);
        assetWelfareAtFloor = atFloor;
        sellSideAtFloor = sellSide;
        buySideAtCap = buySide;
        zeroNetWelfare = zeroNet;
    }

    private static int event(double[] pos, double[] ds, int[] dc, int e, double p, double s, int c) {
        pos[e] = p;
        ds[e] = s;
        dc[e] = c;
        return e + 1;
    }

    /** Follower i's assets' cost when each runs at marginal cost λ: {@code C_i(S_i(λ))}. */
    private static double assetCost(StackelbergGame g, int i, double lambda) {
        double c = g.fixedCost[i];
        for (int a = g.start[i]; a < g.start[i + 1]; a++) {
            c += g.cost(a, g.power(a, lambda));
        }
        return c;
    }

    /** The leader's profit at (buy, sell), from the curves. */
    double profit(double buy, double sell) {
        double imp = imports.value(buy);
        double exp = exports.value(sell);
        return buy * imp - sell * exp - game.gridBill(exp - imp);
    }

    /** The scale of the leader's profit at (buy, sell): what the cost-recovery tolerance is relative to. */
    double profitScale(double buy, double sell) {
        double imp = imports.value(buy);
        double exp = exports.value(sell);
        return 1 + Math.abs(buy * imp) + Math.abs(sell * exp) + Math.abs(game.gridBill(exp - imp));
    }

    /** The community's welfare at (buy, sell), {@code sell <= buy}, from the curves. */
    double welfare(double buy, double sell) {
        double imp = imports.value(buy);
        double exp = exports.value(sell);
        double buySide = buySideAtCap - (imports.moment(cap) - imports.moment(buy));
        double sellSide = sellSideAtFloor - exports.moment(sell);
        return buySide + sellSide + zeroNetWelfare - game.gridBill(exp - imp);
    }
}
