package org.peerclear.auction;

import java.util.List;
import org.peerclear.options.OptionCatalog;
import org.peerclear.options.OptionSpec;
import org.peerclear.options.Options;

/**
 * The options of the auctions, self-describing like the clearing's ({@code --set auction.k=0.3}).
 *
 * @param k       where in the interval of clearing prices the uniform price is set, in [0, 1]:
 *                {@code price = k·bid + (1 − k)·ask} of the marginal bid and ask (the k-double auction);
 *                0.5, the default, is their midpoint
 * @param tieRule who trades at the margin when not every order at the marginal price can
 */
public record AuctionOptions(double k, TieRule tieRule) {
    /** {@code auction.k}. */
    public static final OptionSpec<Double> K = OptionSpec.number("auction.k", 0.5, 0, false, 1, false, "",
            "uniform price = k * marginal bid + (1 - k) * marginal ask (0.5: the midpoint)");
    /** {@code auction.tieRule}. */
    public static final OptionSpec<TieRule> TIE_RULE = OptionSpec.choice("auction.tieRule", TieRule.class, TieRule.PRO_RATA,
            "who trades at the margin of a call auction: pro-rata (equal shares) or time (earlier first)");
    /** Every option of an auction, in listing order. */
    public static final OptionCatalog CATALOG = OptionCatalog.of(List.of(K, TIE_RULE));
    /** The defaults: the midpoint, pro rata. */
    public static final AuctionOptions DEFAULT = new AuctionOptions(K.defaultValue(), TIE_RULE.defaultValue());

    /**
     * Validates the options by their specs.
     *
     * @param k       in [0, 1]
     * @param tieRule the tie rule
     * @throws IllegalArgumentException with the option's message
     */
    public AuctionOptions {
        K.validate(k);
        TIE_RULE.validate(tieRule);
    }

    /**
     * The options named options stand for.
     *
     * @param set options of {@link #CATALOG}
     * @return the options
     */
    public static AuctionOptions of(Options set) {
        return new AuctionOptions(set.get(K), set.get(TIE_RULE));
    }

    /** {@return these options as named options, for a result's record} */
    public Options toOptions() {
        return Options.defaults(CATALOG).with(K, k).with(TIE_RULE, tieRule);
    }
}
