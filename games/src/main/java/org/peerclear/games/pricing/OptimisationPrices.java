package org.peerclear.games.pricing;

/**
 * The welfare optimum's own prices: each member is billed its net withdrawal at its price
 * {@code mu} from the community's clearing, {@code bill = −mu·net} (a price is currency per unit of
 * power for the period, as the market case's). The grid bill is
 * the community's (the manager's trade with the grid at the grid's prices). Without fees, an exact
 * optimum prices every member at the manager's price, which is the import price when the
 * community imports, the export price when it exports, and anything between when it balances,
 * so the bills cover the grid bill exactly; a clearing's rounding leaves the manager a small
 * residual, {@link CommunityBills#imbalance()}. Every member's cost at these prices is at most
 * its grid-only cost: each best-responds to a price between the grid's two, which is worth at
 * least the grid's tariff to it.
 */
public final class OptimisationPrices implements PricingRule {
    /** The rule's name in reports. */
    public static final String NAME = "optimisation";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Bills a dispatch at its member prices.
     *
     * @param d a dispatch with member prices ({@link CommunityDispatches#optimised})
     * @return the bills
     * @throws IllegalArgumentException if the dispatch has no member prices, or a member that trades has none
     */
    @Override
    public CommunityBills bill(CommunityDispatch d) {
        if (!d.hasMemberPrices()) {
            throw new IllegalArgumentException("the optimisation's prices need a dispatch with member prices (an optimised one), got '"
                    + d.source() + "'");
        }
        int n = d.members().size();
        int periods = d.periods();
        double[][] bills = new double[n][periods];
        double[] none = new double[periods];
        java.util.Arrays.fill(none, Double.NaN);
        double[] grid = new double[periods];
        for (int t = 0; t < periods; t++) {
            grid[t] = d.communityGridBill(t);
            for (int i = 0; i < n; i++) {
                double net = d.net(i, t);
                if (net == 0) {
                    continue;
                }
                double mu = d.memberPrice(i, t);
                if (Double.isNaN(mu)) {
                    throw new IllegalArgumentException("member " + d.members().get(i) + " trades in period " + t
                            + " but the clearing gives it no price");
                }
                bills[i][t] = -mu * net;
            }
        }
        return new CommunityBills(NAME, d, bills, none, none, grid, true);
    }
}
