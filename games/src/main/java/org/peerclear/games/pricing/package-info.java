/**
 * Community pricing rules: how a community with a manager and a grid bills its members. A rule
 * ({@link org.peerclear.games.pricing.PricingRule}) prices the members' net positions of a given
 * dispatch ({@link org.peerclear.games.pricing.CommunityDispatch}) ex post, period by period:
 * supply–demand-ratio pricing ({@link org.peerclear.games.pricing.SupplyDemandRatio}, Liu et al.
 * 2017), the mid-market rate ({@link org.peerclear.games.pricing.MidMarketRate}) and bill sharing
 * ({@link org.peerclear.games.pricing.BillSharing}), against the grid-only baseline
 * ({@link org.peerclear.games.pricing.GridOnly}) and the optimisation's own prices
 * ({@link org.peerclear.games.pricing.OptimisationPrices}). Each gives every member's bill per
 * period and over the horizon, and conserves money: the bills add up to the community's grid bill.
 *
 * <p>The dispatch is an input ({@link org.peerclear.games.pricing.CommunityDispatches}): each
 * member's best response to the grid alone (what the rules price in the literature: positions
 * chosen without the community, netted behind its meter), or the community optimisation's
 * dispatch. On the first, every rule's total is the same (the grid bill of the netted positions)
 * and the rules only split the saving of netting; on the second, the total is the optimum, which
 * no rule's total on the first can beat. {@link org.peerclear.games.pricing.RuleOutcome} compares
 * a rule with the baseline: self-consumption, each member's saving, who loses.
 */
package org.peerclear.games.pricing;
