package org.peerclear.sweep;

/**
 * An invalid sweep file: the message names the field (as a path such as {@code scenarios[2].scale.pv} or
 * {@code grid.fee}), the offending value and the rule broken, as the case reader's messages do.
 */
public final class InvalidSweepException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The path of the offending field. */
    private final String field;

    /**
     * An invalid sweep file; the message is {@code field + ": " + problem}.
     *
     * @param field   the path of the offending field, e.g. {@code grid.fee}
     * @param problem the offending value and the rule broken
     */
    public InvalidSweepException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** {@return the path of the offending field} */
    public String field() {
        return field;
    }
}
