package org.peerclear.clearing.multiclass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.peerclear.clearing.Certification;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.preference.ClassPreferences;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.Status;
import org.peerclear.result.CostAccounting;
import org.peerclear.result.ResultVerifier;

/**
 * Multi-class energy management (after Morstyn &amp; McCulloch, TPWRS 2018): energy is sold in
 * classes (an agent sells the class of its {@code class} label, {@link #UNLABELLED} without one,
 * {@code grid} for the grid), every class has one market and one price, and each buyer values
 * the classes differently through its premiums:
 *
 * <pre>
 *   minimise   Σ_s f_s(p_s) − Σ_n Σ_c w_n(c)·buy_n,c
 *   subject to Σ_{s of n} p_s − sell_n + Σ_c buy_n,c = 0       (agent n; dual mu_n)
 *              Σ_{n of class c} sell_n − Σ_n buy_n,c = 0        (class c; dual pi_c, the class price)
 *              sell_n ≤ generation_n                                   (no resale)
 *              sell, buy ≥ 0, asset bounds
 * </pre>
 *
 * An agent sells at most what its own assets generate (an asset with {@code pMin < 0 < pMax} is
 * split into generation and consumption parts), so bought energy can only be consumed: without
 * this rule energy bought in one class could be resold in another and collect the premium
 * again, and the market would be unbounded.
 *
 * Only prosumers (agents with both producing and consuming capacity) carry the no-resale row,
 * so their price may be non-unique when it binds. At the optimum a seller's price is its class price, and a buyer pays
 * {@code mu_n = min_c (pi_c − w_n(c))}: class prices differ exactly when buyers' preferences make
 * them differ, and coincide when nobody distinguishes the classes. The market's trade graph is
 * not used: trade happens through the class markets.
 *
 * <p>The status is the back-end's claim checked by the problem's KKT certificate
 * ({@link Certification#judge}); infeasibility and unboundedness are left to the back-end (the
 * pre-checks of {@code MarketFeasibility} are about the trade graph, which this market does not use).
 */
public final class MultiClassClearing {
    /** The class of what an agent without a {@code class} label sells. */
    public static final String UNLABELLED = "unlabelled";

    private MultiClassClearing() {
    }

    private static int[] ints(List<Integer> v) {
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubles(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Clears the class markets on a solver back-end. The market's network, if any, is ignored here
     * ({@link MultiClassMethod} refuses it).
     *
     * @param market      the market; its trade graph is not used, its grid (if any) is one agent of class
     *                    {@code grid}
     * @param preferences the buyers' premiums per class
     * @param options     the solver (the registry's default for the problem's class when none is named), its
     *                    parameters and the time limit
     * @return the class prices, the agents' prices, sales and purchases and the set-points, with the certified
     *         status
     * @throws IllegalArgumentException if the solver named is not registered
     */
    public static MultiClassResult clear(Market market, ClassPreferences preferences, ClearingOptions options) {
        MarketIndex ix = MarketIndex.of(market);
        // The trade graph is not used, so the grid is one agent: its first leg, which holds the
        // whole tariff and limits (the index refuses a limit shared by several legs). The others
        // and their assets are left out; they are last in the index.
        int grid = ix.numGridLegs() > 0 ? ix.firstGridLeg() : -1;
        int numAgents = ix.firstGridLeg() + (grid >= 0 ? 1 : 0);
        int numAssets = ix.assetStart()[numAgents];
        String[] classOf = new String[numAgents];
        for (int n = 0; n < market.agents().size(); n++) {
            Agent a = market.agents().get(n);
            classOf[n] = a.productClass() == null ? UNLABELLED : a.productClass();
        }
        if (grid >= 0) {
            classOf[grid] = Grid.AGENT_ID;
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(List.of(classOf)));
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.put(classes.get(c), c);
        }
        ProblemBuilder pb = new ProblemBuilder("multi-class");
        int[] p = new int[numAssets];
        for (int s = 0; s < numAssets; s++) {
            p[s] = pb.addVariable("p[" + ix.assetId(s) + "]", ix.pMin()[s], ix.pMax()[s]);
            pb.addLinear(p[s], ix.b()[s]);
            if (ix.a()[s] != 0) {
                pb.addQuadratic(p[s], p[s], ix.a()[s]);
            }
        }
        // Generation parts: a producing asset's p, or the g of a split p = g − l.
        int[] gen = new int[numAssets];
        int[] con = new int[numAssets];
        java.util.Arrays.fill(gen, -1);
        java.util.Arrays.fill(con, -1);
        for (int s = 0; s < numAssets; s++) {
            double lo = ix.pMin()[s];
            double hi = ix.pMax()[s];
            if (lo >= 0) {
                gen[s] = p[s];
            } else if (hi > 0) {
                gen[s] = pb.addVariable("g[" + ix.assetId(s) + "]", 0, hi);
                con[s] = pb.addVariable("l[" + ix.assetId(s) + "]", 0, -lo);
                pb.addRow("split[" + ix.assetId(s) + "]", new int[] {p[s], gen[s], con[s]}, new double[] {1, -1, 1}, Sense.EQUAL, 0);
            }
        }
        int nc = classes.size();
        int[] sell = new int[numAgents];
        int[][] buy = new int[numAgents][nc];
        int[] agentRow = new int[numAgents];
        for (int n = 0; n < numAgents; n++) {
            String id = ix.agentId(n);
            boolean producer = true;
            boolean consumer = true;
            for (int s = ix.assetStart()[n]; s < ix.assetStart()[n + 1]; s++) {
                producer &= ix.pMin()[s] >= 0;
                consumer &= ix.pMax()[s] <= 0;
            }
            // A pure producer only sells and a pure consumer only buys: no variables that could
            // only be zero, and so no redundant rows that would make its price non-unique.
            sell[n] = consumer ? -1 : pb.addVariable("sell[" + id + "]", 0, Double.POSITIVE_INFINITY);
            for (int c = 0; c < nc; c++) {
                if (producer && !consumer) {
                    buy[n][c] = -1;
                    continue;
                }
                buy[n][c] = pb.addVariable("buy[" + id + "," + classes.get(c) + "]", 0, Double.POSITIVE_INFINITY);
                double w = n == grid ? 0.0 : preferences.premium(id, classes.get(c));
                if (w != 0) {
                    pb.addLinear(buy[n][c], -w);
                }
            }
        }
        for (int n = 0; n < numAgents; n++) {
            int s0 = ix.assetStart()[n];
            int s1 = ix.assetStart()[n + 1];
            List<Integer> cols = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            for (int s = s0; s < s1; s++) {
                cols.add(p[s]);
                vals.add(1.0);
            }
            if (sell[n] >= 0) {
                cols.add(sell[n]);
                vals.add(-1.0);
            }
            for (int c = 0; c < nc; c++) {
                if (buy[n][c] >= 0) {
                    cols.add(buy[n][c]);
                    vals.add(1.0);
                }
            }
            agentRow[n] = cols.isEmpty() ? -1 : pb.addRow("balance[" + ix.agentId(n) + "]", ints(cols), doubles(vals), Sense.EQUAL, 0);
            if (sell[n] >= 0 && buy[n][0] >= 0) {
                List<Integer> gc = new ArrayList<>(List.of(sell[n]));
                List<Double> gv = new ArrayList<>(List.of(1.0));
                for (int s = s0; s < s1; s++) {
                    if (gen[s] >= 0) {
                        gc.add(gen[s]);
                        gv.add(-1.0);
                    }
                }
                pb.addRow("noResale[" + ix.agentId(n) + "]", ints(gc), doubles(gv), Sense.LESS_EQUAL, 0);
            }
        }
        int[] classRow = new int[nc];
        for (int c = 0; c < nc; c++) {
            List<Integer> cols = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            for (int n = 0; n < numAgents; n++) {
                if (sell[n] >= 0 && classIndex.get(classOf[n]) == c) {
                    cols.add(sell[n]);
                    vals.add(1.0);
                }
                if (buy[n][c] >= 0) {
                    cols.add(buy[n][c]);
                    vals.add(-1.0);
                }
            }
            classRow[c] = pb.addRow("class[" + classes.get(c) + "]", ints(cols), doubles(vals), Sense.EQUAL, 0);
        }
        Problem problem = pb.build();
        SolverBackend backend = options.solver().map(options.registry()::get)
                .orElseGet(() -> options.registry().defaultFor(problem.problemClass()));
        long start = System.nanoTime();
        Solution s = backend.solve(problem, options.solverParametersAt(start));
        Certification.Verdict verdict = certify(ix, problem, s, p);
        String message = verdict.message().isEmpty() ? s.message() : s.message() + "; " + verdict.message();
        if (!verdict.status().hasSolution()) {
            return new MultiClassResult(verdict.status(), message, backend.name(), Double.NaN, Map.of(), Map.of(), Map.of(),
                    Map.of(), Map.of());
        }
        Map<String, Double> classPrices = new LinkedHashMap<>();
        for (int c = 0; c < nc; c++) {
            classPrices.put(classes.get(c), s.hasDuals() ? s.dual(classRow[c]) : Double.NaN);
        }
        Map<String, Double> agentPrices = new LinkedHashMap<>();
        Map<String, Double> sales = new LinkedHashMap<>();
        Map<String, Map<String, Double>> purchases = new LinkedHashMap<>();
        for (int n = 0; n < numAgents; n++) {
            agentPrices.put(ix.agentId(n), s.hasDuals() && agentRow[n] >= 0 ? s.dual(agentRow[n]) : Double.NaN);
            sales.put(ix.agentId(n), sell[n] >= 0 ? s.x(sell[n]) : 0.0);
            Map<String, Double> byClass = new LinkedHashMap<>();
            for (int c = 0; c < nc; c++) {
                byClass.put(classes.get(c), buy[n][c] >= 0 ? s.x(buy[n][c]) : 0.0);
            }
            purchases.put(ix.agentId(n), byClass);
        }
        Map<String, Double> assetPower = new LinkedHashMap<>();
        for (int i = 0; i < numAssets; i++) {
            assetPower.put(ix.assetId(i), s.x(p[i]));
        }
        return new MultiClassResult(verdict.status(), message, backend.name(), s.objective(), classPrices, agentPrices, sales,
                purchases, assetPower);
    }

    /**
     * The back-end's claim checked by the problem's KKT certificate (the multi-class market has
     * no trade graph, so the market certificate does not apply), with the tolerances of
     * {@link Certification}: a result without duals or whose certificate fails is not
     * {@code OPTIMAL}.
     */
    private static Certification.Verdict certify(MarketIndex ix, Problem problem, Solution s, int[] assetVar) {
        if (!s.status().hasSolution()) {
            return new Certification.Verdict(s.status(), "");
        }
        double[] power = new double[assetVar.length];
        for (int i = 0; i < power.length; i++) {
            power[i] = s.x(assetVar[i]);
        }
        double scale = Math.max(Math.max(1.0, Math.abs(s.objective())), CostAccounting.grossCost(ix, power, new double[ix.numArcs()]));
        OptimalityCertificate kkt = s.hasDuals() ? OptimalityCertificate.of(problem, s) : null;
        if (kkt == null) {
            return new Certification.Verdict(s.status() == Status.OPTIMAL ? Status.FEASIBLE : s.status(),
                    "optimality not certified: the solver returned no duals");
        }
        return Certification.judge(s.status(), null, kkt, ResultVerifier.scales(ix), scale, Status.NUMERICAL_ERROR,
                ResultVerifier.Tolerances.DEFAULT);
    }
}
