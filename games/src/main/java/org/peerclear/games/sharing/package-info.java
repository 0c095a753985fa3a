/**
 * Sharing the savings of a community: cooperative games, their solutions, and the game of a
 * market case (the {@code share} command's library).
 *
 * <h2>Games</h2>
 * A {@link org.peerclear.games.sharing.Game} has players and a value v(S) per coalition, read
 * through an incremental {@link org.peerclear.games.sharing.Coalition} (add or remove a player,
 * read the value); {@link org.peerclear.games.sharing.Game#of} makes one from a formula on masks.
 * {@link org.peerclear.games.sharing.CommunityGame} is the game of a market case: players are the
 * agents with assets, {@code c(S)} the objective of clearing the case with only S trading
 * ({@link org.peerclear.games.sharing.CoalitionMarkets} says who stays in a coalition's market),
 * {@code v(S) = Σ_{i ∈ S} c({i}) − c(S)}.
 *
 * <h2>Solutions</h2>
 * <ul>
 *   <li>{@link org.peerclear.games.sharing.Shapley}: exact over every coalition
 *       ({@link org.peerclear.games.sharing.CoalitionValues}, at most 24 players), or sampled
 *       from antithetic pairs of permutations with standard errors and a stopping rule;</li>
 *   <li>{@link org.peerclear.games.sharing.Nucleolus}: the sequence of LPs with constraint
 *       generation, coalitions fixed only on proof (positive duals, or test LPs), at most 20
 *       players;</li>
 *   <li>proportional and equal splits;</li>
 *   <li>{@link org.peerclear.games.sharing.CoreCheck}: exact over every coalition, or a search for
 *       a blocking coalition that never claims membership of the core.</li>
 * </ul>
 * {@link org.peerclear.games.sharing.SavingsSharing#share} runs a
 * {@link org.peerclear.games.sharing.SharingMethod} with {@link org.peerclear.games.sharing.SharingOptions}
 * and returns a {@link org.peerclear.games.sharing.Sharing}: allocations by agent, v(N), the core
 * check, standard errors and samples for the sampled method, notes.
 *
 * <h2>Determinism</h2>
 * Coalition values are computed in fixed blocks and permutations drawn from a generator seeded
 * per pair, so every number depends on the inputs and the seed, never on the thread count.
 */
package org.peerclear.games.sharing;
