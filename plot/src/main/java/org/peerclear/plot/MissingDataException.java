package org.peerclear.plot;

/** The result (or case) lacks what the asked picture needs; the message says what is missing. */
public final class MissingDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MissingDataException(String message) {
        super(message);
    }
}
