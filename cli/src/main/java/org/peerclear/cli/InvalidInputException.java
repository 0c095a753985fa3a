package org.peerclear.cli;

/** Bad input to a command (a missing file, an option that does not apply): exit code 2. */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the one line printed on stderr: what is wrong and with which file, option or field */
    public InvalidInputException(String message) {
        super(message);
    }
}
