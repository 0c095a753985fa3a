package org.peerclear.clearing.milp;

import java.util.HashMap;
import java.util.Map;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.VariableType;

/** Adds the binaries and rows of {@link IntegerRules} to the unified formulation. */
final class IntegerRulesExtension implements UnifiedFormulation.Extension {
    private final IntegerRules rules;

    IntegerRulesExtension(IntegerRules rules) {
        this.rules = rules;
    }

    @Override
    public void extend(UnifiedFormulation f, ProblemBuilder pb) {
        MarketIndex ix = f.index();
        Map<String, Integer> assets = new HashMap<>();
        for (int s = 0; s < ix.numAssets(); s++) {
            assets.put(ix.assetId(s), s);
        }
        for (String id : rules.blockAssets()) {
            int s = asset(assets, id, "blockAssets");
            double lo = ix.pMin()[s];
            double hi = ix.pMax()[s];
            if (lo != 0.0 && hi != 0.0) {
                throw new IllegalArgumentException("Invalid value for parameter blockAssets: asset '" + id + "' has p in ["
                        + lo + ", " + hi + "]; a block offer needs pMin = 0 (producer) or pMax = 0 (consumer)");
            }
            double block = hi != 0.0 ? hi : lo;
            int z = pb.addVariable("on[" + id + "]", 0, 1, VariableType.BINARY);
            pb.addRow("block[" + id + "]", new int[] {f.assetVariable(s), z}, new double[] {1, -block}, Sense.EQUAL, 0);
        }
        for (Map.Entry<String, Double> e : rules.minStableOutput().entrySet()) {
            String id = e.getKey();
            int s = asset(assets, id, "minStableOutput");
            double m = e.getValue();
            double lo = ix.pMin()[s];
            double hi = ix.pMax()[s];
            int p = f.assetVariable(s);
            int z = pb.addVariable("on[" + id + "]", 0, 1, VariableType.BINARY);
            if (lo == 0.0 && hi >= m) {
                pb.addRow("stableMin[" + id + "]", new int[] {p, z}, new double[] {1, -m}, Sense.GREATER_EQUAL, 0);
                pb.addRow("stableMax[" + id + "]", new int[] {p, z}, new double[] {1, -hi}, Sense.LESS_EQUAL, 0);
            } else if (hi == 0.0 && lo <= -m) {
                pb.addRow("stableMin[" + id + "]", new int[] {p, z}, new double[] {1, m}, Sense.LESS_EQUAL, 0);
                pb.addRow("stableMax[" + id + "]", new int[] {p, z}, new double[] {1, -lo}, Sense.GREATER_EQUAL, 0);
            } else {
                throw new IllegalArgumentException("Invalid value for parameter minStableOutput[" + id + "]: " + m
                        + " does not fit asset bounds [" + lo + ", " + hi + "] (needs pMin = 0 and pMax >= m, or pMax = 0 and pMin <= -m)");
            }
        }
        if (rules.minTradeSize() > 0) {
            double tmin = rules.minTradeSize();
            double bigM = Math.max(tmin, tradeBound(ix));
            int[] cols = new int[4];
            double[] vals = new double[4];
            for (int k = 0; k < ix.numArcs(); k += 2) {
                String name = ix.agentId(ix.from()[k]) + "->" + ix.agentId(ix.to()[k]);
                int u = pb.addVariable("sells[" + name + "]", 0, 1, VariableType.BINARY);
                int v = pb.addVariable("buys[" + name + "]", 0, 1, VariableType.BINARY);
                int c = f.tradeTerms(k, cols, vals, 0, 1.0);
                cols[c] = u;
                vals[c] = -tmin;
                cols[c + 1] = v;
                vals[c + 1] = bigM;
                pb.addRow("tradeMin[" + name + "]", cols, vals, c + 2, Sense.GREATER_EQUAL, 0);
                vals[c] = -bigM;
                vals[c + 1] = tmin;
                pb.addRow("tradeMax[" + name + "]", cols, vals, c + 2, Sense.LESS_EQUAL, 0);
                pb.addRow("oneWay[" + name + "]", new int[] {u, v}, new double[] {1, 1}, Sense.LESS_EQUAL, 1);
            }
        }
    }

    /**
     * A bound on any single trade: flows balance, so no trade exceeds what all assets with finite
     * bounds can inject or withdraw together (an unlimited grid only trades what they absorb).
     */
    static double tradeBound(MarketIndex ix) {
        double m = 0;
        for (int s = 0; s < ix.numAssets(); s++) {
            double lo = ix.pMin()[s];
            double hi = ix.pMax()[s];
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                m += Math.max(Math.abs(lo), Math.abs(hi));
            }
        }
        return m;
    }

    private static int asset(Map<String, Integer> assets, String id, String parameter) {
        Integer s = assets.get(id);
        if (s == null) {
            throw new IllegalArgumentException("Invalid value for parameter " + parameter + ": unknown asset '" + id + "'");
        }
        return s;
    }
}
