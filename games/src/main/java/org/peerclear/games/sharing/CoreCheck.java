package org.peerclear.games.sharing;

import static org.peerclear.games.GameTolerances.CORE;

import java.util.Arrays;
import java.util.Optional;
import org.peerclear.generate.SplitMix64;

/**
 * Whether an allocation is in the core: no coalition S could do better alone,
 * {@code x(S) >= v(S)} for every S (to {@link org.peerclear.games.GameTolerances#CORE} times
 * {@code |v(N)|}). The check reports the most blocking coalition it saw: the one with the
 * smallest excess {@code x(S) − v(S)}.
 *
 * <ul>
 *   <li>{@link #exact}: over every coalition's value, so for at most
 *       {@value CoalitionValues#MAX_PLAYERS} players. The answer is a proof either way.</li>
 *   <li>{@link #search}: for larger games, a search for a blocking coalition: from several starts
 *       (the empty coalition, the grand coalition, random ones), a local search that adds or removes
 *       the player that lowers the excess, until no single change does. A coalition it finds with a
 *       negative excess proves the allocation is not in the core; finding none proves nothing, and
 *       is reported as {@link Status#NO_BLOCKING_COALITION_FOUND}, never as in the core.</li>
 * </ul>
 *
 * @param status        what the check established
 * @param worstExcess   the smallest {@code x(S) − v(S)} seen over non-empty coalitions other than N, in the game's
 *                      units (NaN for a game of one player: there is none)
 * @param worst         the members of that coalition, ascending player indices (empty when there is none)
 * @param examined      how many coalitions were evaluated
 * @param exact         whether every coalition was examined
 */
public record CoreCheck(Status status, double worstExcess, int[] worst, long examined, boolean exact) {
    /** What a core check established. */
    public enum Status {
        /** Every coalition was checked: none blocks. */
        IN_CORE,
        /** A coalition blocks (found exactly or by the search): the allocation is not in the core. */
        NOT_IN_CORE,
        /** The search found no blocking coalition; the allocation may still be outside the core. */
        NO_BLOCKING_COALITION_FOUND
    }

    /** Starts of the local search by default: the empty and grand coalitions, and random ones. */
    public static final int DEFAULT_STARTS = 8;

    /**
     * Keeps a copy of the members.
     *
     * @param status      what the check established
     * @param worstExcess the smallest excess seen
     * @param worst       that coalition's members; copied
     * @param examined    coalitions evaluated
     * @param exact       whether every coalition was examined
     */
    public CoreCheck {
        worst = worst.clone();
    }

    /** {@return {@code true} / {@code false} when established, empty when only a search found no blocking coalition} */
    public Optional<Boolean> inCore() {
        return switch (status) {
            case IN_CORE -> Optional.of(true);
            case NOT_IN_CORE -> Optional.of(false);
            case NO_BLOCKING_COALITION_FOUND -> Optional.empty();
        };
    }

    /** {@return the members of the most blocking coalition seen, ascending player indices; a copy} */
    @Override
    public int[] worst() {
        return worst.clone();
    }

    /** The allowance below v(S): the contract's 1e-9 of |v(N)|. */
    private static double allowance(double grand) {
        return CORE * Math.abs(grand);
    }

    /**
     * The exact check over every coalition.
     *
     * @param n      the number of players, at most {@value CoalitionValues#MAX_PLAYERS}
     * @param values {@code 2^n} coalition values indexed by mask
     * @param x      the allocation, one value per player
     * @return the check, exact
     * @throws IllegalArgumentException if the sizes do not match
     */
    public static CoreCheck exact(int n, double[] values, double[] x) {
        if (n < 1 || n > CoalitionValues.MAX_PLAYERS || values.length != 1 << n || x.length != n) {
            throw new IllegalArgumentException("need 2^n values and n allocations for 1 <= n <= " + CoalitionValues.MAX_PLAYERS);
        }
        int full = (1 << n) - 1;
        double[] xs = new double[1 << n];
        double worst = Double.POSITIVE_INFINITY;
        int worstMask = 0;
        for (int s = 1; s < full; s++) {
            xs[s] = xs[s & (s - 1)] + x[Integer.numberOfTrailingZeros(s)];
            double e = xs[s] - values[s];
            if (e < worst) {
                worst = e;
                worstMask = s;
            }
        }
        boolean blocked = worst < -allowance(values[full]);
        return new CoreCheck(blocked ? Status.NOT_IN_CORE : Status.IN_CORE, n == 1 ? Double.NaN : worst, members(worstMask),
                Math.max(0, full - 1), true);
    }

    private static int[] members(long mask) {
        int[] m = new int[Long.bitCount(mask)];
        int k = 0;
        for (long r = mask; r != 0; r &= r - 1) {
            m[k++] = Long.numberOfTrailingZeros(r);
        }
        return m;
    }

    /**
     * A search for the most blocking coalition (see class comment).
     *
     * @param game    the game, any size
     * @param x       the allocation, one value per player
     * @param grand   v(N)
     * @param starts  the local searches to run, at least 1 (the first from the empty coalition, the second from the
     *                grand coalition, the others from random coalitions)
     * @param seed    the random starts' and visiting orders' seed
     * @param threads the number of threads; the result does not depend on it
     * @return the check: {@code NOT_IN_CORE} with a blocking coalition, else {@code NO_BLOCKING_COALITION_FOUND}
     */
    public static CoreCheck search(Game game, double[] x, double grand, int starts, long seed, int threads) {
        int n = game.players();
        if (x.length != n || starts < 1) {
            throw new IllegalArgumentException("need one allocation per player and at least one start");
        }
        Local[] found = new Local[starts];
        Parallel.run(starts, threads, k -> found[k] = localSearch(game, x, k, seed));
        Local best = found[0];
        long examined = 0;
        for (Local l : found) {
            examined += l.examined;
            if (l.excess < best.excess) {
                best = l;
            }
        }
        boolean blocked = best.excess < -allowance(grand);
        return new CoreCheck(blocked ? Status.NOT_IN_CORE : Status.NO_BLOCKING_COALITION_FOUND,
                Double.isFinite(best.excess) ? best.excess : Double.NaN, best.members, examined, false);
    }

    /** A local search's best coalition (neither empty nor N), its excess, and the evaluations it took. */
    private record Local(int[] members, double excess, long examined) {
    }

    /**
     * Flip-one-player descent on the excess from start k: in sweeps over the players in a random
     * order, a player joins or leaves when that lowers the excess; ends after a sweep without a change.
     */
    private static Local localSearch(Game game, double[] x, int k, long seed) {
        int n = game.players();
        SplitMix64 rnd = new SplitMix64(seed * 0x9E3779B97F4A7C15L + k);
        Coalition c = game.coalition();
        double xs = 0.0;
        if (k == 1) {
            for (int i = 0; i < n; i++) {
                c.add(i);
                xs += x[i];
            }
        } else if (k >= 2) {
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < 0.5) {
                    c.add(i);
                    xs += x[i];
                }
            }
        }
        long examined = 1;
        double current = c.size() == 0 || c.size() == n ? Double.POSITIVE_INFINITY : xs - c.value();
        double bestExcess = current;
        boolean[] bestMembers = snapshot(c, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int p : order) {
                boolean in = c.contains(p);
                int after = c.size() + (in ? -1 : 1);
                if (after == 0 || after == n) {
                    continue;
                }
                if (in) {
                    c.remove(p);
                } else {
                    c.add(p);
                }
                double candidate = xs + (in ? -x[p] : x[p]) - c.value();
                examined++;
                if (candidate < current) {
                    current = candidate;
                    xs += in ? -x[p] : x[p];
                    changed = true;
                    if (current < bestExcess) {
                        bestExcess = current;
                        bestMembers = snapshot(c, n);
                    }
                } else if (in) {
                    c.add(p);
                } else {
                    c.remove(p);
                }
            }
        }
        int count = 0;
        for (boolean b : bestMembers) {
            count += b ? 1 : 0;
        }
        int[] members = new int[count];
        int q = 0;
        for (int i = 0; i < n; i++) {
            if (bestMembers[i]) {
                members[q++] = i;
            }
        }
        return new Local(members, bestExcess, examined);
    }

    private static boolean[] snapshot(Coalition c, int n) {
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = c.contains(i);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoreCheck c && c.status == status && Double.compare(c.worstExcess, worstExcess) == 0
                && Arrays.equals(c.worst, worst) && c.examined == examined && c.exact == exact;
    }

    @Override
    public int hashCode() {
        return 31 * status.hashCode() + Arrays.hashCode(worst);
    }

    @Override
    public String toString() {
        return "CoreCheck[" + status + ", worst excess " + worstExcess + " of " + Arrays.toString(worst) + ", " + examined
                + " coalitions" + (exact ? ", exact" : ", by search") + "]";
    }
}
