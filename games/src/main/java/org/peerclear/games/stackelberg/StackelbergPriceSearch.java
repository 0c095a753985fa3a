package org.peerclear.games.stackelberg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.peerclear.games.GameTolerances;
import org.peerclear.opt.Status;

/**
 * The leader's optimum by a search over the followers' closed-form responses: exact, and
 * {@code O(K log K)} on the continuum for {@code K} flexible assets.
 *
 * <h2>On the continuum ({@code priceTick = 0}): method {@code price-search}</h2>
 * The aggregate responses are piecewise linear ({@link StackelbergGame}): exports {@code E(sell)},
 * imports {@code I(buy)} and, at one price, the net {@code X(π)}, with {@code O(K)} breakpoints. The
 * leader's profit is {@code buy·I(buy) − sell·E(sell) − gridBill(E − I)}, and
 * {@code −gridBill(X) = min(c⁻·X, c⁺·X)} with {@code c⁻} the grid's export and {@code c⁺} its
 * import price, so on the region {@code X <= 0} the profit is {@code F(buy) + G(sell)} with
 * {@code F(b) = (b − c⁺)·I(b)} and {@code G(s) = (c⁺ − s)·E(s)} (on {@code X >= 0} the same with
 * {@code c⁻}). On each piece of {@code I}, {@code F} is a concave quadratic ({@code I' <= 0}), and so
 * is {@code G} on each piece of {@code E} ({@code E' >= 0}); each piece's maximum is in closed form.
 *
 * <p><b>One price</b> ({@link PriceStructure#SINGLE}): the profit {@code (c − π)·X(π)} is a concave
 * quadratic on each piece of {@code X} split where {@code X} changes sign; the best of the pieces'
 * maxima is the global maximum. <b>Welfare</b> with one price: on each such piece the welfare is
 * the concave quadratic {@code −∫ t·X'(t) dt + c·X(π)}, maximised at {@code π = c} and clipped to the
 * piece's interval where the profit (a concave quadratic) covers the leader's cost.
 *
 * <p><b>A buy and a sell price, profit</b> ({@link PriceStructure#BUY_SELL}): at the leader's optimum
 * {@code (b*, s*)}, in the region of its sign of {@code X}, one of three things holds, and each is
 * searched exactly:
 * <ol>
 *   <li>{@code X ≠ 0} and {@code s* < b*}: neither coupling binds, so (E and I being continuous)
 *       {@code b*} is a local, hence (concavity on its piece) the piece's, maximum of {@code F}, and
 *       {@code s*} of {@code G}. The best pair of piece maxima with {@code E(s) <= I(b)} (resp.
 *       {@code >=}) and {@code s <= b} is found by a sweep in {@code b} with a Fenwick tree of
 *       prefix maxima over the ranks of {@code E}: {@code O(K log K)}. (Where {@code F} is flat,
 *       {@code I = 0} and the largest {@code b} of the piece is as good and the least constraining;
 *       where {@code G} is flat, the smallest {@code s}.)</li>
 *   <li>{@code s* = b*}: the one-price search above.</li>
 *   <li>{@code X = 0}: then {@code E(s*) = I(b*) = q} and the profit is {@code (b − s)·q}; for each
 *       {@code q} the best prices are the largest {@code b} with {@code I(b) = q} and the smallest
 *       {@code s} with {@code E(s) = q}, both piecewise linear in {@code q}, so the profit is a concave
 *       quadratic in {@code q} on each piece of the merged breakpoints: a sweep over {@code q}.</li>
 * </ol>
 * Every candidate is a feasible price pair, evaluated with the true profit, so the best of them is
 * the global optimum.
 *
 * <p><b>A buy and a sell price, welfare</b> is not searched on the continuum: the cost-recovery
 * constraint couples the two prices through a sum of two piecewise quadratics, whose pieces would
 * have to be searched in pairs ({@code O(K²)}). It is exact on a tick grid (below) and by the MILP.
 *
 * <h2>On a tick grid ({@code priceTick > 0}): method {@code price-grid}</h2>
 * Prices are {@code floor + k·tick}; the curves are evaluated at every tick and every admissible
 * price (pair, {@code sell <= buy}) is evaluated: exact on the grid, {@code O(N²)} for {@code N}
 * ticks with two prices, so at most {@value #MAX_GRID_STEPS} steps. This is the same problem as the
 * MILP's ({@link StackelbergMilp}), which it cross-checks.
 *
 * <p>Measured ({@code StackelbergBenchmark}, profit with two prices, median of three single shots):
 * 1,000 followers 12 ms, 10,000 followers 33 ms (the target: 1,000 within 5 s); the
 * equilibrium check by the clearing 21 ms at 1,000.
 */
public final class StackelbergPriceSearch {
    /** The most tick steps the grid search accepts: {@code N²/2} pairs at two prices must stay about a second. */
    public static final int MAX_GRID_STEPS = 20_000;

    private StackelbergPriceSearch() {
    }

    /**
     * Solves the game by the price search, then checks the equilibrium when the options ask for it.
     *
     * @param game the game
     * @return the leader's optimum: status OPTIMAL, or INFEASIBLE when no price lets it recover its cost
     * @throws IllegalArgumentException for welfare with a buy and a sell price on the continuum, or a grid of more
     *                                  than {@link #MAX_GRID_STEPS} steps
     */
    public static StackelbergResult solve(StackelbergGame game) {
        Objects.requireNonNull(game, "game");
        long t0 = System.nanoTime();
        StackelbergOptions o = game.options();
        boolean grid = o.priceTick() > 0;
        if (!grid && o.objective() == LeaderObjective.WELFARE && o.structure() == PriceStructure.BUY_SELL) {
            throw new IllegalArgumentException("Welfare with a buy and a sell price is not searched on the continuum:"
                    + " give a price tick (the grid search is exact on it), one price (SINGLE), or use the MILP");
        }
        Curves curves = new Curves(game);
        double[] best = grid ? gridSearch(game, curves, o.objective(), o.structure())
                : continuum(curves, o.objective(), o.structure());
        String method = grid ? "price-grid" : "price-search";
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d followers, %d flexible assets; curves with %d export, %d import and"
                        + " %d net pieces", game.numFollowers(), game.numFlexibleAssets(), curves.exports.pieces(),
                curves.imports.pieces(), curves.net.pieces()));
        if (grid) {
            notes.add(String.format(Locale.ROOT, "prices on the grid floor + k*%s, k = 0..%d", o.priceTick(),
                    steps(game)));
        }
        if (best == null) {
            double[] richest = grid ? gridSearch(game, curves, LeaderObjective.PROFIT, o.structure())
                    : continuum(curves, LeaderObjective.PROFIT, o.structure());
            String why = String.format(Locale.ROOT, "no price lets the leader recover its cost %s: the most it can earn"
                    + " is %s (buy %s, sell %s)", o.leaderCost(), curves.profit(richest[0], richest[1]), richest[0],
                    richest[1]);
            return game.noSolution(Status.INFEASIBLE, method, why, notes, (System.nanoTime() - t0) * 1e-9);
        }
        double buy = best[0];
        double sell = best[1];
        double[] power = new double[game.numFlexibleAssets()];
        double[] marginal = new double[game.numFollowers()];
        game.bestResponses(buy, sell, power, marginal);
        StackelbergResult r = game.result(Status.OPTIMAL, method, "", buy, sell, power, marginal, notes,
                (System.nanoTime() - t0) * 1e-9);
        return o.verify() ? r.withCheck(StackelbergVerifier.verify(game, r)) : r;
    }

    /** {@return the number of tick steps of the game's price grid} */
    static long steps(StackelbergGame game) {
        double range = game.priceCap() - game.priceFloor();
        double q = range / game.options().priceTick();
        return (long) Math.floor(q + GameTolerances.STACKELBERG_TICK_COUNT * Math.max(1, q));
    }

    /** {@return tick k's price, never above the cap} */
    static double tickPrice(StackelbergGame game, long k) {
        return Math.min(game.priceFloor() + k * game.options().priceTick(), game.priceCap());
    }

    // ---------------------------------------------------------------- grid

    /** {buy, sell} of the best admissible grid point; null when none recovers the leader's cost. */
    static double[] gridSearch(StackelbergGame game, Curves c, LeaderObjective objective, PriceStructure structure) {
        long steps = steps(game);
        if (steps > MAX_GRID_STEPS) {
            throw new IllegalArgumentException("The price grid has " + steps + " steps, more than " + MAX_GRID_STEPS
                    + ": give a larger tick, or search the continuum (tick 0)");
        }
        int n = (int) steps + 1;
        double[] price = new double[n];
        double[] imp = new double[n];
        double[] exp = new double[n];
        double[] buySide = new double[n];
        double[] sellSide = new double[n];
        for (int k = 0; k < n; k++) {
            price[k] = tickPrice(game, k);
            imp[k] = c.imports.value(price[k]);
            exp[k] = c.exports.value(price[k]);
            buySide[k] = c.buySideAtCap - (c.imports.moment(c.cap) - c.imports.moment(price[k]));
            sellSide[k] = c.sellSideAtFloor - c.exports.moment(price[k]);
        }
        boolean welfare = objective == LeaderObjective.WELFARE;
        double cost = game.options().leaderCost();
        double best = Double.NEGATIVE_INFINITY;
        int bestB = -1;
        int bestS = -1;
        for (int b = 0; b < n; b++) {
            int sFrom = structure == PriceStructure.SINGLE ? b : 0;
            for (int s = sFrom; s <= b; s++) {
                double bill = game.gridBill(exp[s] - imp[b]);
                double revenue = price[b] * imp[b] - price[s] * exp[s];
                double profit = revenue - bill;
                double value;
                if (welfare) {
                    double scale = 1 + Math.abs(price[b] * imp[b]) + Math.abs(price[s] * exp[s]) + Math.abs(bill);
                    if (profit < cost - GameTolerances.STACKELBERG_COST_RECOVERY * scale) {
                        continue;
                    }
                    value = buySide[b] + sellSide[s] + c.zeroNetWelfare - bill;
                } else {
                    value = profit;
                }
                if (value > best) {
                    best = value;
                    bestB = b;
                    bestS = s;
                }
            }
        }
        return bestB < 0 ? null : new double[] {price[bestB], price[bestS]};
    }

    // ---------------------------------------------------------------- continuum

    /** {buy, sell} of the leader's optimum on the continuum; null when none recovers its cost. */
    static double[] continuum(Curves c, LeaderObjective objective, PriceStructure structure) {
        Best best = new Best();
        if (objective == LeaderObjective.WELFARE) {
            singleWelfare(c, best);
            return best.found() ? new double[] {best.buy, best.sell} : null;
        }
        singleProfit(c, best);
        if (structure == PriceStructure.BUY_SELL) {
            separated(c, best, true);
            separated(c, best, false);
            balanced(c, best);
        }
        return new double[] {best.buy, best.sell};
    }

    /** The best candidate so far, by the true objective; ties keep the first. */
    private static final class Best {
        double value = Double.NEGATIVE_INFINITY;
        double buy = Double.NaN;
        double sell = Double.NaN;

        void offer(double v, double b, double s) {
            if (v > value) {
                value = v;
                buy = b;
                sell = s;
            }
        }

        boolean found() {
            return !Double.isNaN(buy);
        }
    }

    /**
     * A piece of the net curve X on which X keeps one sign: π in [a, b], X = va + beta·(π − a), and
     * the grid price g the leader pays (X < 0: it imports) or is paid (X > 0) for the balance.
     */
    @FunctionalInterface
    private interface SignedPiece {
        void on(double a, double b, double va, double beta, double g);
    }

    /** Each piece of X, split where X changes sign: on each part the one-price objectives are concave quadratics. */
    private static void forEachSignedPiece(Curves c, SignedPiece f) {
        Piecewise x = c.net;
        for (int j = 0; j < x.pieces(); j++) {
            double l = x.x[j];
            double r = x.x[j + 1];
            double v = x.value[j];
            double beta = x.slope[j];
            double split = beta > 0 && v < 0 && v + beta * (r - l) > 0 ? Math.min(r, l - v / beta) : r;
            for (int half = 0; half < 2; half++) {
                double a = half == 0 ? l : split;
                double b = half == 0 ? split : r;
                if (half == 1 && split >= r) {
                    break;
                }
                double va = v + beta * (a - l);
                double mid = va + beta * 0.5 * (b - a);
                f.on(a, b, va, beta, mid < 0 ? c.game.gridImportPrice() : c.game.gridExportPrice());
            }
        }
    }

    /** One price, profit: on each signed piece the profit is a concave quadratic; its peak, clipped. */
    private static void singleProfit(Curves c, Best best) {
        forEachSignedPiece(c, (a, b, va, beta, g) -> {
            // Profit (g − π)·X(π), X = va + beta·t on π = a + t: stationary where d/dt = 0.
            double pi = beta > 0 ? clamp(a + (beta * (g - a) - va) / (2 * beta), a, b) : va > 0 ? a : b;
            best.offer(c.profit(pi, pi), pi, pi);
        });
    }

    /** One price, welfare subject to cost recovery: per signed piece, the welfare peak at the grid price, clipped. */
    private static void singleWelfare(Curves c, Best best) {
        double cost = c.game.options().leaderCost();
        forEachSignedPiece(c, (a, b, va, beta, g) -> {
            double[] range = recoveringRange(g, a, b, va, beta, cost);
            if (range == null) {
                return;
            }
            // Welfare −∫t·X' + g·X has derivative beta·(g − π): its peak is the grid price, clipped.
            double pi = beta > 0 ? clamp(g, range[0], range[1]) : range[0];
            double profit = c.profit(pi, pi);
            if (profit >= cost - GameTolerances.STACKELBERG_COST_RECOVERY * c.profitScale(pi, pi)) {
                best.offer(c.welfare(pi, pi), pi, pi);
            }
        });
    }

    /**
     * The interval of [a, b] where the one-price profit {@code (g − π)·(va + beta·(π − a))} is at least
     * {@code cost}, or null. Concave in π, so its superlevel set is an interval around its peak.
     */
    private static double[] recoveringRange(double g, double a, double b, double va, double beta, double cost) {
        // In t = π − a: P(t) = (g − a − t)(va + beta·t) = −beta·t² + (beta·(g − a) − va)·t + (g − a)·va.
        double qa = -beta;
        double qb = beta * (g - a) - va;
        double qc = (g - a) * va - cost;
        double len = b - a;
        double tol = GameTolerances.STACKELBERG_COST_RECOVERY * (1 + Math.abs((g - a) * va) + Math.abs(cost)
                + Math.abs(qb * len) + Math.abs(qa * len * len));
        if (beta > 0) {
            double peak = clamp(qb / (2 * beta), 0, len);
            if (qa * peak * peak + qb * peak + qc < -tol) {
                return null;
            }
            double disc = Math.max(0, qb * qb - 4 * qa * qc);
            double sq = Math.sqrt(disc);
            // Roots of qa·t² + qb·t + qc with qa < 0; the stable pair avoids cancellation.
            double q = -0.5 * (qb + Math.copySign(sq, qb));
            double r1 = q / qa;
            double r2 = q != 0 ? qc / q : r1;
            double lo = Math.max(0, Math.min(r1, r2));
            double hi = Math.min(len, Math.max(r1, r2));
            lo = Math.min(lo, peak);
            hi = Math.max(hi, peak);
            return new double[] {a + lo, a + hi};
        }
        // beta = 0: P = (g − π)·va, linear.
        if (va > 0) {
            double top = g - cost / va;
            return top >= a ? new double[] {a, Math.min(b, Math.max(a, top))} : atEnd(a, a, g, va, cost, tol);
        }
        if (va < 0) {
            double bottom = g - cost / va;
            return bottom <= b ? new double[] {Math.max(a, Math.min(b, bottom)), b} : atEnd(b, b, g, va, cost, tol);
        }
        return -cost >= -tol ? new double[] {a, b} : null;
    }

    /** The end point when the profit there falls short of the cost by rounding only; else null. */
    private static double[] atEnd(double p, double q, double g, double va, double cost, double tol) {
        return (g - p) * va >= cost - tol ? new double[] {p, q} : null;
    }

    /**
     * Case 1 of two prices: the best pair of piece maxima of F (over buy) and G (over sell) in the
     * region {@code X <= 0} (import) or {@code X >= 0}, with {@code sell <= buy}.
     */
    private static void separated(Curves c, Best best, boolean importRegion) {
        double g = importRegion ? c.game.gridImportPrice() : c.game.gridExportPrice();
        Piecewise imp = c.imports;
        Piecewise exp = c.exports;
        int nb = imp.pieces();
        double[] bb = new double[nb];
        double[] fb = new double[nb];
        double[] ib = new double[nb];
        for (int j = 0; j < nb; j++) {
            double l = imp.x[j];
            double r = imp.x[j + 1];
            double v = imp.value[j];
            double beta = imp.slope[j];
            // F = (l + t − g)·(v + beta·t): concave when beta < 0; flat or rising (I >= 0) when beta = 0.
            double b = beta < 0 ? clamp(l - (v + beta * (l - g)) / (2 * beta), l, r) : r;
            bb[j] = b;
            ib[j] = imp.value(b);
            fb[j] = (b - g) * ib[j];
        }
        int ns = exp.pieces();
        double[] ss = new double[ns];
        double[] gs = new double[ns];
        double[] es = new double[ns];
        for (int i = 0; i < ns; i++) {
            double l = exp.x[i];
            double r = exp.x[i + 1];
            double v = exp.value[i];
            double beta = exp.slope[i];
            // G = (g − l − t)·(v + beta·t): concave when beta > 0; flat or falling when beta = 0.
            double s = beta > 0 ? clamp(l + (beta * (g - l) - v) / (2 * beta), l, r) : l;
            ss[i] = s;
            es[i] = exp.value(s);
            gs[i] = (g - s) * es[i];
        }
        int[] pair = bestPair(bb, fb, ib, ss, gs, es, importRegion);
        if (pair != null) {
            double b = bb[pair[0]];
            double s = ss[pair[1]];
            best.offer(c.profit(b, s), b, s);
        }
    }

    /**
     * The pair (j, i) maximising {@code f[j] + gv[i]} with {@code s[i] <= b[j]} and {@code e[i] <= y[j]}
     * ({@code below}) or {@code e[i] >= y[j]}: a sweep over b with a Fenwick tree of prefix maxima over
     * the ranks of e. Null when no pair is admissible.
     */
    static int[] bestPair(double[] b, double[] f, double[] y, double[] s, double[] gv, double[] e, boolean below) {
        int nb = b.length;
        int ns = s.length;
        int[] byB = Piecewise.order(b, nb);
        int[] byS = Piecewise.order(s, ns);
        int[] byE = Piecewise.order(e, ns);
        double[] sortedE = new double[ns];
        int[] rank = new int[ns];
        for (int r = 0; r < ns; r++) {
            sortedE[r] = e[byE[r]];
            rank[byE[r]] = r;
        }
        double[] treeValue = new double[ns + 1];
        int[] treeIndex = new int[ns + 1];
        Arrays.fill(treeValue, Double.NEGATIVE_INFINITY);
        Arrays.fill(treeIndex, -1);
        double bestValue = Double.NEGATIVE_INFINITY;
        int bestJ = -1;
        int bestI = -1;
        int next = 0;
        for (int jj = 0; jj < nb; jj++) {
            int j = byB[jj];
            while (next < ns && s[byS[next]] <= b[j]) {
                int i = byS[next++];
                int position = below ? rank[i] : ns - 1 - rank[i];
                for (int t = position + 1; t <= ns; t += t & -t) {
                    if (gv[i] > treeValue[t]) {
                        treeValue[t] = gv[i];
                        treeIndex[t] = i;
                    }
                }
            }
            int length = below ? upperBound(sortedE, y[j]) : ns - lowerBound(sortedE, y[j]);
            double top = Double.NEGATIVE_INFINITY;
            int topIndex = -1;
            for (int t = length; t > 0; t -= t & -t) {
                if (treeValue[t] > top) {
                    top = treeValue[t];
                    topIndex = treeIndex[t];
                }
            }
            if (topIndex >= 0 && f[j] + top > bestValue) {
                bestValue = f[j] + top;
                bestJ = j;
                bestI = topIndex;
            }
        }
        return bestJ < 0 ? null : new int[] {bestJ, bestI};
    }

    /** {@return the number of entries of the sorted array <= v} */
    private static int upperBound(double[] sorted, double v) {
        int l = 0;
        int r = sorted.length;
        while (l < r) {
            int m = (l + r) >>> 1;
            if (sorted[m] <= v) {
                l = m + 1;
            } else {
                r = m;
            }
        }
        return l;
    }

    /** {@return the number of entries of the sorted array < v} */
    private static int lowerBound(double[] sorted, double v) {
        int l = 0;
        int r = sorted.length;
        while (l < r) {
            int m = (l + r) >>> 1;
            if (sorted[m] < v) {
                l = m + 1;
            } else {
                r = m;
            }
        }
        return l;
    }

    /**
     * Case 3 of two prices: a balanced community, {@code E(sell) = I(buy) = q}. For each q the best
     * sell is the smallest with {@code E = q} and the best buy the largest with {@code I = q}; both are
     * linear in q on the segments where E rises and I falls, and the profit {@code (buy − sell)·q}
     * is a concave quadratic on each overlap of an export and an import segment.
     */
    private static void balanced(Curves c, Best best) {
        double[][] es = segments(c.exports, true);
        double[][] is = segments(c.imports, false);
        // es/is: {qa, qb, price at qa, price at qb}, sorted by qa; their qb are sorted too.
        int ni = is[0].length;
        for (int e = 0; e < es[0].length; e++) {
            double eqa = es[0][e];
            double eqb = es[1][e];
            int i = lowerBound(is[1], eqa);
            for (; i < ni && is[0][i] <= eqb; i++) {
                double lo = Math.max(eqa, is[0][i]);
                double hi = Math.min(eqb, is[1][i]);
                if (lo > hi) {
                    continue;
                }
                double s0 = interpolate(es, e, lo);
                double s1 = interpolate(es, e, hi);
                double b0 = interpolate(is, i, lo);
                double b1 = interpolate(is, i, hi);
                double g0 = b0 - s0;
                double g1 = b1 - s1;
                if (g0 < 0) {
                    continue; // the spread only shrinks as q grows: sell > buy on the whole overlap
                }
                double q;
                if (hi == lo) {
                    q = lo;
                } else {
                    double d = (g1 - g0) / (hi - lo); // <= 0: buy falls and sell rises with q
                    double top = g1 >= 0 ? hi : lo + g0 / -d;
                    q = d < 0 ? clamp((d * lo - g0) / (2 * d), lo, top) : top;
                }
                double sell = interpolate(es, e, q);
                double buy = interpolate(is, i, q);
                sell = Math.min(sell, buy);
                best.offer(c.profit(buy, sell), buy, sell);
            }
        }
    }

    /**
     * The segments where a curve is strictly monotone, as {@code {qa[], qb[], priceAtQa[], priceAtQb[]}}
     * sorted by quantity, plus the curve's end that a flat stretch would otherwise hide: exports at the
     * floor (the least sell price for {@code E(floor)}), imports at the cap (the largest buy price for
     * {@code I(cap)}).
     */
    private static double[][] segments(Piecewise f, boolean rising) {
        int m = f.pieces();
        double[] qa = new double[m + 1];
        double[] qb = new double[m + 1];
        double[] pa = new double[m + 1];
        double[] pb = new double[m + 1];
        int k = 0;
        if (rising) {
            qa[k] = f.value[0];
            qb[k] = f.value[0];
            pa[k] = f.x[0];
            pb[k] = f.x[0];
            k++;
            for (int j = 0; j < m; j++) {
                if (f.slope[j] > 0) {
                    qa[k] = f.value[j];
                    qb[k] = Math.max(f.value[j], f.value[j + 1]);
                    pa[k] = f.x[j];
                    pb[k] = f.x[j + 1];
                    k++;
                }
            }
        } else {
            qa[k] = f.value[m];
            qb[k] = f.value[m];
            pa[k] = f.x[m];
            pb[k] = f.x[m];
            k++;
            for (int j = m - 1; j >= 0; j--) {
                if (f.slope[j] < 0) {
                    qa[k] = f.value[j + 1];
                    qb[k] = Math.max(f.value[j + 1], f.value[j]);
                    pa[k] = f.x[j + 1];
                    pb[k] = f.x[j];
                    k++;
                }
            }
        }
        return new double[][] {Arrays.copyOf(qa, k), Arrays.copyOf(qb, k),
                Arrays.copyOf(pa, k), Arrays.copyOf(pb, k)};
    }

    private static double interpolate(double[][] seg, int i, double q) {
        double qa = seg[0][i];
        double qb = seg[1][i];
        if (qb <= qa) {
            return seg[2][i];
        }
        double t = clamp((q - qa) / (qb - qa), 0, 1);
        return seg[2][i] + t * (seg[3][i] - seg[2][i]);
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
