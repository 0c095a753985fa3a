package org.peerclear.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names a mistyped one probably meant: those within a small edit distance, or that contain
 * it or are contained in it (so {@code pdlp} finds {@code ortools-pdlp}).
 */
public final class CloseMatches {
    private CloseMatches() {
    }

    /**
     * The candidates close to {@code name}, nearest first, ties in the candidates' order.
     *
     * @param name       the name as typed; compared case-insensitively
     * @param candidates the known names
     * @return the close candidates; empty when none is close
     */
    public static List<String> of(String name, List<String> candidates) {
        String n = name.toLowerCase(Locale.ROOT);
        // A third of the name, at least one edit: enough for a typo, not for an unrelated word.
        int limit = Math.max(1, n.length() / 3);
        List<String> out = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(n, lc);
            // Three letters at least, so that a one-letter name is not "contained" in every word.
            boolean contains = Math.min(n.length(), lc.length()) >= 3 && (lc.contains(n) || n.contains(lc));
            if (d <= limit || contains) {
                int at = 0;
                while (at < out.size() && distances.get(at) <= d) {
                    at++;
                }
                out.add(at, c);
                distances.add(at, d);
            }
        }
        return out;
    }

    /** Levenshtein distance, with a transposition of neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
