package org.peerclear.solver.ipm;

import java.util.Arrays;

/**
 * A fill-reducing ordering for a symmetric sparsity pattern: approximate minimum degree on the
 * quotient graph (Amestoy, Davis and Duff, "An approximate minimum degree ordering algorithm",
 * SIAM J. Matrix Anal. Appl. 17(4), 1996), written for this module after the paper's design.
 *
 * <p>Why not the exact minimum degree on the explicit elimination graph (this module's first
 * ordering): the elimination graph holds the factor's pattern, and every elimination rewrites
 * the adjacency of each neighbour, O(|adj|·degree) per pivot. On a 1000-household horizon
 * (≈ 1.6 M rows) that ran for over 20 minutes. Here the graph never grows beyond the
 * matrix's own pattern:
 * <ul>
 *   <li><b>Quotient graph.</b> An eliminated pivot becomes an <i>element</i>, stored as the
 *       list of variables it joins (its clique), not as the clique's edges. A variable's list
 *       holds the elements it belongs to, then the variables it still touches directly.</li>
 *   <li><b>Element absorption.</b> The elements adjacent to a pivot are merged into the new
 *       element and deleted; an element whose variables all lie in the new one is absorbed too
 *       (<i>aggressive absorption</i>): storage stays within the original pattern plus elbow
 *       room.</li>
 *   <li><b>Approximate external degree.</b> A variable i of the new element Lp gets the bound
 *       min(n − eliminated, d_i + |Lp \ i|, |A_i \ i| + |Lp \ i| + Σ_e |Le \ Lp|) instead of the
 *       true degree (a set union). The |Le \ Lp| of every element touching Lp come from one pass
 *       over Lp's variables' element lists, so a pivot costs about the size of what it touches.</li>
 *   <li><b>Supervariables.</b> Variables of Lp with the same element and variable lists are
 *       indistinguishable (found by a hash of their lists, then compared) and merged: one
 *       degree update serves them all and they are eliminated together (<i>mass elimination</i>,
 *       as are the variables whose external degree drops to zero).</li>
 *   <li><b>Dense rows.</b> A node of degree above {@link IpmSettings#AMD_DENSE_FACTOR}·√n (at least
 *       {@link IpmSettings#AMD_DENSE_MINIMUM}) would make every element touch it; it is left out
 *       and ordered last, as AMD does.</li>
 * </ul>
 * The order is returned without AMD's final postorder of the assembly tree: supervariables and
 * mass-eliminated variables are emitted right after their pivot, which gives the same fill.
 *
 * <p>The deadline is checked once per pivot, so that a time limit also bounds the ordering.
 */
final class ApproximateMinimumDegree {
    /** elen of a node that is an element. */
    private static final int ELEMENT = -2;
    /** elen of a node that is gone: an absorbed element, a merged or dense variable. */
    private static final int DEAD = -1;

    private ApproximateMinimumDegree() {
    }

    /**
     * The elimination order of a graph given as symmetric adjacency lists (CSR without the
     * diagonal): {@code order[k]} is the node eliminated k-th.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value or {@link DeadlineException#NONE}
     * @throws DeadlineException when the deadline passes ("ordering")
     */
    static int[] order(int n, int[] start, int[] adjacent, long deadlineNanos) {
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        int nnz = start[n];
        // Storage: every list in iw, pe[i] its start, len[i] its length, elen[i] the elements at its
        // front (or ELEMENT / DEAD). New elements are appended at pfree; the slack avoids compacting often.
        int[] iw = Arrays.copyOf(adjacent, nnz + nnz / 5 + 2 * n + 16);
        int pfree = nnz;
        int[] pe = Arrays.copyOf(start, n);
        int[] len = new int[n];
        int[] elen = new int[n];
        int[] nv = new int[n]; // supervariable size (negated while in the new element), 0 when merged
        int[] degree = new int[n]; // approximate external degree of a variable, |Le| of an element
        int[] w = new int[n]; // |Le \ Lp| + wflg during a degree update; 0 marks a dead element
        int[] head = new int[n + 1];
        int[] degNext = new int[n];
        int[] degPrev = new int[n];
        int[] hashHead = new int[n];
        int[] hashNext = new int[n];
        int[] hashOf = new int[n];
        int[] chainNext = new int[n]; // nodes ordered with a pivot: its supervariable and mass eliminations
        int[] chainTail = new int[n];
        int[] pivots = new int[n];
        int pivotCount = 0;
        Arrays.fill(head, -1);
        Arrays.fill(hashHead, -1);
        Arrays.fill(chainNext, -1);
        Arrays.fill(nv, 1);
        Arrays.fill(w, 1);
        int dense = (int) Math.max(IpmSettings.AMD_DENSE_MINIMUM, IpmSettings.AMD_DENSE_FACTOR * Math.sqrt(n));
        int[] denseNodes = new int[n];
        int denseCount = 0;
        int eliminated = 0;
        for (int i = 0; i < n; i++) {
            len[i] = start[i + 1] - start[i];
            degree[i] = len[i];
            chainTail[i] = i;
            if (len[i] > dense) {
                nv[i] = 0;
                elen[i] = DEAD;
                denseNodes[denseCount++] = i;
                eliminated++;
            } else {
                insert(i, degree[i], head, degNext, degPrev);
            }
        }
        int wflg = 2;
        int lemax = 0;
        int minDegree = 0;
        while (eliminated < n) {
            if (DeadlineException.passed(deadlineNanos)) {
                throw new DeadlineException("ordering", eliminated, n);
            }
            // --- The pivot: a variable of least approximate degree.
            int k;
            while ((k = head[minDegree]) < 0) {
                minDegree++;
            }
            remove(k, degree[k], head, degNext, degPrev);
            int elenk = elen[k];
            int nvk = nv[k];
            eliminated += nvk;
            pivots[pivotCount++] = k;

            // --- The new element Lk: k's variables and those of its elements (absorbed into k).
            // Built in place when k has no elements (then Lk ⊆ k's list), else appended at pfree;
            // |Lk| ≤ degree[k] supervariables, so that much room is made first.
            if (elenk > 0 && pfree + degree[k] >= iw.length) {
                pfree = compact(n, iw, pe, len, elen, pfree);
                if (pfree + degree[k] >= iw.length - iw.length / 8) {
                    iw = Arrays.copyOf(iw, Math.max(pfree + degree[k] + 1, iw.length + iw.length / 2));
                }
            }
            int dk = 0;
            nv[k] = -nvk;
            int p = pe[k];
            int pk1 = elenk == 0 ? p : pfree;
            int pk2 = pk1;
            for (int k1 = 0; k1 <= elenk; k1++) {
                int e;
                int pj;
                int ln;
                if (k1 == elenk) {
                    e = k;
                    pj = p;
                    ln = len[k] - elenk;
                } else {
                    e = iw[p++];
                    pj = pe[e];
                    ln = len[e];
                }
                for (int k2 = 0; k2 < ln; k2++) {
                    int i = iw[pj++];
                    int nvi = nv[i];
                    if (nvi <= 0) {
                        continue; // dead, or already in Lk
                    }
                    dk += nvi;
                    nv[i] = -nvi;
                    if (pk2 == iw.length) { // not expected (|Lk| ≤ degree[k]), but growing keeps every index valid
                        iw = Arrays.copyOf(iw, iw.length + iw.length / 2 + 1);
                    }
                    iw[pk2++] = i;
                    remove(i, degree[i], head, degNext, degPrev);
                }
                if (e != k) {
                    elen[e] = DEAD; // absorbed into k
                    w[e] = 0;
                }
            }
            if (elenk != 0) {
                pfree = pk2;
            }
            degree[k] = dk;
            pe[k] = pk1;
            len[k] = pk2 - pk1;
            elen[k] = ELEMENT;

            // --- Scan 1: w[e] − wflg = |Le \ Lk| for every live element e touching Lk.
            wflg = clear(wflg, lemax, w);
            for (int pk = pk1; pk < pk2; pk++) {
                int i = iw[pk];
                int eln = elen[i];
                if (eln <= 0) {
                    continue;
                }
                int nvi = -nv[i];
                int wnvi = wflg - nvi;
                for (int q = pe[i], end = pe[i] + eln; q < end; q++) {
                    int e = iw[q];
                    if (w[e] >= wflg) {
                        w[e] -= nvi;
                    } else if (w[e] != 0) {
                        w[e] = degree[e] + wnvi; // first time e is met
                    }
                }
            }

            // --- Scan 2: prune each list of Lk, bound its degree, hash it for the supervariable test.
            for (int pk = pk1; pk < pk2; pk++) {
                int i = iw[pk];
                int p1 = pe[i];
                int p2 = p1 + elen[i];
                int pn = p1;
                int hash = 0;
                int d = 0;
                for (int q = p1; q < p2; q++) {
                    int e = iw[q];
                    if (w[e] != 0) {
                        int external = w[e] - wflg;
                        if (external > 0) {
                            d += external;
                            iw[pn++] = e;
                            hash += e;
                        } else {
                            elen[e] = DEAD; // aggressive absorption: Le ⊆ Lk
                            w[e] = 0;
                        }
                    }
                }
                int newElen = pn - p1 + 1; // with k, added below
                int p3 = pn;
                for (int q = p2, end = p1 + len[i]; q < end; q++) {
                    int j = iw[q];
                    int nvj = nv[j];
                    if (nvj <= 0) {
                        continue; // dead, or in Lk (reached through k from now on)
                    }
                    d += nvj;
                    iw[pn++] = j;
                    hash += j;
                }
                if (d == 0) {
                    // Mass elimination: i touches nothing outside Lk, it goes with k.
                    int nvi = -nv[i];
                    dk -= nvi;
                    nvk += nvi;
                    eliminated += nvi;
                    nv[i] = 0;
                    elen[i] = DEAD;
                    append(k, i, chainNext, chainTail);
                } else {
                    degree[i] = Math.min(degree[i], d);
                    // k becomes the first element: the first variable moves to the end, the first element to its place.
                    // There is room: i reached Lk through k's list (k is pruned from i's) or an absorbed element.
                    iw[pn] = iw[p3];
                    iw[p3] = iw[p1];
                    iw[p1] = k;
                    elen[i] = newElen;
                    len[i] = pn - p1 + 1;
                    int bucket = Math.floorMod(hash, n);
                    hashNext[i] = hashHead[bucket];
                    hashHead[bucket] = i;
                    hashOf[i] = bucket;
                }
            }
            degree[k] = dk;
            lemax = Math.max(lemax, dk);
            wflg = clear(wflg + lemax, lemax, w);

            // --- Supervariables: lists of Lk in one hash bucket compared pairwise (k, first in each, is skipped).
            for (int pk = pk1; pk < pk2; pk++) {
                int i = iw[pk];
                if (nv[i] >= 0) {
                    continue; // mass-eliminated
                }
                int bucket = hashOf[i];
                i = hashHead[bucket];
                hashHead[bucket] = -1;
                for (; i != -1 && hashNext[i] != -1; i = hashNext[i], wflg++) {
                    int ln = len[i];
                    int eln = elen[i];
                    for (int q = pe[i] + 1, end = pe[i] + ln; q < end; q++) {
                        w[iw[q]] = wflg;
                    }
                    int jlast = i;
                    for (int j = hashNext[i]; j != -1; ) {
                        boolean same = len[j] == ln && elen[j] == eln;
                        for (int q = pe[j] + 1, end = pe[j] + ln; same && q < end; q++) {
                            same = w[iw[q]] == wflg;
                        }
                        if (same) {
                            nv[i] += nv[j]; // both negative
                            nv[j] = 0;
                            elen[j] = DEAD;
                            append(i, j, chainNext, chainTail);
                            j = hashNext[j];
                            hashNext[jlast] = j;
                        } else {
                            jlast = j;
                            j = hashNext[j];
                        }
                    }
                }
            }

            // --- Finalise Lk: live supervariables only, their degrees back in the lists.
            int at = pk1;
            for (int pk = pk1; pk < pk2; pk++) {
                int i = iw[pk];
                int nvi = -nv[i];
                if (nvi <= 0) {
                    continue;
                }
                nv[i] = nvi;
                int d = Math.min(degree[i] + dk - nvi, n - eliminated - nvi);
                degree[i] = d;
                insert(i, d, head, degNext, degPrev);
                minDegree = Math.min(minDegree, d);
                iw[at++] = i;
            }
            nv[k] = nvk;
            len[k] = at - pk1;
            if (len[k] == 0) {
                elen[k] = DEAD; // a root of the assembly tree: joins nothing
                w[k] = 0;
            }
            if (elenk != 0) {
                pfree = at;
            }
        }
        int at = 0;
        for (int t = 0; t < pivotCount; t++) {
            for (int i = pivots[t]; i != -1; i = chainNext[i]) {
                order[at++] = i;
            }
        }
        for (int t = 0; t < denseCount; t++) {
            order[at++] = denseNodes[t];
        }
        if (at != n) {
            throw new IllegalStateException("Ordering lost nodes: " + at + " of " + n);
        }
        return order;
    }

    /** Appends j's chain (j and what was merged into it) to i's. */
    private static void append(int i, int j, int[] chainNext, int[] chainTail) {
        chainNext[chainTail[i]] = j;
        chainTail[i] = chainTail[j];
    }

    /**
     * A flag above every live w: wflg itself unless wflg + lemax could overflow, in which case
     * live entries are reset to 1 (dead elements keep 0) and the flag starts again at 2.
     */
    private static int clear(int wflg, int lemax, int[] w) {
        if (wflg < 2 || wflg >= Integer.MAX_VALUE - lemax - 2) {
            for (int x = 0; x < w.length; x++) {
                if (w[x] != 0) {
                    w[x] = 1;
                }
            }
            return 2;
        }
        return wflg;
    }

    /**
     * Moves every live list (variables' and elements') to the front of iw, in place, and returns
     * the new free position. The first entry of each list is swapped with −(owner + 1) so that a
     * single left-to-right sweep finds the lists (node numbers are never negative).
     */
    private static int compact(int n, int[] iw, int[] pe, int[] len, int[] elen, int pfree) {
        for (int i = 0; i < n; i++) {
            if (elen[i] != DEAD && len[i] > 0) {
                int q = pe[i];
                pe[i] = iw[q];
                iw[q] = -(i + 1);
            }
        }
        int to = 0;
        for (int from = 0; from < pfree; ) {
            int v = iw[from];
            if (v >= 0) {
                from++;
                continue;
            }
            int i = -v - 1;
            iw[to] = pe[i];
            pe[i] = to;
            to++;
            from++;
            for (int t = 1; t < len[i]; t++) {
                iw[to++] = iw[from++];
            }
        }
        return to;
    }

    /** Puts v at the head of the degree-d list (doubly linked: head, next, prev). */
    static void insert(int v, int d, int[] head, int[] next, int[] prev) {
        int h = head[d];
        next[v] = h;
        prev[v] = -1;
        if (h >= 0) {
            prev[h] = v;
        }
        head[d] = v;
    }

    /** Takes v out of the degree-d list. */
    static void remove(int v, int d, int[] head, int[] next, int[] prev) {
        if (prev[v] >= 0) {
            next[prev[v]] = next[v];
        } else {
            head[d] = next[v];
        }
        if (next[v] >= 0) {
            prev[next[v]] = prev[v];
        }
    }
}
