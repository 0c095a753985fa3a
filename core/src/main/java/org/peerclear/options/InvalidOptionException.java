package org.peerclear.options;

/**
 * An unknown option name or a value that breaks an option's rule. {@link #option()} is the
 * option's name (or the unknown name as written); the message says what is wrong and why.
 */
public final class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The option's name, or the unknown name as written. */
    private final String option;

    /**
     * An invalid option.
     *
     * @param option  the option's name, or the unknown name as written
     * @param message what is wrong and why, naming the option and its rule
     */
    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** {@return the option's name, or the unknown name as written (for a caller that points at the field)} */
    public String option() {
        return option;
    }
}
