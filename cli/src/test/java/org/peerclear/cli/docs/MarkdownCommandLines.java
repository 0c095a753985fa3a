package org.peerclear.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code peerclear} command lines quoted in a Markdown document: in fenced code
 * blocks, in inline code, and the synopses of indented code blocks under a heading that names
 * the command ({@code ## clear — ...} then {@code     clear CASE.json [--out FILE]}).
 *
 * <p>A command line is one that starts (after {@code VAR=value} settings) with
 * {@code peerclear}, {@code ./peerclear} or {@code java [options] -jar cli/target/peerclear.jar}.
 * In a code block a line ending in {@code \} or a line starting with {@code [} continues the
 * command above, and {@code # ...} is a shell comment. Everything under a heading whose text
 * contains {@value #PLANNED} (down to the next heading of the same or a higher level) is
 * marked planned.
 */
final class MarkdownCommandLines {
    /** The marker of a section describing commands that are not built yet. */
    static final String PLANNED = "planned (issue";

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern INLINE = Pattern.compile("(?<!`)`([^`]+)`(?!`)");
    private static final Pattern SHELL_COMMENT = Pattern.compile("(^|\\s)#.*$");

    private final String file;
    private final List<DocCommandLine> found = new ArrayList<>();
    private int plannedLevel = 0;
    private String sectionWord = "";

    private MarkdownCommandLines(String file) {
        this.file = file;
    }

    static List<DocCommandLine> of(String file, String markdown) {
        MarkdownCommandLines m = new MarkdownCommandLines(file);
        m.scan(markdown.split("\\R", -1));
        return m.found;
    }

    private void scan(String[] lines) {
        StringBuilder prose = new StringBuilder();
        int proseStart = 1;
        boolean inFence = false;
        boolean inIndented = false;
        Pending pending = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (FENCE.matcher(line).find()) {
                pending = flush(pending);
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                pending = codeLine(pending, line, number, true);
                continue;
            }
            boolean indented = line.startsWith("    ") || line.startsWith("\t");
            boolean blank = line.isBlank();
            if (indented && (inIndented || blank(lines, i - 1) || isHeading(lines, i - 1))) {
                inIndented = true;
                pending = codeLine(pending, line, number, false);
                continue;
            }
            inIndented = false;
            pending = flush(pending);
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                inline(prose.toString(), proseStart);
                prose.setLength(0);
                heading(h.group(1).length(), h.group(2));
            }
            if (blank || h.matches()) {
                inline(prose.toString(), proseStart);
                prose.setLength(0);
                proseStart = number + 1;
            } else {
                if (prose.length() == 0) {
                    proseStart = number;
                }
                prose.append(line).append('\n');
            }
        }
        flush(pending);
        inline(prose.toString(), proseStart);
    }

    private static boolean blank(String[] lines, int i) {
        return i < 0 || lines[i].isBlank();
    }

    private static boolean isHeading(String[] lines, int i) {
        return i >= 0 && HEADING.matcher(lines[i]).matches();
    }

    private void heading(int level, String text) {
        if (plannedLevel > 0 && level <= plannedLevel) {
            plannedLevel = 0;
        }
        if (plannedLevel == 0 && text.toLowerCase(java.util.Locale.ROOT).contains(PLANNED)) {
            plannedLevel = level;
        }
        String[] words = text.trim().split("\\s+");
        sectionWord = words.length == 0 ? "" : words[0].replace("`", "");
    }

    /** A command line being read, which may go on on the next line. */
    private record Pending(int line, StringBuilder text, boolean synopsis) {
    }

    private Pending codeLine(Pending pending, String raw, int number, boolean fenced) {
        String line = SHELL_COMMENT.matcher(raw).replaceAll("").strip();
        if (pending != null && line.startsWith("[")) {
            pending.text.append(' ').append(line);
            return pending;
        }
        if (pending != null && pending.text.toString().endsWith("\\")) {
            pending.text.setLength(pending.text.length() - 1);
            pending.text.append(' ').append(line);
            return pending;
        }
        flush(pending);
        if (line.isEmpty()) {
            return null;
        }
        // An indented block's synopsis names the command of its section, without the program.
        boolean synopsis = !fenced && !sectionWord.isEmpty() && line.split("\\s+")[0].equals(sectionWord);
        return new Pending(number, new StringBuilder(line), synopsis);
    }

    private Pending flush(Pending pending) {
        if (pending != null) {
            String text = pending.text.toString().strip();
            add(pending.line, text, pending.synopsis ? "peerclear " + text : text);
        }
        return null;
    }

    private void inline(String prose, int firstLine) {
        Matcher m = INLINE.matcher(prose);
        while (m.find()) {
            int line = firstLine + (int) prose.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            String text = m.group(1).replaceAll("\\s+", " ").strip();
            add(line, text, text);
        }
    }

    private void add(int line, String text, String command) {
        List<String> args = program(ShellWords.split(command));
        if (args != null) {
            found.add(new DocCommandLine(file, line, text, args, plannedLevel > 0));
        }
    }

    /** The arguments after the program, or null when the words do not run {@code peerclear}. */
    static List<String> program(List<String> words) {
        int i = 0;
        while (i < words.size() && words.get(i).matches("[A-Z_][A-Z0-9_]*=.*")) {
            i++;
        }
        if (i >= words.size()) {
            return null;
        }
        String first = words.get(i);
        if (first.equals("peerclear") || first.equals("./peerclear")) {
            return List.copyOf(words.subList(i + 1, words.size()));
        }
        if (first.equals("java")) {
            int jar = words.indexOf("-jar");
            if (jar > i && jar + 1 < words.size() && words.get(jar + 1).endsWith("cli/target/peerclear.jar")) {
                return List.copyOf(words.subList(jar + 2, words.size()));
            }
        }
        return null;
    }
}
