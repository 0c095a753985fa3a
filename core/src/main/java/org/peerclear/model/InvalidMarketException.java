package org.peerclear.model;

/**
 * The one exception for an invalid market: a case file or a programmatically built market that
 * breaks a rule of the market-case format. The message always names the field (as a path such as
 * {@code agents[h1].assets[h1.pv].pMax}), the offending value and the rule broken.
 */
public final class InvalidMarketException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The path of the offending field. */
    private final String field;
    /** The value and the rule broken. */
    private final String problem;

    /**
     * An invalid market; the message is {@code field + ": " + problem}.
     *
     * @param field   the path of the offending field, e.g. {@code agents[h1].assets[h1.pv].pMax}
     * @param problem the offending value and the rule broken
     */
    public InvalidMarketException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /**
     * An invalid market found through another failure (e.g. a feeder that cannot be loaded).
     *
     * @param field   the path of the offending field
     * @param problem the offending value and the rule broken
     * @param cause   the failure that revealed it
     */
    public InvalidMarketException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
        this.problem = problem;
    }

    /** {@return the path of the offending field, e.g. {@code trades.arcs[2].gamma}} */
    public String field() {
        return field;
    }

    /** {@return the message without the field: the value and the rule broken} */
    public String problem() {
        return problem;
    }
}
