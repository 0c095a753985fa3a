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
 * @param market      the market's name as the result gives it; empty if absent
 * @param status      the clearing status as written ({@code OPTIMAL}, ...); empty if absent
 * @param periods     1 for a one-period result, T for a result over T periods
 * @param multiPeriod true when the file is a result over periods (arrays per period), even of one period
 * @param powerUnit   the market's power unit ({@code kW} when the file does not say); energy is this times hours
 * @param currency    the price currency; prices are in currency per unit of power for one period. Empty if absent
 * @param periodHours the length of one period in hours (1 when the file does not say)
 * @param agents      the agents in the result's order
 * @param assets      the assets in the result's order
 * @param buses       the feeder's buses in the result's order; empty without a feeder
 * @param vMin        the feeder's lower voltage limit (pu), NaN when the file does not give it
 * @param vMax        the feeder's upper voltage limit (pu), NaN when the file does not give it
 * @param convergence ADMM's residual history when the run recorded it
 * @param parentBus   each bus's parent on the feeder (the sending end of the branch into it), from the
 *                    result's {@code branches}; empty when the file has none
 */
public record ResultData(String market, String status, int periods, boolean multiPeriod, String powerUnit, String currency,
                         double periodHours, List<AgentSeries> agents, List<AssetSeries> assets, List<BusSeries> buses,
                         double vMin, double vMax, Optional<ConvergenceHistory> convergence, Map<String, String> parentBus) {

    /**
     * Copies the lists and the map; the arrays inside the series are shared, not copied.
     *
     * @param market      as the record's component (the class comment gives the units and absent values)
     * @param status      as the record's component
     * @param periods     1 or T
     * @param multiPeriod true for a result over periods
     * @param powerUnit   the market's power unit
     * @param currency    the price currency
     * @param periodHours hours per period
     * @param agents      copied
     * @param assets      copied
     * @param buses       copied
     * @param vMin        pu, or NaN
     * @param vMax        pu, or NaN
     * @param convergence empty when not recorded
     * @param parentBus   copied; bus id to its parent's id
     */
    public ResultData {
        parentBus = Map.copyOf(parentBus);
        agents = List.copyOf(agents);
        assets = List.copyOf(assets);
        buses = List.copyOf(buses);
    }

    /**
     * An agent's net injection and price per period.
     *
     * @param id    the agent's id
     * @param p     net injection in the power unit, per period: positive sells, negative buys
     * @param price the agent's price per unit energy, per period; NaN where undefined
     */
    public record AgentSeries(String id, double[] p, double[] price) {
    }

    /**
     * An asset's set-point per period and, for storage and EVs, its energy at the T+1 period boundaries (null otherwise).
     *
     * @param id     the asset's id
     * @param p      set-point in the power unit, per period: positive injects, negative consumes
     * @param energy stored energy (power unit × h) at the T+1 period boundaries; null for an asset that stores none
     */
    public record AssetSeries(String id, double[] p, double[] energy) {
    }

    /**
     * A feeder bus's AC voltage per period and, where the file gives them (one-period results),
     * its LinDistFlow voltage and price (null otherwise).
     *
     * @param id       the bus's id
     * @param vm       AC voltage magnitude in pu, per period
     * @param vmLinear LinDistFlow voltage magnitude in pu; null where the file does not give it
     * @param price    the bus's price per unit energy; null where the file does not give it
     */
    public record BusSeries(String id, double[] vm, double[] vmLinear, double[] price) {
    }
}
