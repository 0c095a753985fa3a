package org.peerclear.games.pricing;

/**
 * A community pricing rule: an ex-post billing rule that turns the members' net positions of a
 * given dispatch into every member's bill per period. The rules of the community literature
 * ({@link SupplyDemandRatio}, {@link MidMarketRate}, {@link BillSharing}) set an internal buying
 * and selling price from the community's supply and demand and the grid's prices, and conserve
 * money: the bills add up to the community's grid bill. {@link GridOnly} is the baseline without a
 * community, {@link OptimisationPrices} the welfare optimum's own prices.
 */
public interface PricingRule {
    /** {@return a short name for reports, e.g. {@code sdr}} */
    String name();

    /**
     * Bills a dispatch.
     *
     * @param dispatch the members' net positions and the grid's prices; not changed
     * @return every member's bill per period
     * @throws IllegalArgumentException if the rule cannot price this dispatch, saying why
     */
    CommunityBills bill(CommunityDispatch dispatch);
}
