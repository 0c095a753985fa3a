package org.peerclear.io;

/**
 * CSV cells as RFC 4180 has them: a cell holding a comma, a double quote, a carriage return or a
 * line feed is enclosed in double quotes, with each double quote inside doubled; any other cell is
 * written as it is. Numbers are Java's shortest exact decimal, empty when not finite.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * One text cell, quoted only when it must be (RFC 4180).
     *
     * @param text the cell's text
     * @return the text as is, or in double quotes with its double quotes doubled when it holds a comma, quote or line break
     */
    public static String cell(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }

    /**
     * One number cell: shortest exact decimal, empty when not finite (NaN: undefined).
     *
     * @param v the number
     * @return the shortest decimal that reads back as {@code v}, or the empty string
     */
    public static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
