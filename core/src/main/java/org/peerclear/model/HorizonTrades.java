package org.peerclear.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The declared trade graph of a {@link HorizonMarket}: as {@link TradeGraph}, with a fee and arc
 * overrides whose {@code gamma} may be one value or one per period. The pairs do not vary.
 */
public record HorizonTrades(TradeGraph.Kind kind, List<List<String>> pairs, Series fee, List<ArcGamma> overrides) {
    /**
     * A directed arc's {@code gamma}, per period.
     *
     * @param from  the trading agent's id
     * @param to    the other agent's id
     * @param gamma the fee per period, currency per unit of power traded for one period; {@code >= 0}
     */
    public record ArcGamma(String from, String to, Series gamma) {
        /**
         * Checks the ids and that {@code gamma} is not null.
         *
         * @param from  not blank
         * @param to    not blank
         * @param gamma not null
         */
        public ArcGamma {
            Checks.nonBlank("arc.from", from);
            Checks.nonBlank("arc.to", to);
            Objects.requireNonNull(gamma, "gamma");
        }
    }

    /**
     * Copies the lists.
     *
     * @param kind      complete, none or explicit pairs
     * @param pairs     for {@code PAIRS}, the agent id pairs that may trade (both ways); else empty or null
     * @param fee       the default {@code gamma} of every arc per period, currency per unit of power for one period
     * @param overrides arcs whose {@code gamma} differs from the fee; null or empty for none
     */
    public HorizonTrades {
        Objects.requireNonNull(kind, "kind");
        pairs = List.copyOf(pairs == null ? List.of() : pairs);
        Objects.requireNonNull(fee, "fee");
        overrides = List.copyOf(overrides == null ? List.of() : overrides);
    }

    /**
     * The same graph, fee and overrides in every period.
     *
     * @param g the one-period trade graph
     * @return constant horizon trades
     */
    public static HorizonTrades of(TradeGraph g) {
        return new HorizonTrades(g.kind(), g.pairs(), Series.constant(g.fee()),
                g.overrides().stream().map(a -> new ArcGamma(a.from(), a.to(), Series.constant(a.gamma()))).toList());
    }

    /** The graph in period {@code t}, sharing the pairs of {@code structure} (this graph's, built once). */
    TradeGraph inPeriod(int t, TradeGraph structure) {
        List<Arc> arcs = new ArrayList<>(overrides.size());
        for (ArcGamma o : overrides) {
            arcs.add(new Arc(o.from(), o.to(), o.gamma().at(t)));
        }
        return structure.withFee(fee.at(t), arcs);
    }

    /** The graph without fee and overrides, whose pairs every period shares. */
    TradeGraph structure() {
        return switch (kind) {
            case COMPLETE -> TradeGraph.complete(0.0, List.of());
            case NONE -> TradeGraph.none();
            case PAIRS -> TradeGraph.pairs(pairs, 0.0, List.of());
        };
    }
}
