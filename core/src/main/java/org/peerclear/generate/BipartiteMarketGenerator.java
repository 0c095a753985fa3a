package org.peerclear.generate;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;

/**
 * The seeded synthetic market family "bipartite" of the command-line contract: {@code N/2}
 * producers ({@code a ~ U[0.01,0.05]}, {@code b ~ U[0.05,0.25]}, {@code p ∈ [0, U[5,15]]}) and
 * {@code N − N/2} consumers ({@code a ~ U[0.01,0.05]}, {@code b ~ U[0.3,0.6]},
 * {@code p ∈ [−U[5,15], 0]}); each consumer may trade with {@code K} distinct producers drawn
 * at random (or all of them), and every directed arc gets {@code gamma ~ U[0, 0.02]}. Numbers
 * are rounded to 6 decimals so files stay readable; the same parameters give the same market,
 * and so the same file, byte for byte.
 */
public final class BipartiteMarketGenerator {
    /** K value meaning "every producer". */
    public static final int ALL_PARTNERS = -1;

    private BipartiteMarketGenerator() {
    }

    /**
     * @param peers    N ≥ 2
     * @param partners K in [1, N/2], or {@link #ALL_PARTNERS}
     * @param seed     any value
     * @param busIds   buses to place agents on (uniformly at random), or null for no network
     * @param feeder   the network's feeder name, used when {@code busIds} is given
     * @return the market in the default units (kW, EUR, 1 h); the same arguments always give the same market
     * @throws IllegalArgumentException if {@code peers} or {@code partners} is out of range
     */
    public static Market generate(int peers, int partners, long seed, List<String> busIds, String feeder) {
        if (peers < 2) {
            throw new IllegalArgumentException("Invalid value for parameter peers: " + peers + " (at least 2)");
        }
        int producers = peers / 2;
        int consumers = peers - producers;
        int k = partners == ALL_PARTNERS ? producers : partners;
        if (k < 1 || k > producers) {
            throw new IllegalArgumentException("Invalid value for parameter partners: " + partners
                    + " (between 1 and the number of producers, " + producers + ", or 'all')");
        }
        if (busIds != null && busIds.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for parameter busIds: empty");
        }
        SplitMix64 rng = new SplitMix64(seed);
        Market.Builder b = Market.builder("bipartite-" + peers + "-" + (partners == ALL_PARTNERS ? "all" : partners) + "-" + seed);
        for (int i = 1; i <= producers; i++) {
            double a = round(rng.uniform(0.01, 0.05));
            double c = round(rng.uniform(0.05, 0.25));
            double pMax = round(rng.uniform(5, 15));
            String bus = busIds == null ? null : busIds.get(rng.nextInt(busIds.size()));
            b.agent(new Agent("p" + i, bus, null, List.of(new Asset("p" + i + ".gen", 0.0, pMax, a, c))));
        }
        for (int i = 1; i <= consumers; i++) {
            double a = round(rng.uniform(0.01, 0.05));
            double c = round(rng.uniform(0.3, 0.6));
            double pMin = -round(rng.uniform(5, 15));
            String bus = busIds == null ? null : busIds.get(rng.nextInt(busIds.size()));
            b.agent(new Agent("c" + i, bus, null, List.of(new Asset("c" + i + ".load", pMin, 0.0, a, c))));
        }
        List<List<String>> pairs = new ArrayList<>(consumers * k);
        List<Arc> arcs = new ArrayList<>(2 * consumers * k);
        int[] pool = new int[producers];
        for (int j = 0; j < producers; j++) {
            pool[j] = j;
        }
        for (int i = 1; i <= consumers; i++) {
            // Partial Fisher–Yates: the first k entries of pool become a uniform k-subset.
            for (int j = 0; j < k; j++) {
                int r = j + rng.nextInt(producers - j);
                int tmp = pool[j];
                pool[j] = pool[r];
                pool[r] = tmp;
            }
            int[] chosen = java.util.Arrays.copyOf(pool, k);
            java.util.Arrays.sort(chosen);
            for (int j : chosen) {
                String c = "c" + i;
                String p = "p" + (j + 1);
                pairs.add(List.of(c, p));
                arcs.add(new Arc(c, p, round(rng.uniform(0, 0.02))));
                arcs.add(new Arc(p, c, round(rng.uniform(0, 0.02))));
            }
        }
        b.tradeGraph(TradeGraph.pairs(pairs, 0.0, arcs));
        if (busIds != null) {
            b.network(new NetworkSpec(feeder, null, 0.95, 1.05, List.of()));
        }
        return b.build();
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
