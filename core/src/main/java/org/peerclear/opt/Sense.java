package org.peerclear.opt;

/** The relation of a linear constraint row {@code a·x (sense) rhs}. */
public enum Sense {
    /** {@code a·x <= rhs}. */
    LESS_EQUAL("<="),
    /** {@code a·x >= rhs}. */
    GREATER_EQUAL(">="),
    /** {@code a·x = rhs}. */
    EQUAL("=");

    private final String symbol;

    Sense(String symbol) {
        this.symbol = symbol;
    }

    /** {@return the relation as written in a model or a message: {@code <=}, {@code >=} or {@code =}} */
    public String symbol() {
        return symbol;
    }
}
