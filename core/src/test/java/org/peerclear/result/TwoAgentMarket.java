package org.peerclear.result;

import java.util.List;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;

/**
 * The two-agent market with its analytic optimum, for the certificate tests:
 * <pre>
 *   seller  P ∈ [0, 60],  f = ½P² + 4P   ──t──▶  buyer  P ∈ [−30, 0],  f = ½P² + 8P,  gamma 1 each way
 * </pre>
 * The seller gets lambda − 1 = 4 + t and the buyer pays lambda + 1 = 8 − t, so t = 1 at
 * lambda = 6, mu = 5 (seller) and 7 (buyer); the objective is 4.5 − 7.5 + 2 = −1.
 */
final class TwoAgentMarket {
    static final double TRADE = 1.0;
    static final double LAMBDA = 6.0;
    static final double MU_SELLER = 5.0;
    static final double MU_BUYER = 7.0;
    static final double OBJECTIVE = -1.0;

    private TwoAgentMarket() {
    }

    static Market market() {
        return Market.builder("two-agents")
                .agent(new Agent("seller", List.of(new Asset("seller.gen", 0, 60, 1, 4))))
                .agent(new Agent("buyer", List.of(new Asset("buyer.load", -30, 0, 1, 8))))
                .tradeGraph(TradeGraph.complete(1.0, List.of()))
                .build();
    }

    /** The analytic optimum as a result, with whatever was changed by {@code edit} applied to its arrays. */
    static ClearingResult optimum(Edit edit) {
        Market m = market();
        MarketIndex ix = MarketIndex.of(m);
        double[] p = {TRADE, -TRADE};
        // Arc 0 is seller -> buyer (declaration order), arc 1 its mirror.
        double[] t = {TRADE, -TRADE};
        double[] mu = {MU_SELLER, MU_BUYER};
        double[] lambda = {LAMBDA, LAMBDA};
        edit.apply(p, t, mu, lambda);
        return IndexedResults.solution(IndexedResults.builder(m, ix).status(Status.OPTIMAL, "analytic").method("test").solver("none"),
                p, t, mu, lambda).build();
    }

    static ClearingResult optimum() {
        return optimum((p, t, mu, lambda) -> { });
    }

    /**
     * The islanded two agents with a grid that sells at 10 and buys at 2 without limits: the
     * grid's price stays inside [2, 10] and it does not trade, so the optimum is unchanged (the
     * grid's unlimited import and export are the infinite bounds of the dual objective).
     */
    static ClearingResult optimumWithIdleGrid(double gridPrice) {
        Market m = market().toBuilder().grid(new Grid(null, 10.0, 2.0)).build();
        MarketIndex ix = MarketIndex.of(m);
        double[] p = new double[ix.numAssets()];
        double[] t = new double[ix.numArcs()];
        double[] mu = new double[ix.numAgents()];
        double[] lambda = new double[ix.numArcs()];
        p[0] = TRADE;
        p[1] = -TRADE;
        mu[ix.agentIndex("seller")] = MU_SELLER;
        mu[ix.agentIndex("buyer")] = MU_BUYER;
        for (int leg = ix.firstGridLeg(); leg < ix.numAgents(); leg++) {
            mu[leg] = gridPrice;
        }
        for (int k = 0; k < ix.numArcs(); k++) {
            String from = ix.agentId(ix.from()[k]);
            String to = ix.agentId(ix.to()[k]);
            if (from.equals("seller") && to.equals("buyer")) {
                t[k] = TRADE;
                t[k ^ 1] = -TRADE;
            }
            // One price per pair inside every idle arc's band: the midpoint of the two agents' prices.
            lambda[k] = 0.5 * (mu[ix.from()[k]] + mu[ix.to()[k]]);
        }
        return IndexedResults.solution(IndexedResults.builder(m, ix).status(Status.OPTIMAL, "analytic").method("test").solver("none"),
                p, t, mu, lambda).build();
    }

    /** A change to the arrays of the analytic optimum. */
    @FunctionalInterface
    interface Edit {
        void apply(double[] p, double[] t, double[] mu, double[] lambda);
    }
}
