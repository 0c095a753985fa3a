package org.peerclear.games.pricing;

/**
 * Mid-market rate (Long, Wu, Zhang et al., "Peer-to-peer energy trading in a community
 * microgrid", IEEE PES General Meeting 2017; compared with the other rules by Zhou, Wu &amp; Long,
 * Applied Energy 222, 2018): energy shared inside the community is priced half-way between the
 * grid's prices, {@code m = (λb + λs) / 2}; the community's surplus or deficit is traded with the
 * grid at the grid's prices, and that trade's money is shared by the side that causes it:
 * <ul>
 *   <li>surplus ({@code S >= D}): buyers pay {@code m}; the sellers share the buyers' payment and
 *       the export revenue in proportion to what they supply: {@code sell = (m·D + λs·(S − D)) / S};</li>
 *   <li>deficit ({@code S < D}): sellers are paid {@code m}; the buyers share the sellers' pay and
 *       the import cost in proportion to what they draw: {@code buy = (m·S + λb·(D − S)) / D}.</li>
 * </ul>
 * Money is conserved exactly: {@code buy·D − sell·S} is the community's grid bill.
 */
public final class MidMarketRate extends PeriodPriceRule {
    /** The rule's name in reports. */
    public static final String NAME = "mmr";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The period's internal prices (see the class comment).
     *
     * @param supply      the community's supply, power unit, {@code >= 0}
     * @param demand      its demand, power unit, {@code >= 0}
     * @param importPrice the grid's import price
     * @param exportPrice the grid's export price, {@code <= importPrice}
     * @return the buying and selling prices
     */
    @Override
    public InternalPrices prices(double supply, double demand, double importPrice, double exportPrice) {
        double mid = 0.5 * (importPrice + exportPrice);
        if (supply >= demand) {
            double sell = supply > 0 ? (mid * demand + exportPrice * (supply - demand)) / supply : mid;
            return new InternalPrices(mid, sell);
        }
        return new InternalPrices((mid * supply + importPrice * (demand - supply)) / demand, mid);
    }
}
