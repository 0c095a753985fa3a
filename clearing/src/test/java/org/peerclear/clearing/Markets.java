package org.peerclear.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;

/** Small markets with known answers, for tests. */
public final class Markets {
    private Markets() {
    }

    /**
     * Issue 10's stiff load: the three-house community market with a grid (import 0.35, export
     * 0.05) where h2's load has curvature a = 1e6. ojAlgo's active-set fallback called welfare
     * 0.675 optimal; the certified optimum (PDLP, and the exact solver) is 0.685.
     * <pre>
     *   h1 (pv + load) ──┐
     *                    m1 (manager of C1) ── h3 (gen) ── grid
     *   h2 (stiff load) ─┘
     * </pre>
     */
    public static Market stiffLoad() {
        return Market.builder("stiff-load")
                .agent(new Agent("h1", List.of(new Asset("h1.pv", 0, 4, 0, 0), new Asset("h1.load", -3, -1, 0.05, 0.30))))
                .agent(new Agent("h2", List.of(new Asset("h2.load", -5, 0, 1e6, 0.28))))
                .agent(new Agent("h3", List.of(new Asset("h3.gen", 0, 6, 0.02, 0.10))))
                .agent(new Agent("m1", List.of()))
                .tradeGraph(TradeGraph.complete(0.01, List.of(new Arc("h2", "h3", 0.03))))
                .community(new Community("C1", "m1", List.of("h1", "h2")))
                .grid(new Grid(null, 0.35, 0.05)).build();
    }

    /**
     * Two agents, one trade (the product-differentiation check of the clearing issue):
     * <pre>
     *   seller  P ∈ [0, 60],  f = ½P² + 4P   ──t──▶  buyer  P ∈ [−30, 0],  f = ½P² + 8P
     *           gamma(seller→buyer) = g                      gamma(buyer→seller) = g
     * </pre>
     * Without coefficients the marginal costs meet at t = 2, price 6; with g = 1 on each side
     * the seller gets lambda − 1 = 4 + t and the buyer pays lambda + 1 = 8 − t, so t = 1 at
     * lambda = 6.
     */
    public static Market twoAgents(double g) {
        return Market.builder("two-agents")
                .agent(new Agent("seller", List.of(new Asset("seller.gen", 0, 60, 1, 4))))
                .agent(new Agent("buyer", List.of(new Asset("buyer.load", -30, 0, 1, 8))))
                .tradeGraph(TradeGraph.complete(g, List.of()))
                .build();
    }

    /**
     * The analytic answer of {@link #twoAgents} with g = 1: trade 1 at price 6, the seller's
     * price 5 and the buyer's 7 (mu_n = lambda − sign(t)·gamma), and a result that verifies.
     */
    public static void assertTwoAgentsAnswer(ClearingResult r) {
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.trade("seller", "buyer")).isCloseTo(1.0, within(Tolerances.ANALYTIC));
        assertThat(r.trades()).filteredOn(t -> t.from().equals("seller")).singleElement()
                .satisfies(t -> assertThat(t.price()).isCloseTo(6.0, within(Tolerances.ANALYTIC)));
        assertThat(r.agent("seller").price()).isCloseTo(5.0, within(Tolerances.ANALYTIC));
        assertThat(r.agent("buyer").price()).isCloseTo(7.0, within(Tolerances.ANALYTIC));
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    /** The DTU IEEE 14-bus-derived data: Pmin, Pmax, Pren, a, b for 14 agents. */
    static final double[] PMIN = {-21.7, -94.2, -47.8, -7.6, -11.2, -29.5, -9, -3.5, -6.1, -13.5, -14.9, 0, 0, 0};
    static final double[] PMAX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 50, 10};
    static final double[] PREN = {0, 0, 0, 14.9, 9, 10, 18.5, 2, 7, 5, 5, 0, 0, 0};
    static final double[] A = {4, 1, 2, 10, 8, 4, 9, 15, 18, 7, 6, 7, 2, 8};
    static final double[] B = {130, 120, 135, 125, 140, 145, 150, 135, 140, 125, 120, 25, 10, 20};

    /**
     * The pool of the DTU peer-to-peer markets course on IEEE 14-bus data: agent i has one asset
     * with cost ½a_i P² + b_i P on P ∈ [Pmin_i + Pren_i, Pmax_i + Pren_i]. {@code structure}
     * says how they trade: "p2p" (complete graph), "pool" (one community with operator "mo").
     * {@code ren7} replaces the seventh agent's renewable output (18.5 in the data).
     */
    public static Market ieee14(String structure, Grid grid, double ren7) {
        Market.Builder b = Market.builder("ieee14-" + structure);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            double ren = i == 6 ? ren7 : PREN[i];
            String id = "a" + (i + 1);
            ids.add(id);
            b.agent(new Agent(id, List.of(new Asset(id + ".p", PMIN[i] + ren, PMAX[i] + ren, A[i], B[i]))));
        }
        if (structure.equals("pool")) {
            b.agent(new Agent("mo", List.of()));
            b.community(new Community("pool", "mo", ids));
        }
        return b.tradeGraph(TradeGraph.complete(0.0, List.<Arc>of())).grid(grid).build();
    }
}
