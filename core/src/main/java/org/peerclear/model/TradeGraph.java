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

    /**
     * Every pair of agents may trade.
     *
     * @param fee       the default {@code gamma} of every arc, currency per unit of power traded for one period; {@code >= 0}
     * @param overrides directed arcs whose {@code gamma} differs from the fee, copied
     * @return the graph
     * @throws InvalidMarketException if {@code fee} is negative
     */
    public static TradeGraph complete(double fee, List<Arc> overrides) {
        return new TradeGraph(Kind.COMPLETE, List.of(), fee, overrides);
    }

    /** {@return a graph declaring no pair, no fee and no override: only communities and the grid trade} */
    public static TradeGraph none() {
        return new TradeGraph(Kind.NONE, List.of(), 0.0, List.of());
    }

    /**
     * No pair declared; the fee and overrides apply to the arcs communities and the grid add.
     *
     * @param fee       the default {@code gamma} of every arc, currency per unit of power traded for one period; {@code >= 0}
     * @param overrides directed arcs whose {@code gamma} differs from the fee, copied
     * @return the graph
     * @throws InvalidMarketException if {@code fee} is negative
     */
    public static TradeGraph none(double fee, List<Arc> overrides) {
        return new TradeGraph(Kind.NONE, List.of(), fee, overrides);
    }

    /**
     * Only the listed pairs may trade, both ways.
     *
     * @param pairs     unordered pairs of agent ids, each a list of two; copied
     * @param fee       the default {@code gamma} of every arc, currency per unit of power traded for one period; {@code >= 0}
     * @param overrides directed arcs whose {@code gamma} differs from the fee, copied
     * @return the graph
     * @throws InvalidMarketException if {@code fee} is negative or an entry is not a pair of ids
     */
    public static TradeGraph pairs(List<List<String>> pairs, double fee, List<Arc> overrides) {
        return new TradeGraph(Kind.PAIRS, pairs, fee, overrides);
    }

    /** {@return how the graph was declared} */
    public Kind kind() {
        return kind;
    }

    /** {@return the declared unordered pairs, each a list of two agent ids (empty unless {@link Kind#PAIRS})} */
    public List<List<String>> pairs() {
        return pairs;
    }

    /** {@return the default {@code gamma} of every arc, currency per unit of power traded for one period; {@code >= 0}} */
    public double fee() {
        return fee;
    }

    /** {@return the directed arcs whose {@code gamma} differs from the fee, as declared (unmodifiable)} */
    public List<Arc> overrides() {
        return overrides;
    }

    /**
     * The same declared graph and fee with other arc overrides (e.g. derived charges or preferences).
     *
     * @param newOverrides the overrides replacing this graph's, copied
     * @return a new graph sharing these pairs
     */
    public TradeGraph withOverrides(List<Arc> newOverrides) {
        return new TradeGraph(this, fee, newOverrides);
    }

    /**
     * The same declared pairs with another fee and overrides. The pairs are shared, not copied:
     * a horizon derives one graph per period from one list of perhaps millions of pairs.
     *
     * @param newFee       the default {@code gamma}, currency per unit of power traded for one period; {@code >= 0}
     * @param newOverrides the overrides replacing this graph's, copied
     * @return a new graph sharing these pairs
     * @throws InvalidMarketException if {@code newFee} is negative
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
