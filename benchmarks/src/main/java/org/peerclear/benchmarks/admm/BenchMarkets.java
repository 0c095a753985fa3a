package org.peerclear.benchmarks.admm;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;

/** The generated markets of the ADMM benchmarks: "bipartite", {@code peers} × 10 partners, seed 1. */
final class BenchMarkets {
    static final int PARTNERS = 10;
    static final long SEED = 1L;
    /** Penalty for the generated family: of the order of its cost curvatures a ∈ [0.01, 0.05]. */
    static final double RHO = 0.01;
    /** Accuracy of the end-to-end runs, for ADMM (relative rule) and the solvers' tolerances. */
    static final double EPS = 1e-4;

    private BenchMarkets() {
    }

    static Market quadratic(int peers) {
        return BipartiteMarketGenerator.generate(peers, Math.min(PARTNERS, peers / 2), SEED, null, null);
    }

    /** The same market with every a set to 0: an LP, for GLOP. */
    static Market linear(int peers) {
        Market m = quadratic(peers);
        Market.Builder b = Market.builder(m.name() + "-lp").tradeGraph(m.tradeGraph());
        for (Agent a : m.agents()) {
            List<Asset> assets = new ArrayList<>();
            for (Asset s : a.assets()) {
                assets.add(new Asset(s.id(), s.pMin(), s.pMax(), 0.0, s.b()));
            }
            b.agent(new Agent(a.id(), a.bus(), a.productClass(), assets));
        }
        return b.build();
    }
}
