package org.peerclear.powerflow.matpower;

/** A MATPOWER case file could not be read: the message names the source and line. */
public final class MatpowerParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The file name or resource. */
    private final String source;
    /** The 1-based line, 0 if the problem is not tied to one. */
    private final int line;

    /**
     * @param source file name or resource
     * @param line   1-based line number (0 if not tied to a line)
     * @param what   description of the problem
     */
    public MatpowerParseException(String source, int line, String what) {
        super(source + (line > 0 ? ":" + line : "") + ": " + what);
        this.source = source;
        this.line = line;
    }

    /** {@return the file name or resource the problem is in} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line number, 0 if the problem is not tied to a line} */
    public int line() {
        return line;
    }
}
