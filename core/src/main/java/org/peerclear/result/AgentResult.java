package org.peerclear.result;

/** An agent's net injection {@code p} (sum of its assets; > 0 sells) and its price {@code mu} (NaN when undefined). */
public record AgentResult(String id, double p, double price) {
}
