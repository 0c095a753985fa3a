package org.peerclear.plot;

/** The result (or case) lacks what the asked picture needs; the message says what is missing. */
public final class MissingDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what the picture needs and the result lacks, for the user to read */
    public MissingDataException(String message) {
        super(message);
    }
}
