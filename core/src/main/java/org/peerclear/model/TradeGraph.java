package org.peerclear.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may trade with whom, as declared in a market case: every pair of agents
 * ({@link Kind#COMPLETE}), nobody ({@link Kind#NONE}), or an explicit list of unordered pairs.
 * {@code fee} is the default {@code gamma} of every arc; {@code overrides} set the {@code gamma}
 * of single directed arcs. Communities and the grid then derive the arcs actually offered to
 * the market (see {@link Market#arcs()}).
 */
public final class TradeGraph {
    /** How the declared graph is given. */
    public enum Kind {
        /** Every pair of agents may trade. */
        COMPLETE,
        /** No pair of agents is declared: communities and the grid still add theirs. */
        NONE,
        /** Only the listed pairs may trade. */
        PAIRS
    }

    private final Kind kind;
    private final List<List<String>> pairs;
    private final double fee;
    private final List<Arc> overrides;

    /** A graph sharing {@code shared}'s pairs, which are checked and copied already. */
    private TradeGraph(TradeGraph shared, double fee, List<Arc> overrides) {
        Checks.nonNegative("trades.fee", fee);
        this.kind = shared.kind;
        this.pairs = shared.pairs;
        this.fee = fee;
        this.overrides = List.copyOf(overrides);
    }

    private TradeGraph(Kind kind, List<List<String>> pairs, double fee, List<Arc> overrides) {
        Checks.nonNegative("trades.fee", fee);
        this.kind = kind;
        List<List<String>> copy = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            List<String> p = pairs.get(k);
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
                throw new InvalidMarketException("trades.graph[" + k + "]", "must be a pair of two agent ids, got " + p);
            }
            copy.add(List.copyOf(p));
        }
        this.pairs = List.copyOf(copy);
        this.fee = fee;
        this.overrides = List.copyOf(overrides);
    }

    public static TradeGraph complete(double fee, List<Arc> overrides) {
        return new TradeGraph(Kind.COMPLETE, List.of(), fee, overrides);
    }

    public static TradeGraph none() {
        return new TradeGraph(Kind.NONE, List.of(), 0.0, List.of());
    }

    public static TradeGraph none(double fee, List<Arc> overrides) {
        return new TradeGraph(Kind.NONE, List.of(), fee, overrides);
    }

    public static TradeGraph pairs(List<List<String>> pairs, double fee, List<Arc> overrides) {
        return new TradeGraph(Kind.PAIRS, pairs, fee, overrides);
    }

    public Kind kind() {
        return kind;
    }

    /** The declared unordered pairs (empty unless {@link Kind#PAIRS}). */
    public List<List<String>> pairs() {
        return pairs;
    }

    public double fee() {
        return fee;
    }

    public List<Arc> overrides() {
        return overrides;
    }

    /** The same declared graph and fee with other arc overrides (e.g. derived charges or preferences). */
    public TradeGraph withOverrides(List<Arc> newOverrides) {
        return new TradeGraph(this, fee, newOverrides);
    }

    /**
     * The same declared pairs with another fee and overrides. The pairs are shared, not copied:
     * a horizon derives one graph per period from one list of perhaps millions of pairs.
     */
    public TradeGraph withFee(double newFee, List<Arc> newOverrides) {
        return new TradeGraph(this, newFee, newOverrides);
    }

    @Override
    public String toString() {
        return "TradeGraph[" + kind + (kind == Kind.PAIRS ? " " + pairs.size() + " pairs" : "") + ", fee " + fee
                + ", " + overrides.size() + " overrides]";
    }
}
