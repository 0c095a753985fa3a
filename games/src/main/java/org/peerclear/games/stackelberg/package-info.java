/**
 * Stackelberg leader–follower pricing: a leader (a community manager, a retailer, the grid's
 * retail arm) announces prices, the followers (prosumers with their assets) answer with their best
 * responses, and the leader, knowing how they answer, picks the prices that maximise its objective.
 *
 * <h2>Scope</h2>
 * <ul>
 *   <li><b>One period.</b> Followers are agents with assets ({@link org.peerclear.model.Asset}); an
 *       asset whose bounds differ needs {@code a > 0} (then every response is unique and the game is
 *       well posed: see {@link org.peerclear.games.stackelberg.StackelbergGame}). Storage over a
 *       horizon is not modelled yet.</li>
 *   <li><b>The leader trades with every follower and with the grid, nothing else.</b> Followers
 *       do not trade with each other; the market's trade graph, communities and network are not part
 *       of the game; the grid has no import or export limit.</li>
 *   <li><b>Prices.</b> One price ({@link org.peerclear.games.stackelberg.PriceStructure#SINGLE}) or
 *       a buy and a sell price with {@code sell <= buy}
 *       ({@link org.peerclear.games.stackelberg.PriceStructure#BUY_SELL}), within
 *       {@code [floor, cap]}: by default the grid's export and import prices, the followers'
 *       outside option (a finite range is also what keeps a monopolist's profit bounded).</li>
 * </ul>
 *
 * <h2>The leader's objectives, exactly</h2>
 * With followers' total imports {@code I} and exports {@code E}, the community's net is
 * {@code X = E − I}. Exports first serve other followers' imports; only the rest is traded with
 * the grid: the leader buys {@code max(−X, 0)} at the grid's import price {@code c⁺} or sells
 * {@code max(X, 0)} at its export price {@code c⁻}.
 * <ul>
 *   <li>{@link org.peerclear.games.stackelberg.LeaderObjective#PROFIT}:
 *       {@code buy·I − sell·E − c⁺·max(−X, 0) + c⁻·max(X, 0)}. With prices within the grid's, the
 *       leader earns only on what it matches internally ({@code (buy − sell)·min(E, I)}) and loses on
 *       what it passes to the grid; with one price it cannot earn at all unless the cap is above
 *       the grid's import price.</li>
 *   <li>{@link org.peerclear.games.stackelberg.LeaderObjective#WELFARE}: the community's welfare,
 *       {@code −Σ asset costs − c⁺·max(−X, 0) + c⁻·max(X, 0)} (the followers' surplus plus the
 *       leader's profit: the payments between them cancel), subject to {@code profit >= R}, the
 *       leader's cost. With {@code R = 0} and one price this is the welfare-optimal clearing of the
 *       community.</li>
 * </ul>
 *
 * <h2>Methods</h2>
 * <ul>
 *   <li>{@link org.peerclear.games.stackelberg.StackelbergPriceSearch}: exact search over the
 *       followers' closed-form piecewise-linear responses, {@code O(K log K)} for {@code K} assets
 *       on the continuum (profit with one or two prices, welfare with one), or every point of a
 *       price tick grid (any objective).</li>
 *   <li>{@link org.peerclear.games.stackelberg.StackelbergMilp}: the single-level MILP through the
 *       followers' KKT conditions, big-M from the data, the price discretised on the tick grid so
 *       that the leader's bilinear revenue is linearised exactly; for moderate sizes and as the
 *       cross-check.</li>
 *   <li>{@link org.peerclear.games.stackelberg.StackelbergVerifier}: the equilibrium check, every
 *       follower's best response recomputed by the general clearing.</li>
 * </ul>
 */
package org.peerclear.games.stackelberg;
