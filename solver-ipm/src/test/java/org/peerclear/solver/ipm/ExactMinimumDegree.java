package org.peerclear.solver.ipm;

import java.util.Arrays;

/**
 * The back-end's first ordering, kept in the tests as the reference for the fill of
 * {@link ApproximateMinimumDegree}: minimum degree on the explicit
 * elimination graph. At each step the node of least current degree is eliminated and its
 * neighbours become a clique, exactly as the Cholesky factorisation will fill in.
 *
 * <p>Why not a quotient-graph AMD: the elimination graph holds at most the factor's pattern,
 * which for the market problems is small (the agent balance rows of one period form a clique
 * once the pair rows are eliminated), and the exact degrees give the true minimum-degree choice.
 * The cost of one elimination is the sum of its neighbours' list lengths plus the square of its
 * degree. Degrees sit in bucket lists, so picking the minimum is O(1) amortised.
 */
final class ExactMinimumDegree {
    private ExactMinimumDegree() {
    }

    /**
     * The elimination order of a graph given as symmetric adjacency lists (CSR without the
     * diagonal): {@code order[k]} is the node eliminated k-th.
     */
    static int[] order(int n, int[] start, int[] adjacent) {
        int[][] adj = new int[n][];
        int[] len = new int[n];
        for (int v = 0; v < n; v++) {
            len[v] = start[v + 1] - start[v];
            adj[v] = Arrays.copyOfRange(adjacent, start[v], start[v + 1] + Math.max(4, len[v] / 2));
        }
        // Bucket lists by degree.
        int[] head = new int[n + 1];
        int[] next = new int[n];
        int[] prev = new int[n];
        Arrays.fill(head, -1);
        for (int v = 0; v < n; v++) {
            ApproximateMinimumDegree.insert(v, len[v], head, next, prev);
        }
        int[] seen = new int[n];
        int stamp = 0;
        int[] buffer = new int[16];
        int[] order = new int[n];
        int minDegree = 0;
        for (int k = 0; k < n; k++) {
            while (head[minDegree] < 0) {
                minDegree++;
            }
            int v = head[minDegree];
            ApproximateMinimumDegree.remove(v, len[v], head, next, prev);
            order[k] = v;
            int[] clique = adj[v];
            int cliqueLen = len[v];
            for (int i = 0; i < cliqueLen; i++) {
                int u = clique[i];
                ApproximateMinimumDegree.remove(u, len[u], head, next, prev);
                stamp++;
                int[] au = adj[u];
                int lu = len[u];
                int needed = lu + cliqueLen;
                if (buffer.length < needed) {
                    buffer = new int[Math.max(needed, 2 * buffer.length)];
                }
                int nl = 0;
                for (int p = 0; p < lu; p++) {
                    int w = au[p];
                    if (w != v) {
                        seen[w] = stamp;
                        buffer[nl++] = w;
                    }
                }
                for (int p = 0; p < cliqueLen; p++) {
                    int w = clique[p];
                    if (w != u && seen[w] != stamp) {
                        buffer[nl++] = w;
                    }
                }
                if (au.length < nl) {
                    au = new int[Math.max(nl, 2 * au.length)];
                    adj[u] = au;
                }
                System.arraycopy(buffer, 0, au, 0, nl);
                len[u] = nl;
                ApproximateMinimumDegree.insert(u, nl, head, next, prev);
                if (nl < minDegree) {
                    minDegree = nl;
                }
            }
            adj[v] = null;
            len[v] = 0;
        }
        return order;
    }
}
