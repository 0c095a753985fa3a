package org.peerclear.model;

/**
 * The one exception for an invalid market: a case file or a programmatically built market that
 * breaks a rule of the market-case format. The message always names the field (as a path such as
 * {@code agents[h1].assets[h1.pv].pMax}), the offending value and the rule broken.
 */
public final class InvalidMarketException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public InvalidMarketException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public InvalidMarketException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
        this.problem = problem;
    }

    /** The path of the offending field, e.g. {@code trades.arcs[2].gamma}. */
    public String field() {
        return field;
    }

    /** The message without the field: the value and the rule broken. */
    public String problem() {
        return problem;
    }
}
