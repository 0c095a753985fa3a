package org.peerclear.games.pricing;

/**
 * Supply–demand-ratio pricing (Liu, Wu, Zhang et al., "Energy sharing model for photovoltaic
 * prosumers with demand response", IEEE Trans. Power Systems 32(5), 2017): the internal prices
 * move between the grid's export price {@code λs} and import price {@code λb} with the ratio of
 * the community's supply to its demand, {@code SDR = S / D}:
 * <pre>
 *   0 &lt;= SDR &lt; 1:  sell = λb·λs / ((λb − λs)·SDR + λs)      buy = sell·SDR + λb·(1 − SDR)
 *   SDR &gt;= 1:      sell = buy = λs
 * </pre>
 * Scarce supply ({@code SDR → 0}) pays sellers the import price; from {@code SDR = 1} on, the
 * surplus leaves at the export price and everyone trades at it. Money is conserved exactly:
 * below 1, {@code buy·D − sell·S = λb·(D − S)}, the community's import bill; above, both sides pay
 * {@code λs}, and {@code λs·(D − S)} is its export revenue. With no demand in a period sellers are
 * paid {@code λs} ({@code SDR = ∞}); with no supply buyers pay {@code λb} ({@code SDR = 0}).
 *
 * <p>The selling price's hyperbola needs {@code 0 <= λs <= λb} (with a negative export price its
 * denominator crosses zero inside {@code (0, 1)}): a dispatch with a negative export price is
 * refused.
 */
public final class SupplyDemandRatio extends PeriodPriceRule {
    /** The rule's name in reports. */
    public static final String NAME = "sdr";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The period's internal prices by Liu et al.'s formula (see the class comment).
     *
     * @param supply      the community's supply, power unit, {@code >= 0}
     * @param demand      its demand, power unit, {@code >= 0}
     * @param importPrice the grid's import price {@code λb}
     * @param exportPrice the grid's export price {@code λs}, {@code 0 <= λs <= λb}
     * @return the buying and selling prices
     * @throws IllegalArgumentException if the export price is negative
     */
    @Override
    public InternalPrices prices(double supply, double demand, double importPrice, double exportPrice) {
        if (exportPrice < 0) {
            throw new IllegalArgumentException("supply-demand-ratio pricing needs an export price >= 0, got " + exportPrice
                    + " (the selling price's denominator would cross zero)");
        }
        if (demand <= 0 || supply >= demand) {
            return new InternalPrices(exportPrice, exportPrice);
        }
        double sdr = supply / demand;
        double denominator = (importPrice - exportPrice) * sdr + exportPrice;
        // λs = 0 with some supply: the hyperbola's limit is 0; with no supply there is no seller to pay.
        double sell = denominator > 0 ? importPrice * exportPrice / denominator : importPrice;
        return new InternalPrices(sell * sdr + importPrice * (1 - sdr), sell);
    }
}
