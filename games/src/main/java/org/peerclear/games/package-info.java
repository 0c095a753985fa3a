/**
 * Pricing mechanisms and games on the market model, beside the welfare-optimal clearing:
 * community pricing rules ({@code pricing}), Stackelberg leader–follower pricing
 * ({@code stackelberg}), Nash competition among sellers ({@code nash}) and the sharing of a
 * community's savings among its members ({@code sharing}: Shapley, sampled Shapley, nucleolus,
 * proportional and equal splits, the core).
 */
package org.peerclear.games;
