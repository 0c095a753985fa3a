package org.peerclear.games.sharing;

import org.peerclear.opt.SolverBackend;

/**
 * Settings of {@link SavingsSharing#share}. Start from {@link #DEFAULT} and change what you need.
 *
 * @param samples             sampled Shapley: permutations to draw, or the most to draw with a target; at least 2
 * @param targetRelativeError sampled Shapley: stop once every standard error is at most this times the mean
 *                            allocation {@code |v(N)|/n}; 0 draws exactly {@code samples}
 * @param seed                the seed of the sampled methods (permutations, the core search's starts)
 * @param threads             threads for coalition evaluations, at least 1; results do not depend on it
 * @param coreExactMaxPlayers the core check is exact (over every coalition) up to this many players and a search
 *                            above; at most {@value CoalitionValues#MAX_PLAYERS}
 * @param coreSearchStarts    the core search's local searches, at least 1
 * @param lpBackend           the nucleolus's LP back-end; null for the registry's default for LPs
 */
public record SharingOptions(long samples, double targetRelativeError, long seed, int threads, int coreExactMaxPlayers,
                             int coreSearchStarts, SolverBackend lpBackend) {
    /** Permutations drawn by default by sampled Shapley. */
    public static final long DEFAULT_SAMPLES = 1000;
    /** Players up to which the core check is exact by default: 2^20 coalition values. */
    public static final int DEFAULT_CORE_EXACT_MAX_PLAYERS = 20;

    /**
     * 1000 samples, no target, seed 1, the machine's processors, the core exact up to
     * {@value #DEFAULT_CORE_EXACT_MAX_PLAYERS} players, {@value CoreCheck#DEFAULT_STARTS} search starts, the default LP
     * back-end.
     */
    public static final SharingOptions DEFAULT = new SharingOptions(DEFAULT_SAMPLES, 0.0, 1L,
            Runtime.getRuntime().availableProcessors(), DEFAULT_CORE_EXACT_MAX_PLAYERS, CoreCheck.DEFAULT_STARTS, null);

    /**
     * Validates the settings.
     *
     * @param samples             at least 2
     * @param targetRelativeError finite, {@code >= 0}
     * @param seed                any value
     * @param threads             at least 1
     * @param coreExactMaxPlayers 0 to {@value CoalitionValues#MAX_PLAYERS}
     * @param coreSearchStarts    at least 1
     * @param lpBackend           may be null
     * @throws IllegalArgumentException if a setting is out of range
     */
    public SharingOptions {
        new Shapley.Sampling(samples, targetRelativeError, seed, threads); // checks the sampling settings, one check for both
        if (coreExactMaxPlayers < 0 || coreExactMaxPlayers > CoalitionValues.MAX_PLAYERS) {
            throw new IllegalArgumentException("coreExactMaxPlayers must be within [0, " + CoalitionValues.MAX_PLAYERS + "], got "
                    + coreExactMaxPlayers);
        }
        if (coreSearchStarts < 1) {
            throw new IllegalArgumentException("coreSearchStarts must be >= 1, got " + coreSearchStarts);
        }
    }

    /**
     * These settings with another number of samples.
     *
     * @param n permutations, at least 2
     * @return the new settings
     */
    public SharingOptions withSamples(long n) {
        return new SharingOptions(n, targetRelativeError, seed, threads, coreExactMaxPlayers, coreSearchStarts, lpBackend);
    }

    /**
     * These settings with a stopping rule.
     *
     * @param r the target standard error relative to the mean allocation; 0 for none
     * @return the new settings
     */
    public SharingOptions withTargetRelativeError(double r) {
        return new SharingOptions(samples, r, seed, threads, coreExactMaxPlayers, coreSearchStarts, lpBackend);
    }

    /**
     * These settings with another seed.
     *
     * @param s any value
     * @return the new settings
     */
    public SharingOptions withSeed(long s) {
        return new SharingOptions(samples, targetRelativeError, s, threads, coreExactMaxPlayers, coreSearchStarts, lpBackend);
    }

    /**
     * These settings with another thread count.
     *
     * @param t at least 1
     * @return the new settings
     */
    public SharingOptions withThreads(int t) {
        return new SharingOptions(samples, targetRelativeError, seed, t, coreExactMaxPlayers, coreSearchStarts, lpBackend);
    }

    /**
     * These settings with another limit for the exact core check.
     *
     * @param n players, 0 to {@value CoalitionValues#MAX_PLAYERS}
     * @return the new settings
     */
    public SharingOptions withCoreExactMaxPlayers(int n) {
        return new SharingOptions(samples, targetRelativeError, seed, threads, n, coreSearchStarts, lpBackend);
    }

    /**
     * These settings with another number of core search starts.
     *
     * @param n at least 1
     * @return the new settings
     */
    public SharingOptions withCoreSearchStarts(int n) {
        return new SharingOptions(samples, targetRelativeError, seed, threads, coreExactMaxPlayers, n, lpBackend);
    }

    /**
     * These settings with another LP back-end for the nucleolus.
     *
     * @param b the back-end; null for the default
     * @return the new settings
     */
    public SharingOptions withLpBackend(SolverBackend b) {
        return new SharingOptions(samples, targetRelativeError, seed, threads, coreExactMaxPlayers, coreSearchStarts, b);
    }

    /** {@return the settings of sampled Shapley} */
    public Shapley.Sampling sampling() {
        return new Shapley.Sampling(samples, targetRelativeError, seed, threads);
    }
}
