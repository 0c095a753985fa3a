package org.peerclear.options;

/**
 * An unknown option name or a value that breaks an option's rule. {@link #option()} is the
 * option's name (or the unknown name as written); the message says what is wrong and why.
 */
public final class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String option;

    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    public String option() {
        return option;
    }
}
