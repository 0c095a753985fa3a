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
    /**
     * Validates the limits and copies the ratings; the feeder itself is loaded, and the buses checked, by {@link Market}.
     *
     * @param feeder        an embedded feeder name or a MATPOWER file path, not blank
     * @param baseDirectory the folder a relative path resolves against; null for the working directory
     * @param vMin          lower voltage limit, pu; {@code > 0}
     * @param vMax          upper voltage limit, pu; {@code > vMin}
     * @param ratings       branch ratings, copied; null or empty for none
     * @throws InvalidMarketException if a limit is out of range
     */
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
        /**
         * Validates the rating.
         *
         * @param from one end's bus id, not blank
         * @param to   the other end's bus id, not blank
         * @param pMax the limit on |P|, power unit; {@code > 0}
         * @throws InvalidMarketException if a bus id is blank or {@code pMax <= 0}
         */
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
