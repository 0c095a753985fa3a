package org.peerclear.generate;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;

/**
 * Seeded prosumers (the Stackelberg followers of the games module's tests and benchmarks): each
 * has a flexible load ({@code p ∈ [−U[5,15], 0]}, {@code a ~ U[0.01, 0.05]}, utility
 * {@code b ~ U[0.25, 0.6]}); two in three a generator ({@code p ∈ [0, U[3, 12]]},
 * {@code a ~ U[0.01, 0.05]}, {@code b ~ U[0.02, 0.3]}); one in three fixed PV
 * ({@code pMin = pMax = U[1, 6]}). Supplies cross zero anywhere in a price range of 0.08 to 0.40,
 * so exporters, importers and the dead band all occur. Same seed, same agents.
 */
public final class ProsumerGenerator {
    private ProsumerGenerator() {
    }

    /**
     * The prosumers {@code f0 .. f(n−1)}.
     *
     * @param n    how many, at least 0
     * @param seed the seed of {@link SplitMix64}
     * @return the agents, without a bus
     */
    public static List<Agent> generate(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        SplitMix64 rng = new SplitMix64(seed);
        List<Agent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = "f" + i;
            List<Asset> assets = new ArrayList<>(3);
            assets.add(new Asset(id + ".load", -rng.uniform(5, 15), 0.0, rng.uniform(0.01, 0.05), rng.uniform(0.25, 0.6)));
            if (rng.nextInt(3) < 2) {
                assets.add(new Asset(id + ".gen", 0.0, rng.uniform(3, 12), rng.uniform(0.01, 0.05), rng.uniform(0.02, 0.3)));
            }
            if (rng.nextInt(3) == 0) {
                double pv = rng.uniform(1, 6);
                assets.add(new Asset(id + ".pv", pv, pv, 0.0, 0.0));
            }
            out.add(new Agent(id, assets));
        }
        return out;
    }
}
