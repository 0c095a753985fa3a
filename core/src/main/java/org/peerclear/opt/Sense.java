package org.peerclear.opt;

/** The relation of a linear constraint row {@code a·x (sense) rhs}. */
public enum Sense {
    LESS_EQUAL("<="),
    GREATER_EQUAL(">="),
    EQUAL("=");

    private final String symbol;

    Sense(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
