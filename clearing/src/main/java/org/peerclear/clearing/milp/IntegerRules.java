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
 */
public record IntegerRules(Set<String> blockAssets, Map<String, Double> minStableOutput, double minTradeSize) {
    public static final IntegerRules NONE = new IntegerRules(Set.of(), Map.of(), 0.0);

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

    public boolean isEmpty() {
        return blockAssets.isEmpty() && minStableOutput.isEmpty() && minTradeSize == 0.0;
    }
}
