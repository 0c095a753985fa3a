package org.peerclear.games.stackelberg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.opt.VariableType;

/**
 * The leader's optimum, exactly, as one single-level MILP: the followers' problems replaced by their
 * KKT conditions (complementarity by big-M with binaries), the leader's price on a tick grid.
 *
 * <h2>Why the price is discretised</h2>
 * The leader's revenue {@code buy·I − sell·E} is bilinear. The strong-duality trick replaces
 * {@code π·x} by the followers' primal and dual objective terms, but with quadratic costs those
 * include {@code Σ a_k·p_k²}: the problem stays quadratic (a MIQP), and no registered MILP back-end
 * (SCIP, CBC through MPSolver) solves one. So the prices are restricted to
 * {@code floor + k·tick}, {@code k = 0..K}, written in binary, {@code π = floor + tick·Σ_j 2^j·z_j};
 * then {@code π·I = floor·I + tick·Σ_j 2^j·(z_j·I)} and each {@code z_j·I} is linearised exactly
 * (z binary, I bounded) by its four McCormick rows. The MILP is exact for that grid, the same
 * problem as the price search with the same tick, which it is cross-checked against; its gap to the
 * continuum is at most one tick's change of the leader's objective. The tick is the options'
 * {@code priceTick}, else the range over {@value #DEFAULT_STEPS} steps.
 *
 * <h2>The followers' KKT conditions</h2>
 * Follower n: {@code min Σ f_k(p_k) − sell·e + buy·i} s.t. {@code Σ p_k + fixed − e + i = 0} (dual
 * {@code λ_n}), {@code pMin <= p <= pMax} (duals {@code μ⁻, μ⁺ >= 0}), {@code e, i >= 0}.
 * Stationarity: {@code a_k·p_k + b_k − λ_n − μ⁻_k + μ⁺_k = 0}, {@code sell <= λ_n <= buy};
 * complementarity: {@code μ⁻_k·(p_k − pMin) = 0}, {@code μ⁺_k·(pMax − p_k) = 0},
 * {@code (λ_n − sell)·e_n = 0}, {@code (buy − λ_n)·i_n = 0}, each by a binary and two big-M rows.
 *
 * <h2>Big-M from the data</h2>
 * Every M is a bound the variable cannot exceed at any KKT point with prices in
 * {@code [floor, top]} ({@code top = floor + K·tick <= cap}), so no optimum is cut off and none is a
 * magic number:
 * <ul>
 *   <li>{@code p_k − pMin <= (pMax − pMin)·(1 − δ⁻)}: the asset's range;</li>
 *   <li>{@code μ⁻_k <= max(0, a_k·pMin_k + b_k − floor)·δ⁻}: at {@code p = pMin}, {@code μ⁺ = 0} and
 *       stationarity gives {@code μ⁻ = a·pMin + b − λ} with {@code λ >= floor}; likewise
 *       {@code μ⁺_k <= max(0, top − a_k·pMax_k − b_k)}. An M of zero means the bound never binds in
 *       the range: the multiplier and its binary are left out;</li>
 *   <li>{@code λ_n − sell <= (top − floor)·(1 − ε_n)}, {@code buy − λ_n <= (top − floor)·(1 − ι_n)}:
 *       all three are prices in the range;</li>
 *   <li>{@code e_n <= max(0, S_n(top))·ε_n}, {@code i_n <= max(0, −S_n(floor))·ι_n}: the most the
 *       follower exports at the highest price and imports at the lowest (zero: no variable);</li>
 *   <li>the McCormick rows use {@code Ī = Σ_n max(0, −S_n(floor))} and {@code Ē = Σ_n max(0, S_n(top))}.</li>
 * </ul>
 *
 * <h2>The objectives, linear</h2>
 * Profit: {@code buy·I − sell·E − c⁺·g⁺ + c⁻·g⁻} with grid purchases {@code g⁺} and sales
 * {@code g⁻}, {@code g⁻ − g⁺ = E − I} (the leader never does both, since {@code c⁺ >= c⁻}).
 * Welfare: the assets' costs are quadratic, but at a KKT point {@code a·p² = p·(λ − b + μ⁻ − μ⁺)}
 * and {@code μ⁻·p = μ⁻·pMin}, {@code μ⁺·p = μ⁺·pMax}, so {@code f_k(p_k) = ½(λ_n·p_k + b_k·p_k +
 * μ⁻_k·pMin_k − μ⁺_k·pMax_k)}; summed over a follower, {@code λ_n·Σ p_k = sell·e_n − buy·i_n −
 * λ_n·fixed_n} by complementarity, whose sums are the linearised revenue terms again. Welfare is
 * maximised subject to the profit covering the leader's cost.
 *
 * <p>Size: per flexible asset one power, up to two multipliers and two binaries; per follower its
 * marginal value, its exports and imports and up to two binaries; {@code 2·⌈log₂(K + 1)⌉} price
 * bits with one McCormick product each.
 *
 * <h2>Where it stops being practical</h2>
 * The relaxation is weak: with fractional bits the McCormick rows let the revenue reach
 * {@code top·I} at any price, so the back-end branches on the price bits. Measured with
 * {@code StackelbergBenchmark} (profit, two prices, SCIP with one thread, the benchmark's
 * prosumers; median of three shots up to 16 followers, one shot beyond): with 32 ticks, 4 followers
 * 2.4 s, 8 5.1 s, 12 8.2 s, 16 9.5 s, 24 20 s, 48 21 s, 64 99 s, 96 77 s, and 128 not optimal
 * within 120 s (an incumbent far below the optimum); with 1000 ticks, 8 followers 11 s, 12 15 s,
 * 24 31 s, 48 61 s. So it is the method for tens of followers, and the cross-check of the price
 * search, which solves 1,000 followers in about 12 ms.
 */
public final class StackelbergMilp {
    /** The price grid's steps over the range when the options give no tick. */
    public static final int DEFAULT_STEPS = 1000;

    private StackelbergMilp() {
    }

    /**
     * Solves the game's MILP with the registry's default MILP back-end (SCIP, then CBC) and default parameters.
     *
     * @param game the game
     * @return the leader's optimum on the price grid
     * @throws IllegalArgumentException when no available back-end solves MILPs
     */
    public static StackelbergResult solve(StackelbergGame game) {
        return solve(game, SolverRegistry.load().defaultFor(ProblemClass.MILP), SolverParameters.DEFAULT);
    }

    /**
     * Solves the game's MILP.
     *
     * @param game       the game
     * @param backend    a MILP back-end
     * @param parameters its limits (time limit, gap)
     * @return the leader's optimum on the price grid: OPTIMAL to the back-end's gap, FEASIBLE or TIME_LIMIT with an
     *         incumbent, INFEASIBLE when no grid price lets the leader recover its cost, or without a solution
     */
    public static StackelbergResult solve(StackelbergGame game, SolverBackend backend, SolverParameters parameters) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(parameters, "parameters");
        long t0 = System.nanoTime();
        Model m = new Model(game);
        Solution s = backend.solve(m.problem, parameters);
        List<String> notes = new ArrayList<>(m.notes);
        notes.add(String.format(Locale.ROOT, "back-end %s: %s%s in %.3f s", s.backend(), s.status(),
                s.message().isEmpty() ? "" : " (" + s.message() + ")", s.seconds()));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (!s.hasPoint()) {
            String why = s.status() == Status.INFEASIBLE ? "no grid price lets the leader recover its cost "
                    + game.options().leaderCost() : s.message();
            return game.noSolution(s.status(), "milp", why, notes, seconds);
        }
        double[] x = s.x();
        double buy = m.price(x, m.buyBits);
        double sell = game.options().structure() == PriceStructure.SINGLE ? buy : m.price(x, m.sellBits);
        double[] power = new double[game.numFlexibleAssets()];
        for (int k = 0; k < power.length; k++) {
            power[k] = x[m.power[k]];
        }
        double[] marginal = new double[game.numFollowers()];
        for (int n = 0; n < marginal.length; n++) {
            marginal[n] = m.lambda[n] >= 0 ? x[m.lambda[n]] : game.responsePrice(n, buy, sell);
        }
        StackelbergResult r = game.result(s.status(), "milp", s.message(), buy, sell, power, marginal, notes, seconds);
        double milpObjective = -s.objective();
        r = r.withNote(String.format(Locale.ROOT, "MILP objective %s, recomputed from the responses %s", milpObjective,
                r.leaderObjective()));
        return game.options().verify() ? r.withCheck(StackelbergVerifier.verify(game, r)) : r;
    }

    /**
     * The MILP of a game, for inspection (sizes, a dump of a small one).
     *
     * @param game the game
     * @return the problem, a minimisation of minus the leader's objective
     */
    public static Problem problem(StackelbergGame game) {
        return new Model(game).problem;
    }

    /** The problem and where its variables are. */
    private static final class Model extends PriceGridMilp {
        final Problem problem;
        final int[] buyBits;
        final int[] sellBits;
        final int[] power;
        final int[] lambda;
        final List<String> notes = new ArrayList<>();
        private int[] costCol = new int[16];
        private double[] costVal = new double[16];
        private int costCount;

        Model(StackelbergGame game) {
            super("stackelberg", game.priceFloor(), game.priceCap(), game.options().priceTick());
            StackelbergOptions o = game.options();
            boolean single = o.structure() == PriceStructure.SINGLE;
            int n = game.numFollowers();
            int assets = game.numFlexibleAssets();
            power = new int[assets];
            lambda = new int[n];

            // Prices.
            buyBits = bits(bits, "zb");
            int buyPrice = priceVariable("buy", buyBits);
            int sellPrice;
            if (single) {
                sellBits = buyBits;
                sellPrice = buyPrice;
            } else {
                sellBits = bits(bits, "zs");
                sellPrice = priceVariable("sell", sellBits);
                row("sell<=buy", Sense.LESS_EQUAL, 0, sellPrice, 1, buyPrice, -1);
            }

            // Followers.
            double[] maxExport = new double[n];
            double[] maxImport = new double[n];
            double totalExport = 0;
            double totalImport = 0;
            for (int f = 0; f < n; f++) {
                maxExport[f] = Math.max(0, game.supply(f, top));
                maxImport[f] = Math.max(0, -game.supply(f, floor));
                totalExport += maxExport[f];
                totalImport += maxImport[f];
            }
            int[] exportVar = new int[n];
            int[] importVar = new int[n];
            int binaries = bits * (single ? 1 : 2);
            double maxMuLow = 0;
            double maxMuHigh = 0;
            double bandM = top - floor;
            for (int f = 0; f < n; f++) {
                String id = game.followers().get(f).id();
                boolean flexible = game.start[f] < game.start[f + 1];
                double fixed = game.fixedNet[f];
                if (!flexible) {
                    lambda[f] = -1;
                    exportVar[f] = pb.addVariable("e_" + id, Math.max(fixed, 0), Math.max(fixed, 0));
                    importVar[f] = pb.addVariable("i_" + id, Math.max(-fixed, 0), Math.max(-fixed, 0));
                    // Σ f over its flexible assets is empty; remove its share of ½(sell·E − buy·I) below.
                    costTerm(sellPrice, -0.5 * Math.max(fixed, 0));
                    costTerm(buyPrice, 0.5 * Math.max(-fixed, 0));
                    continue;
                }
                lambda[f] = pb.addVariable("lambda_" + id, floor, top);
                row("lambda>=sell_" + id, Sense.GREATER_EQUAL, 0, lambda[f], 1, sellPrice, -1);
                row("lambda<=buy_" + id, Sense.LESS_EQUAL, 0, lambda[f], 1, buyPrice, -1);
                exportVar[f] = pb.addVariable("e_" + id, 0, maxExport[f]);
                importVar[f] = pb.addVariable("i_" + id, 0, maxImport[f]);
                // −½·fixed·λ_n in Σ f.
                costTerm(lambda[f], -0.5 * fixed);
                int m = game.start[f + 1] - game.start[f];
                int[] bc = new int[m + 2];
                double[] bv = new double[m + 2];
                for (int k = game.start[f], j = 0; k < game.start[f + 1]; k++, j++) {
                    double lo = game.lo[k];
                    double hi = game.hi[k];
                    double a = game.qa[k];
                    double b = game.lb[k];
                    String aid = id + "." + k;
                    int[] kkt = assetKkt(aid, lo, hi, a, b, lambda[f]);
                    int p = kkt[0];
                    int muLow = kkt[1];
                    int muHigh = kkt[2];
                    power[k] = p;
                    bc[j] = p;
                    bv[j] = 1;
                    maxMuLow = Math.max(maxMuLow, a * lo + b - floor);
                    maxMuHigh = Math.max(maxMuHigh, top - a * hi - b);
                    binaries += (muLow >= 0 ? 1 : 0) + (muHigh >= 0 ? 1 : 0);
                    // ½(b·p + μ⁻·pMin − μ⁺·pMax) in Σ f.
                    costTerm(p, 0.5 * b);
                    if (muLow >= 0) {
                        costTerm(muLow, 0.5 * lo);
                    }
                    if (muHigh >= 0) {
                        costTerm(muHigh, -0.5 * hi);
                    }
                }
                // Balance: Σ p − e + i = −fixed.
                bc[m] = exportVar[f];
                bv[m] = -1;
                bc[m + 1] = importVar[f];
                bv[m + 1] = 1;
                pb.addRow("balance_" + id, bc, bv, m + 2, Sense.EQUAL, -fixed);
                if (!single) {
                    if (maxExport[f] > 0) {
                        int d = pb.addVariable("exports_" + id, 0, 1, VariableType.BINARY);
                        binaries++;
                        row("e<=M_" + id, Sense.LESS_EQUAL, 0, exportVar[f], 1, d, -maxExport[f]);
                        row("lambda-sell<=M_" + id, Sense.LESS_EQUAL, bandM, lambda[f], 1, sellPrice, -1, d, bandM);
                    }
                    if (maxImport[f] > 0) {
                        int d = pb.addVariable("imports_" + id, 0, 1, VariableType.BINARY);
                        binaries++;
                        row("i<=M_" + id, Sense.LESS_EQUAL, 0, importVar[f], 1, d, -maxImport[f]);
                        row("buy-lambda<=M_" + id, Sense.LESS_EQUAL, bandM, buyPrice, 1, lambda[f], -1, d, bandM);
                    }
                }
            }

            // Totals, the linearised revenue terms and the grid.
            int exportsTotal = pb.addVariable("E", 0, totalExport);
            int importsTotal = pb.addVariable("I", 0, totalImport);
            sumRow("E=sum e", exportsTotal, exportVar);
            sumRow("I=sum i", importsTotal, importVar);
            int[] buyProducts = products("wb", buyBits, importsTotal, totalImport);
            int[] sellProducts = products("ws", sellBits, exportsTotal, totalExport);
            int gridBuy = pb.addVariable("gridImport", 0, totalImport);
            int gridSell = pb.addVariable("gridExport", 0, totalExport);
            row("grid=E-I", Sense.EQUAL, 0, gridSell, 1, gridBuy, -1, exportsTotal, -1, importsTotal, 1);

            // Profit = floor·I + tick·Σ 2^j wb_j − floor·E − tick·Σ 2^j ws_j − c⁺·g⁺ + c⁻·g⁻, as coefficients.
            int total = pb.numVariables();
            double[] profit = new double[total];
            profit[importsTotal] += floor;
            profit[exportsTotal] -= floor;
            for (int j = 0; j < buyProducts.length; j++) {
                profit[buyProducts[j]] += tick * (1L << j);
                profit[sellProducts[j]] -= tick * (1L << j);
            }
            profit[gridBuy] -= game.gridImportPrice();
            profit[gridSell] += game.gridExportPrice();
            if (o.objective() == LeaderObjective.PROFIT) {
                for (int v = 0; v < total; v++) {
                    if (profit[v] != 0) {
                        pb.addLinear(v, -profit[v]);
                    }
                }
            } else {
                // Minimise Σ f + fixed costs + c⁺·g⁺ − c⁻·g⁻, with Σ f = ½(sell·E − buy·I) + the terms collected.
                double[] cost = new double[total];
                cost[exportsTotal] += 0.5 * floor;
                cost[importsTotal] -= 0.5 * floor;
                for (int j = 0; j < buyProducts.length; j++) {
                    cost[sellProducts[j]] += 0.5 * tick * (1L << j);
                    cost[buyProducts[j]] -= 0.5 * tick * (1L << j);
                }
                for (int t = 0; t < costCount; t++) {
                    cost[costCol[t]] += costVal[t];
                }
                cost[gridBuy] += game.gridImportPrice();
                cost[gridSell] -= game.gridExportPrice();
                double fixedCost = 0;
                for (int f = 0; f < n; f++) {
                    fixedCost += game.fixedCost[f];
                }
                for (int v = 0; v < total; v++) {
                    if (cost[v] != 0) {
                        pb.addLinear(v, cost[v]);
                    }
                }
                pb.addConstant(fixedCost);
                int[] pc = new int[total];
                double[] pv = new double[total];
                int c = 0;
                for (int v = 0; v < total; v++) {
                    if (profit[v] != 0) {
                        pc[c] = v;
                        pv[c++] = profit[v];
                    }
                }
                pb.addRow("profit>=cost", pc, pv, c, Sense.GREATER_EQUAL, o.leaderCost());
            }
            problem = pb.build();
            notes.add(String.format(Locale.ROOT, "prices on the grid floor + k*%s, k = 0..%d (%d bits per price)", tick,
                    steps, bits));
            notes.add(String.format(Locale.ROOT, "MILP: %d variables (%d binary), %d rows; big-M from the data: price"
                            + " range %s, multipliers up to %s (at pMin) and %s (at pMax), exports up to %s, imports up to %s",
                    problem.numVariables(), binaries, problem.numRows(), bandM, maxMuLow, maxMuHigh, totalExport,
                    totalImport));
        }

        /** Adds {@code v} to variable c's coefficient in the assets' cost Σ f (welfare's linear form). */
        private void costTerm(int c, double v) {
            if (costCount == costCol.length) {
                costCol = Arrays.copyOf(costCol, 2 * costCount);
                costVal = Arrays.copyOf(costVal, 2 * costCount);
            }
            costCol[costCount] = c;
            costVal[costCount++] = v;
        }
    }
}
