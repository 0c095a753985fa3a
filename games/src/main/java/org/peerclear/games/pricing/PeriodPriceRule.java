package org.peerclear.games.pricing;

/**
 * A rule that sets one internal buying and one selling price per period from the period's
 * community supply and demand and the grid's prices; each member pays the buying price for what
 * it draws and is paid the selling price for what it supplies. The grid bill is the community's,
 * its net position traded at the grid's prices.
 */
abstract class PeriodPriceRule implements PricingRule {
    /**
     * The period's internal prices.
     *
     * @param supply      the community's supply in the period, power unit, {@code >= 0}
     * @param demand      its demand, power unit, {@code >= 0}
     * @param importPrice the grid's import price
     * @param exportPrice the grid's export price, {@code <= importPrice}
     * @return the prices; a side without members may have any finite value
     */
    abstract InternalPrices prices(double supply, double demand, double importPrice, double exportPrice);

    @Override
    public CommunityBills bill(CommunityDispatch d) {
        int n = d.members().size();
        int periods = d.periods();
        double[][] bills = new double[n][periods];
        double[] buy = new double[periods];
        double[] sell = new double[periods];
        double[] grid = new double[periods];
        for (int t = 0; t < periods; t++) {
            InternalPrices p = prices(d.supply(t), d.demand(t), d.importPrice(t), d.exportPrice(t));
            buy[t] = p.buy();
            sell[t] = p.sell();
            grid[t] = d.communityGridBill(t);
            for (int i = 0; i < n; i++) {
                bills[i][t] = p.buy() * d.drawn(i, t) - p.sell() * d.supplied(i, t);
            }
        }
        return new CommunityBills(name(), d, bills, buy, sell, grid, true);
    }
}
