package org.peerclear.model;

/**
 * A directed trading possibility: agent {@code from} may trade {@code t_from,to} with agent
 * {@code to} and pays {@code gamma·|t|} for it (a fee, a network charge or a dispreference;
 * {@code gamma >= 0}). Arcs come in mirrored pairs: if {@code n→m} exists so does {@code m→n}.
 */
public record Arc(String from, String to, double gamma) {
    public Arc {
        Checks.nonBlank("arc.from", from);
        Checks.nonBlank("arc.to", to);
        if (from.equals(to)) {
            throw new InvalidMarketException("arcs[" + from + "->" + to + "]", "an agent cannot trade with itself");
        }
        Checks.nonNegative("arcs[" + from + "->" + to + "].gamma", gamma);
    }
}
