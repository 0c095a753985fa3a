/**
 * Nash competition among sellers. {@link org.peerclear.games.nash.CournotGame}: sellers choose
 * quantities against the buyers' inverse demand ({@link org.peerclear.games.nash.InverseDemand},
 * linear or derived from the buyers' assets), with convex costs
 * ({@link org.peerclear.games.nash.SellerCost}); the equilibrium of a linear demand is the
 * maximiser of the game's exact potential (Monderer &amp; Shapley 1996), computed to machine
 * precision (or as one QP on a back-end, {@link org.peerclear.games.nash.CournotPotential}), and
 * every equilibrium returned is verified by exact best responses and carries its price of anarchy
 * against the welfare optimum. {@link org.peerclear.games.nash.BertrandEdgeworth}: prices with
 * capacity limits, whose pure equilibria exist only in two regimes, decided in closed form.
 */
package org.peerclear.games.nash;
