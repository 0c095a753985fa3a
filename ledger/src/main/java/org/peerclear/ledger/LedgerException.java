package org.peerclear.ledger;

/** A ledger operation failed: the database could not be reached or written, or a key could not be used. */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with its cause.
     *
     * @param message what failed
     * @param cause the underlying error
     */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure without an underlying error.
     *
     * @param message what failed
     */
    public LedgerException(String message) {
        super(message);
    }
}
