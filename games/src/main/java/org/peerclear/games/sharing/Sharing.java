package org.peerclear.games.sharing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A division of the grand coalition's savings among the players: what {@code share} reports.
 * Allocations sum to {@link #grandCoalitionSavings()} (v(N)) to {@link
 * org.peerclear.games.GameTolerances#EFFICIENCY}. Maps keep the players' order (the case's).
 */
public final class Sharing {
    private final SharingMethod method;
    private final double grand;
    private final List<String> players;
    private final double[] allocations;
    private final double[] standardErrors;
    private final long samples;
    private final CoreCheck core;
    private final List<String> notes;
    private final double seconds;

    Sharing(SharingMethod method, double grand, List<String> players, double[] allocations, double[] standardErrors, long samples,
            CoreCheck core, List<String> notes, double seconds) {
        this.method = method;
        this.grand = grand;
        this.players = List.copyOf(players);
        this.allocations = allocations.clone();
        this.standardErrors = standardErrors == null ? null : standardErrors.clone();
        this.samples = samples;
        this.core = core;
        this.notes = List.copyOf(notes);
        this.seconds = seconds;
    }

    /** {@return how the savings were divided} */
    public SharingMethod method() {
        return method;
    }

    /** {@return v(N): what the grand coalition saves against every player alone with the grid, currency} */
    public double grandCoalitionSavings() {
        return grand;
    }

    /** {@return the players' names (agent ids for a market game), in order} */
    public List<String> players() {
        return players;
    }

    /** {@return each player's share of v(N), by name in the players' order; unmodifiable} */
    public Map<String, Double> allocations() {
        return map(allocations);
    }

    /**
     * One player's share.
     *
     * @param player a player's name
     * @return its allocation, currency
     * @throws IllegalArgumentException for a name that is no player
     */
    public double allocation(String player) {
        int i = players.indexOf(player);
        if (i < 0) {
            throw new IllegalArgumentException("'" + player + "' is not a player");
        }
        return allocations[i];
    }

    /** {@return the allocations in the players' order; a copy} */
    public double[] allocationArray() {
        return allocations.clone();
    }

    /** {@return the standard error of each allocation for a sampled method, by name; empty otherwise} */
    public Map<String, Double> standardErrors() {
        return standardErrors == null ? Map.of() : map(standardErrors);
    }

    /** {@return the permutations drawn by a sampled method; empty otherwise} */
    public OptionalLong samples() {
        return standardErrors == null ? OptionalLong.empty() : OptionalLong.of(samples);
    }

    /**
     * {@return whether the allocation is in the core: present when established (checked over every coalition, or a
     * blocking coalition found), empty when only a search found no blocking coalition}
     */
    public Optional<Boolean> inCore() {
        return core.inCore();
    }

    /** {@return the core check: its status, the most blocking coalition seen and its excess, whether it was exact} */
    public CoreCheck core() {
        return core;
    }

    /** {@return how the game was evaluated and the method ran, for a reader of the result} */
    public List<String> notes() {
        return notes;
    }

    /** {@return the wall-clock time of the whole computation, seconds (the game's construction excluded)} */
    public double seconds() {
        return seconds;
    }

    private Map<String, Double> map(double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(players.get(i), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "Sharing[" + method.cliName() + ", v(N) = " + grand + ", " + players.size() + " players, core " + core.status() + "]";
    }
}
