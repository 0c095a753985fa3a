package org.peerclear.games.pricing;

/**
 * Bill sharing (Long, Wu, Zhang et al., IEEE PES General Meeting 2017; Zhou, Wu &amp; Long,
 * Applied Energy 222, 2018): the community's grid bill is shared in proportion to energy. The
 * cost of what the community imports is shared by the members that draw, in proportion to what
 * each draws; the revenue of what it exports is shared by the members that supply, in proportion
 * to what each supplies:
 * <pre>
 *   buy  = Σ λb·max(D − S, 0) / Σ D        sell = Σ λs·max(S − D, 0) / Σ S
 * </pre>
 * Energy shared inside the community is free to the buyer and unpaid to the seller: a seller
 * whose neighbours use its energy earns nothing for it, which is the rule's known weakness.
 *
 * <p>The sums run over the settlement {@link Scope}: {@link Scope#PERIOD} settles each period on
 * its own (money conserved in every period); {@link Scope#HORIZON} sets one pair of prices for the
 * whole horizon, the billing period of Long et al. (money conserved over the horizon, not period
 * by period: {@link CommunityBills#imbalance(int)} is then not zero, {@link CommunityBills#imbalance()}
 * is).
 */
public final class BillSharing implements PricingRule {
    /** Over what the grid bill is shared. */
    public enum Scope {
        /** Each period's grid bill among that period's members. */
        PERIOD,
        /** The horizon's grid bill among the members, by their energy over the horizon. */
        HORIZON
    }

    /** The rule's name in reports, for the per-period scope; the horizon scope appends {@code -horizon}. */
    public static final String NAME = "bill-sharing";

    private final Scope scope;

    /**
     * A bill-sharing rule.
     *
     * @param scope over what the grid bill is shared, not null
     */
    public BillSharing(Scope scope) {
        this.scope = java.util.Objects.requireNonNull(scope, "scope");
    }

    /** {@return the settlement scope} */
    public Scope scope() {
        return scope;
    }

    @Override
    public String name() {
        return scope == Scope.PERIOD ? NAME : NAME + "-horizon";
    }

    @Override
    public CommunityBills bill(CommunityDispatch d) {
        int n = d.members().size();
        int periods = d.periods();
        double[][] bills = new double[n][periods];
        double[] buy = new double[periods];
        double[] sell = new double[periods];
        double[] grid = new double[periods];
        double importCost = 0;
        double exportRevenue = 0;
        double supply = 0;
        double demand = 0;
        for (int t = 0; t < periods; t++) {
            grid[t] = d.communityGridBill(t);
            double s = d.supply(t);
            double dd = d.demand(t);
            double pIn = d.importPrice(t) * Math.max(dd - s, 0);
            double pOut = d.exportPrice(t) * Math.max(s - dd, 0);
            importCost += pIn;
            exportRevenue += pOut;
            supply += s;
            demand += dd;
            buy[t] = dd > 0 ? pIn / dd : 0.0;
            sell[t] = s > 0 ? pOut / s : 0.0;
        }
        if (scope == Scope.HORIZON) {
            java.util.Arrays.fill(buy, demand > 0 ? importCost / demand : 0.0);
            java.util.Arrays.fill(sell, supply > 0 ? exportRevenue / supply : 0.0);
        }
        for (int t = 0; t < periods; t++) {
            for (int i = 0; i < n; i++) {
                bills[i][t] = buy[t] * d.drawn(i, t) - sell[t] * d.supplied(i, t);
            }
        }
        return new CommunityBills(name(), d, bills, buy, sell, grid, true);
    }
}
