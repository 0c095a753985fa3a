package org.peerclear.plot;

import java.nio.file.Path;
import org.peerclear.model.Market;

/**
 * Pictures of results: {@link #picture} builds the charts of one {@link PlotKind} from a result
 * (and, for {@code supply-demand}, the market's case), {@link #write} renders them to PNG or SVG.
 * Rendering needs no display; run with {@code java.awt.headless=true} where there is none.
 */
public final class Plots {
    private Plots() {
    }

    /**
     * The picture of {@code kind}; {@code market} (the case) is needed by {@link PlotKind#SUPPLY_DEMAND}
     * only and may be null otherwise. A result without what the kind needs is a {@link MissingDataException}.
     *
     * @param kind   what to draw
     * @param result the result, as {@link ResultReader#read} gives it
     * @param market the case the result cleared; required for {@code SUPPLY_DEMAND}, else ignored and may be null
     * @return the charts, at the default size
     * @throws MissingDataException if the result (or case) lacks what {@code kind} needs
     */
    public static Picture picture(PlotKind kind, ResultData result, Market market) {
        return switch (kind) {
            case VOLTAGE -> VoltageChart.picture(result);
            case PRICES -> PriceChart.picture(result);
            case CONVERGENCE -> ConvergenceChart.picture(result);
            case SUPPLY_DEMAND -> SupplyDemandChart.picture(result, market);
            case ENERGY -> EnergyChart.picture(result);
        };
    }

    /**
     * An auction's supply and demand: the book's bids and asks as step curves with what the
     * auction decided.
     *
     * @param orders  the order file the auction ran on
     * @param outcome its result, as {@link AuctionOutcome#read} gives it
     * @return the chart, at the default size
     * @throws MissingDataException if the book has no bids or no asks
     */
    public static Picture auction(org.peerclear.order.OrderFile orders, AuctionOutcome outcome) {
        return AuctionSupplyDemandChart.picture(orders, outcome);
    }

    /**
     * Renders {@code picture} to {@code out} (atomically), PNG or SVG by its extension.
     *
     * @param picture the picture to render
     * @param out     the file, ending in {@code .png} or {@code .svg}
     * @throws IllegalArgumentException if {@code out} ends in neither
     * @see PictureWriter#write
     */
    public static void write(Picture picture, Path out) {
        PictureWriter.write(picture, out);
    }
}
