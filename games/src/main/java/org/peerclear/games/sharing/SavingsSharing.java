package org.peerclear.games.sharing;

import static org.peerclear.games.GameTolerances.EFFICIENCY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Divides a game's savings by a {@link SharingMethod} and checks the result against the core:
 * the library entry point of the {@code share} command.
 *
 * <pre>{@code
 * CommunityGame game = CommunityGame.of(market);
 * Sharing s = SavingsSharing.share(game, SharingMethod.SHAPLEY, SharingOptions.DEFAULT);
 * s.allocations();   // agent -> share of v(N)
 * s.inCore();        // Optional<Boolean>
 * }</pre>
 *
 * <p>Limits: exact Shapley takes at most {@value CoalitionValues#MAX_PLAYERS} players and the
 * nucleolus at most {@value Nucleolus#MAX_PLAYERS} (both need every coalition's value); sampled
 * Shapley, proportional and equal take any number. The core check is exact up to
 * {@link SharingOptions#coreExactMaxPlayers()} players and a search above
 * ({@link CoreCheck}). Every allocation is checked to sum to v(N) to
 * {@link org.peerclear.games.GameTolerances#EFFICIENCY}; a larger residual is a defect and throws.
 */
public final class SavingsSharing {
    private SavingsSharing() {
    }

    /**
     * Shares a community's savings; the proportional split uses each player's energy in the grand
     * coalition's clearing ({@link CommunityGame#grandCoalitionEnergy()}).
     *
     * @param game    the community's game
     * @param method  how to divide
     * @param options the settings
     * @return the division, its core check and notes (the game's among them)
     * @throws IllegalArgumentException if the method does not take this many players, naming the limit
     */
    public static Sharing share(CommunityGame game, SharingMethod method, SharingOptions options) {
        double[] weights = method == SharingMethod.PROPORTIONAL ? game.grandCoalitionEnergy() : null;
        return share(game, method, options, weights, game.notes());
    }

    /**
     * Shares a game's value.
     *
     * @param game    the game
     * @param method  how to divide
     * @param options the settings
     * @param weights the proportional split's weights, one per player, {@code >= 0}; ignored by the other methods
     *                (may be null for them)
     * @return the division, its core check and notes
     * @throws IllegalArgumentException if the method does not take this many players (naming the limit), or the
     *                                  weights are missing or invalid for the proportional split
     */
    public static Sharing share(Game game, SharingMethod method, SharingOptions options, double[] weights) {
        return share(game, method, options, weights, List.of());
    }

    private static Sharing share(Game game, SharingMethod method, SharingOptions options, double[] weights, List<String> gameNotes) {
        long start = System.nanoTime();
        int n = game.players();
        List<String> notes = new ArrayList<>(gameNotes);
        double[] values = null;
        double[] x;
        double[] se = null;
        long samples = 0;
        switch (method) {
            case SHAPLEY -> {
                if (n > CoalitionValues.MAX_PLAYERS) {
                    throw new IllegalArgumentException("exact Shapley evaluates all 2^n coalitions: at most " + CoalitionValues.MAX_PLAYERS
                            + " players, this game has " + n + " (use shapley-sampled)");
                }
                values = CoalitionValues.of(game, options.threads());
                x = Shapley.fromValues(n, values);
                notes.add("exact Shapley value over all " + (1L << n) + " coalitions");
            }
            case SHAPLEY_SAMPLED -> {
                Shapley.Estimate e = Shapley.sampled(game, options.sampling());
                x = e.values();
                se = e.standardErrors();
                samples = e.samples();
                notes.add(String.format(Locale.ROOT, "sampled Shapley value: %d permutations in antithetic pairs, seed %d",
                        e.samples(), options.seed()));
                if (options.targetRelativeError() > 0) {
                    notes.add(String.format(Locale.ROOT, e.targetReached()
                            ? "the standard errors reached the target of %g of the mean allocation"
                            : "the standard errors did not reach the target of %g of the mean allocation within the samples allowed",
                            options.targetRelativeError()));
                }
            }
            case NUCLEOLUS -> {
                if (n > Nucleolus.MAX_PLAYERS) {
                    throw new IllegalArgumentException("the nucleolus is computed over all 2^n coalitions: at most "
                            + Nucleolus.MAX_PLAYERS + " players, this game has " + n);
                }
                values = CoalitionValues.of(game, options.threads());
                Nucleolus.Result r = Nucleolus.fromValues(n, values, options.lpBackend());
                x = r.allocation();
                notes.add("nucleolus: " + r.levels().length + " LP stages, " + r.lpSolves() + " LPs solved");
                notes.addAll(r.notes());
            }
            case PROPORTIONAL -> {
                double grand = grandValue(game);
                x = proportional(grand, weights, notes);
            }
            case EQUAL -> {
                double grand = grandValue(game);
                x = new double[n];
                java.util.Arrays.fill(x, grand / n);
            }
            default -> throw new IllegalArgumentException("unknown method " + method);
        }
        double grand = values != null ? values[values.length - 1] : grandValue(game);
        requireEfficient(method, x, grand);
        CoreCheck core;
        if (n <= options.coreExactMaxPlayers()) {
            if (values == null) {
                values = CoalitionValues.of(game, options.threads());
            }
            core = CoreCheck.exact(n, values, x);
            notes.add("core: checked over all " + (1L << n) + " coalitions");
        } else {
            core = CoreCheck.search(game, x, grand, options.coreSearchStarts(), options.seed(), options.threads());
            notes.add(core.status() == CoreCheck.Status.NOT_IN_CORE
                    ? "core: a blocking coalition was found by search (" + core.worst().length + " players)"
                    : "core: not checked exactly (" + n + " players > " + options.coreExactMaxPlayers()
                    + "); no blocking coalition found by a local search over " + core.examined() + " coalitions");
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(game.playerName(i));
        }
        return new Sharing(method, grand, names, x, se, samples, core, notes, (System.nanoTime() - start) * 1e-9);
    }

    /** v(N), by one coalition that every player joins. */
    static double grandValue(Game game) {
        Coalition c = game.coalition();
        for (int i = 0; i < game.players(); i++) {
            c.add(i);
        }
        return c.value();
    }

    private static double[] proportional(double grand, double[] weights, List<String> notes) {
        if (weights == null) {
            throw new IllegalArgumentException("the proportional split needs one weight per player");
        }
        double sum = 0.0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("proportional weights must be finite and >= 0, got " + w);
            }
            sum += w;
        }
        double[] x = new double[weights.length];
        if (sum == 0.0) {
            notes.add("proportional: no player has any energy in the grand coalition's clearing; split equally");
            java.util.Arrays.fill(x, grand / weights.length);
            return x;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = grand * (weights[i] / sum);
        }
        return x;
    }

    /** Every method is efficient by construction; a residual above the tolerance is a defect, not a result. */
    private static void requireEfficient(SharingMethod method, double[] x, double grand) {
        double sum = 0.0;
        double largest = Math.abs(grand);
        for (double v : x) {
            sum += v;
            largest = Math.max(largest, Math.abs(v));
        }
        if (!(Math.abs(sum - grand) <= EFFICIENCY * largest)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s allocations sum to %.17g, not v(N) = %.17g: a defect", method.cliName(), sum, grand));
        }
    }
}
