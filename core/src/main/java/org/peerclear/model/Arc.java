package org.peerclear.model;

/**
 * A directed trading possibility: agent {@code from} may trade {@code t_from,to} with agent
 * {@code to} and pays {@code gamma·|t|} for it (a fee, a network charge or a dispreference;
 * {@code gamma >= 0}). Arcs come in mirrored pairs: if {@code n→m} exists so does {@code m→n}.
 */
public record Arc(String from, String to, double gamma) {
    /**
     * Validates the arc; it does not add the mirror arc ({@link TradeGraph} does).
     *
     * @param from  the agent on the trading side, not blank
     * @param to    the other agent, not {@code from}
     * @param gamma the fee per unit energy traded, currency per unit of power for one period; {@code >= 0}
     * @throws InvalidMarketException if an id is blank, {@code from == to} or {@code gamma} is negative
     */
    public Arc {
        Checks.nonBlank("arc.from", from);
        Checks.nonBlank("arc.to", to);
        if (from.equals(to)) {
            throw new InvalidMarketException("arcs[" + from + "->" + to + "]", "an agent cannot trade with itself");
        }
        Checks.nonNegative("arcs[" + from + "->" + to + "].gamma", gamma);
    }
}
