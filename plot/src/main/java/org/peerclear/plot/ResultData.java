package org.peerclear.plot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerclear.result.ConvergenceHistory;

/**
 * What a picture reads from a result file: one-period and multi-period results alike, every
 * quantity as an array over periods (one entry for a one-period result). Undefined numbers
 * ({@code null} in the file) are NaN; a series a result does not carry is null.
 *
 * @param periods     1 for a one-period result, T for a result over T periods
 * @param multiPeriod true when the file is a result over periods (arrays per period), even of one period
 * @param vMin        the feeder's lower voltage limit (pu), NaN when the file does not give it
 * @param parentBus   each bus's parent on the feeder (the sending end of the branch into it), from the
 *                    result's {@code branches}; empty when the file has none
 */
public record ResultData(String market, String status, int periods, boolean multiPeriod, String powerUnit, String currency,
                         double periodHours, List<AgentSeries> agents, List<AssetSeries> assets, List<BusSeries> buses,
                         double vMin, double vMax, Optional<ConvergenceHistory> convergence, Map<String, String> parentBus) {

    public ResultData {
        parentBus = Map.copyOf(parentBus);
        agents = List.copyOf(agents);
        assets = List.copyOf(assets);
        buses = List.copyOf(buses);
    }

    /** An agent's net injection and price per period. */
    public record AgentSeries(String id, double[] p, double[] price) {
    }

    /** An asset's set-point per period and, for storage and EVs, its energy at the T+1 period boundaries (null otherwise). */
    public record AssetSeries(String id, double[] p, double[] energy) {
    }

    /**
     * A feeder bus's AC voltage per period and, where the file gives them (one-period results),
     * its LinDistFlow voltage and price (null otherwise).
     */
    public record BusSeries(String id, double[] vm, double[] vmLinear, double[] price) {
    }
}
