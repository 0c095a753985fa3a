package org.peerclear.clearing.milp;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The all-or-nothing decisions of a market, which make its clearing a MILP (MIQP with quadratic
 * costs). Given to {@link MilpClearing} through
 * {@code ClearingOptions.withMethodOptions(rules)}.
 *
 * <ul>
 *   <li>{@code blockAssets}: each listed asset runs at its full block or not at all — a producer
 *       ({@code pMin = 0}) at {@code pMax} or 0, a consumer ({@code pMax = 0}) at {@code pMin} or 0.</li>
 *   <li>{@code minStableOutput}: asset id → m &gt; 0; the asset is off or runs at |p| ≥ m.</li>
 *   <li>{@code minTradeSize}: every trade is 0 or at least this large in absolute value (0: no rule).</li>
 * </ul>
 *
 * @param blockAssets     the ids of the assets that run at their full block or not at all
 * @param minStableOutput asset id → the least |p| at which it may run, power unit; {@code > 0}
 * @param minTradeSize    the least |t| of a trade that is not 0, power unit; {@code >= 0}, 0 for no rule
 */
public record IntegerRules(Set<String> blockAssets, Map<String, Double> minStableOutput, double minTradeSize) {
    /** No integer decision: the market clears as an LP or QP. */
    public static final IntegerRules NONE = new IntegerRules(Set.of(), Map.of(), 0.0);

    /**
     * Keeps unmodifiable copies of the rules and checks their numbers; whether the ids name assets of the market
     * (and suit the rule) is checked when it is cleared.
     *
     * @param blockAssets     the ids of the assets that run at their full block or not at all
     * @param minStableOutput asset id → the least |p| at which it may run, power unit; {@code > 0} and finite
     * @param minTradeSize    the least |t| of a trade that is not 0, power unit; {@code >= 0} and finite
     * @throws IllegalArgumentException if a number is out of range or an asset is both a block and has a minimum
     *         stable output
     */
    public IntegerRules {
        blockAssets = Set.copyOf(new TreeSet<>(blockAssets));
        minStableOutput = Map.copyOf(new TreeMap<>(minStableOutput));
        if (!(minTradeSize >= 0) || Double.isInfinite(minTradeSize)) {
            throw new IllegalArgumentException("Invalid value for parameter minTradeSize: " + minTradeSize);
        }
        for (Map.Entry<String, Double> e : minStableOutput.entrySet()) {
            if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("Invalid value for parameter minStableOutput[" + e.getKey() + "]: " + e.getValue());
            }
            if (blockAssets.contains(e.getKey())) {
                throw new IllegalArgumentException("Invalid value for parameter minStableOutput[" + e.getKey()
                        + "]: the asset is also a block offer");
            }
        }
    }

    /** {@return {@code true} when there is no rule, as {@link #NONE}} */
    public boolean isEmpty() {
        return blockAssets.isEmpty() && minStableOutput.isEmpty() && minTradeSize == 0.0;
    }
}
