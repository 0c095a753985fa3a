package org.peerclear.cli.docs;

import java.util.List;

/**
 * A {@code peerclear} command line quoted in a document.
 *
 * @param file the document, as named in messages
 * @param line where the quote starts, from 1
 * @param text the quote as written (continuation lines joined)
 * @param args the arguments after {@code peerclear} (or after the jar)
 * @param planned whether it stands under a heading marked {@value MarkdownCommandLines#PLANNED}
 */
record DocCommandLine(String file, int line, String text, List<String> args, boolean planned) {
    String where() {
        return file + ":" + line + ": `" + text + "`";
    }
}
