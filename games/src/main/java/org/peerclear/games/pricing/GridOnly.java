package org.peerclear.games.pricing;

/**
 * The baseline without a community: each member trades alone with the grid, buying what it
 * draws at the import price and selling what it supplies at the export price. Its grid bill is
 * the members' own bills added up (nothing is netted), so money is conserved by construction;
 * nothing is shared ({@link CommunityBills#selfConsumption()} is 0). Priced on the dispatch of
 * each member's best response to the grid ({@link CommunityDispatches#standalone}), it is what
 * every member would pay without the community.
 */
public final class GridOnly implements PricingRule {
    /** The rule's name in reports. */
    public static final String NAME = "grid-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CommunityBills bill(CommunityDispatch d) {
        int n = d.members().size();
        int periods = d.periods();
        double[][] bills = new double[n][periods];
        double[] buy = new double[periods];
        double[] sell = new double[periods];
        double[] grid = new double[periods];
        for (int t = 0; t < periods; t++) {
            buy[t] = d.importPrice(t);
            sell[t] = d.exportPrice(t);
            for (int i = 0; i < n; i++) {
                bills[i][t] = d.aloneGridBill(i, t);
                grid[t] += bills[i][t];
            }
        }
        return new CommunityBills(NAME, d, bills, buy, sell, grid, false);
    }
}
