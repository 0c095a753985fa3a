package org.peerclear.model;

import java.util.List;

/**
 * The feeder a market sits on: {@code feeder} is an embedded feeder name (e.g. {@code case33bw})
 * or a path to a MATPOWER {@code .m} file, resolved against {@code baseDirectory} (the case
 * file's folder, or null for the working directory); voltage limits in per unit; optional
 * branch ratings.
 */
public record NetworkSpec(String feeder, java.nio.file.Path baseDirectory, double vMin, double vMax,
                          List<BranchRating> ratings) {
    public NetworkSpec {
        Checks.nonBlank("network.case", feeder);
        Checks.inRange("network.vMin", vMin);
        Checks.inRange("network.vMax", vMax);
        if (!(vMin > 0)) {
            throw new InvalidMarketException("network.vMin", "must be > 0 per unit, got " + vMin);
        }
        if (vMin >= vMax) {
            throw new InvalidMarketException("network.vMin", "vMin " + vMin + " >= vMax " + vMax + " (vMin must be < vMax)");
        }
        ratings = List.copyOf(ratings == null ? List.of() : ratings);
    }

    /**
     * A thermal limit on the branch between two buses: |P| on the branch at most {@code pMax}, in
     * the market's power unit.
     */
    public record BranchRating(String from, String to, double pMax) {
        public BranchRating {
            Checks.nonBlank("network.ratings[].from", from);
            Checks.nonBlank("network.ratings[].to", to);
            String at = "network.ratings[" + from + "-" + to + "].pMax";
            Checks.inRange(at, pMax);
            if (!(pMax > 0)) {
                throw new InvalidMarketException(at, "must be > 0, got " + pMax);
            }
        }
    }
}
