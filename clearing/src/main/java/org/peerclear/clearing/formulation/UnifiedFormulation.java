package org.peerclear.clearing.formulation;

import java.util.Arrays;
import java.util.List;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;

/**
 * The unified multi-bilateral market (Baroche, Moret &amp; Pinson 2019; Sorin, Bobo &amp; Pinson
 * 2019) as one optimisation problem:
 *
 * <pre>
 *   minimise   Σ_s ½ a_s p_s² + b_s p_s  +  Σ_k gamma_k |t_k|
 *   subject to Σ_{s of n} p_s − Σ_{k out of n} t_k = 0      (balance of agent n; dual mu_n)
 *              t_k + t_k' = 0                                (reciprocity of pair {k, k'}; dual lambda)
 *              pMin_s ≤ p_s ≤ pMax_s
 * </pre>
 *
 * An arc with {@code gamma > 0} is split, {@code t_k = t⁺_k − t⁻_k} with both ≥ 0 and the cost
 * {@code gamma (t⁺ + t⁻)}, which is exact at an optimum since {@code gamma > 0} makes
 * one of them 0; an arc with {@code gamma = 0} is one free variable. With the duals in the
 * convention of {@link Problem} ({@code ∂obj*∕∂rhs}), {@code mu_n} is the agent's marginal cost
 * of serving one more unit of its own demand, and at the optimum
 * {@code mu_n = lambda_k − sign(t_k) gamma_k} on every trading arc.
 */
public final class UnifiedFormulation {
    private final MarketIndex index;
    private final Problem problem;
    private final int[] assetVar;
    private final int[] arcPlus;
    private final int[] arcMinus;
    private final int[] balanceRow;
    private final int[] pairRow;

    /**
     * Adds variables and rows to the base formulation before it is built (integer rules, network
     * constraints...). Extensions see the base variables through the formulation's accessors.
     */
    @FunctionalInterface
    public interface Extension {
        /**
         * Adds this extension's variables and rows, after the base's.
         *
         * @param base    the formulation being built; its accessors of variables and rows are valid, its problem
         *                is not built yet
         * @param builder the builder holding the base's variables and rows
         */
        void extend(UnifiedFormulation base, ProblemBuilder builder);
    }

    private UnifiedFormulation(MarketIndex index, List<Extension> extensions) {
        this(new ProblemBuilder("unified-market"), index, "", extensions, true);
    }

    /**
     * Adds the market's variables and rows to {@code pb}, their names prefixed by {@code prefix};
     * builds the problem when {@code build}, else leaves it to whoever owns the builder (a
     * problem over several periods, {@link #into}).
     */
    private UnifiedFormulation(ProblemBuilder pb, MarketIndex index, String prefix, List<Extension> extensions, boolean build) {
        this.index = index;
        int nAssets = index.numAssets();
        int nArcs = index.numArcs();
        int nAgents = index.numAgents();
        assetVar = new int[nAssets];
        double[] a = index.a();
        double[] b = index.b();
        for (int s = 0; s < nAssets; s++) {
            int v = pb.addVariable(prefix + "p[" + index.assetId(s) + "]", index.pMin()[s], index.pMax()[s]);
            assetVar[s] = v;
            pb.addLinear(v, b[s]);
            if (a[s] != 0.0) {
                pb.addQuadratic(v, v, a[s]);
            }
        }
        arcPlus = new int[nArcs];
        arcMinus = new int[nArcs];
        double[] gamma = index.gamma();
        for (int k = 0; k < nArcs; k++) {
            String name = prefix + index.agentId(index.from()[k]) + "->" + index.agentId(index.to()[k]);
            if (gamma[k] > 0.0) {
                arcPlus[k] = pb.addVariable("t+[" + name + "]", 0.0, Double.POSITIVE_INFINITY);
                arcMinus[k] = pb.addVariable("t-[" + name + "]", 0.0, Double.POSITIVE_INFINITY);
                pb.addLinear(arcPlus[k], gamma[k]);
                pb.addLinear(arcMinus[k], gamma[k]);
            } else {
                arcPlus[k] = pb.addVariable("t[" + name + "]", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                arcMinus[k] = -1;
            }
        }
        balanceRow = new int[nAgents];
        int[] cols = new int[16];
        double[] vals = new double[16];
        int[] assetStart = index.assetStart();
        int[] arcStart = index.arcStart();
        int[] arcsOf = index.arcsOf();
        for (int n = 0; n < nAgents; n++) {
            int need = (assetStart[n + 1] - assetStart[n]) + 2 * (arcStart[n + 1] - arcStart[n]);
            if (need > cols.length) {
                cols = Arrays.copyOf(cols, need);
                vals = Arrays.copyOf(vals, need);
            }
            int c = 0;
            for (int s = assetStart[n]; s < assetStart[n + 1]; s++) {
                cols[c] = assetVar[s];
                vals[c++] = 1.0;
            }
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                int k = arcsOf[q];
                cols[c] = arcPlus[k];
                vals[c++] = -1.0;
                if (arcMinus[k] >= 0) {
                    cols[c] = arcMinus[k];
                    vals[c++] = 1.0;
                }
            }
            // An agent with neither assets nor arcs has nothing to balance: no row, no price.
            balanceRow[n] = c == 0 ? -1 : pb.addRow(prefix + "balance[" + index.agentId(n) + "]", cols, vals, c, Sense.EQUAL, 0.0);
        }
        pairRow = new int[index.numPairs()];
        for (int pair = 0; pair < pairRow.length; pair++) {
            int c = 0;
            for (int k = 2 * pair; k <= 2 * pair + 1; k++) {
                cols[c] = arcPlus[k];
                vals[c++] = 1.0;
                if (arcMinus[k] >= 0) {
                    cols[c] = arcMinus[k];
                    vals[c++] = -1.0;
                }
            }
            pairRow[pair] = pb.addRow(prefix + "reciprocity[" + index.agentId(index.from()[2 * pair]) + "," + index.agentId(index.to()[2 * pair]) + "]",
                    cols, vals, c, Sense.EQUAL, 0.0);
        }
        for (Extension e : extensions) {
            e.extend(this, pb);
        }
        this.problem = build ? pb.build() : null;
    }

    /**
     * The market's variables and rows added to a builder that holds more (the other periods of a
     * horizon and the rows coupling them), names prefixed; {@link #problem()} is the owner's.
     *
     * @param pb     the builder of the larger problem
     * @param index  the market's index (e.g. one period's)
     * @param prefix prepended to every variable and row name, e.g. {@code t3:}, so that names stay unique
     * @return the formulation, whose accessors give the market's variables and rows in {@code pb}
     */
    public static UnifiedFormulation into(ProblemBuilder pb, MarketIndex index, String prefix) {
        return into(pb, index, prefix, List.of());
    }

    /**
     * As {@link #into(ProblemBuilder, MarketIndex, String)}, with extensions (a period's feeder rows).
     *
     * @param pb         the builder of the larger problem
     * @param index      the market's index (e.g. one period's)
     * @param prefix     prepended to every variable and row name of the market (not the extensions')
     * @param extensions added in order after the market's variables and rows
     * @return the formulation, whose accessors give the market's variables and rows in {@code pb}
     */
    public static UnifiedFormulation into(ProblemBuilder pb, MarketIndex index, String prefix, List<Extension> extensions) {
        return new UnifiedFormulation(pb, index, prefix, extensions, false);
    }

    /**
     * The market's problem on its own.
     *
     * @param index the market's index
     * @return the formulation with its built problem: an LP when every asset has {@code a = 0}, else a QP
     */
    public static UnifiedFormulation of(MarketIndex index) {
        return new UnifiedFormulation(index, List.of());
    }

    /**
     * The market's problem with extensions (integer rules, feeder rows).
     *
     * @param index      the market's index
     * @param extensions added in order after the market's variables and rows
     * @return the formulation with its built problem
     */
    public static UnifiedFormulation of(MarketIndex index, List<Extension> extensions) {
        return new UnifiedFormulation(index, extensions);
    }

    /**
     * The columns and coefficients expressing trade t_k in the problem's variables:
     * {@code t⁺ − t⁻} for a split arc, the free variable otherwise.
     *
     * @param k      a directed arc of the index
     * @param cols   receives the variables at {@code offset} (room for two)
     * @param vals   receives their coefficients at {@code offset}, {@code scale} and {@code −scale}
     * @param offset where to write in {@code cols} and {@code vals}
     * @param scale  the coefficient of {@code t_k} in the caller's row
     * @return the count written: 1 for an arc without a fee, 2 for a split one
     */
    public int tradeTerms(int k, int[] cols, double[] vals, int offset, double scale) {
        cols[offset] = arcPlus[k];
        vals[offset] = scale;
        if (arcMinus[k] < 0) {
            return 1;
        }
        cols[offset + 1] = arcMinus[k];
        vals[offset + 1] = -scale;
        return 2;
    }

    /**
     * A point of the problem from the market's answer: asset set-points and trades (each trade
     * split into its positive and negative part on an arc with a fee); the extensions' variables
     * are left 0 for them to fill. Only for a formulation with its own problem ({@link #of}).
     *
     * @param assetPower set-points in index order, power unit ({@code > 0} injects)
     * @param trades     a trade per directed arc in index order, power unit ({@code > 0}: the arc's from-agent sells)
     * @return a fresh point over all the problem's variables
     */
    public double[] point(double[] assetPower, double[] trades) {
        double[] x = new double[problem.numVariables()];
        for (int s = 0; s < assetVar.length; s++) {
            x[assetVar[s]] = assetPower[s];
        }
        for (int k = 0; k < arcPlus.length; k++) {
            if (arcMinus[k] < 0) {
                x[arcPlus[k]] = trades[k];
            } else {
                x[arcPlus[k]] = Math.max(trades[k], 0.0);
                x[arcMinus[k]] = Math.max(-trades[k], 0.0);
            }
        }
        return x;
    }

    /**
     * The problem's duals from the market's prices: agent prices on the balance rows, bilateral
     * prices on the reciprocity rows (one per pair, read from its first arc); the extensions'
     * rows are left 0 for them to fill. Only for a formulation with its own problem ({@link #of}).
     *
     * @param agentPrices a price per agent, currency per unit of power for one period; read only for agents with a balance row
     * @param tradePrices a bilateral price per directed arc, currency per unit of power for one period; the pair's first arc is read
     * @return fresh duals over all the problem's rows, in the convention of {@link Problem}
     */
    public double[] duals(double[] agentPrices, double[] tradePrices) {
        double[] y = new double[problem.numRows()];
        for (int n = 0; n < balanceRow.length; n++) {
            if (balanceRow[n] >= 0) {
                y[balanceRow[n]] = agentPrices[n];
            }
        }
        for (int pair = 0; pair < pairRow.length; pair++) {
            y[pairRow[pair]] = tradePrices[2 * pair];
        }
        return y;
    }

    /** {@return the market's index the formulation was built from} */
    public MarketIndex index() {
        return index;
    }

    /**
     * The problem (not for a formulation built {@link #into} a larger one).
     *
     * @return the built problem, extensions included
     * @throws IllegalStateException for a formulation built into a larger problem
     */
    public Problem problem() {
        if (problem == null) {
            throw new IllegalStateException("This formulation is part of a larger problem; ask its owner");
        }
        return problem;
    }

    /**
     * The problem variable of an asset.
     *
     * @param s an asset of the index
     * @return the variable of {@code p_s}
     */
    public int assetVariable(int s) {
        return assetVar[s];
    }

    /**
     * The row of an agent's balance, whose dual is its price.
     *
     * @param n an agent of the index
     * @return the row; -1 when the agent has neither assets nor arcs
     */
    public int balanceRow(int n) {
        return balanceRow[n];
    }

    /**
     * The row of the reciprocity constraint of an arc's pair, whose dual is the pair's bilateral price.
     *
     * @param k a directed arc of the index (either of the pair)
     * @return the row
     */
    public int pairRow(int k) {
        return pairRow[k >> 1];
    }

    /**
     * The set-points of a solution.
     *
     * @param s a solution of this formulation's problem (or of the larger one it was built into)
     * @return a set-point per asset in index order, power unit ({@code > 0} injects)
     */
    public double[] assetPower(Solution s) {
        double[] p = new double[assetVar.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = s.x(assetVar[i]);
        }
        return p;
    }

    /**
     * The trades of a solution, a split arc's parts recombined.
     *
     * @param s a solution of this formulation's problem (or of the larger one it was built into)
     * @return a trade per directed arc in index order, power unit ({@code > 0}: the arc's from-agent sells)
     */
    public double[] trades(Solution s) {
        double[] t = new double[arcPlus.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = s.x(arcPlus[k]) - (arcMinus[k] >= 0 ? s.x(arcMinus[k]) : 0.0);
        }
        return t;
    }

    /**
     * The agent prices mu_n: the duals of the balance rows.
     *
     * @param s a solution of this formulation's problem (or of the larger one it was built into)
     * @return a price per agent, currency per unit of power for one period; NaN without duals or without a row
     */
    public double[] agentPrices(Solution s) {
        double[] mu = new double[balanceRow.length];
        for (int n = 0; n < mu.length; n++) {
            mu[n] = s.hasDuals() && balanceRow[n] >= 0 ? s.dual(balanceRow[n]) : Double.NaN;
        }
        return mu;
    }

    /**
     * The bilateral prices lambda_k: the duals of the reciprocity rows, one per pair.
     *
     * @param s a solution of this formulation's problem (or of the larger one it was built into)
     * @return a price per directed arc, both of a pair alike, currency per unit of power for one period; NaN without duals
     */
    public double[] tradePrices(Solution s) {
        double[] lambda = new double[arcPlus.length];
        for (int k = 0; k < lambda.length; k++) {
            lambda[k] = s.hasDuals() ? s.dual(pairRow[k >> 1]) : Double.NaN;
        }
        return lambda;
    }
}
