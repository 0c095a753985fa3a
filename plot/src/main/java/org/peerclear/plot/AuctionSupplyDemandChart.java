package org.peerclear.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/**
 * An auction's book as step curves: bids by descending price (demand) and asks by ascending
 * price (supply), each step as wide as its order, with what the auction decided: the uniform
 * price at the volume, or Huang's two prices (buyers' above, sellers' below), or, where prices
 * differ per trade (the continuous auction), the volume alone as a vertical line.
 */
final class AuctionSupplyDemandChart {
    private AuctionSupplyDemandChart() {
    }

    static Picture picture(OrderFile orders, AuctionOutcome outcome) {
        List<Order> bids = new ArrayList<>();
        List<Order> asks = new ArrayList<>();
        for (Order o : orders.orders()) {
            (o.buys() ? bids : asks).add(o);
        }
        if (bids.isEmpty() || asks.isEmpty()) {
            throw new MissingDataException("supply-demand: the order file needs bids and asks; it has " + bids.size()
                    + " bids and " + asks.size() + " asks");
        }
        bids.sort(Comparator.comparingDouble(Order::price).reversed());
        asks.sort(Comparator.comparingDouble(Order::price));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(steps("asks (supply)", asks));
        data.addSeries(steps("bids (demand)", bids));
        XYSeries cleared = new XYSeries(label(outcome), false, true);
        if (!Double.isNaN(outcome.price())) {
            cleared.add(outcome.volume(), outcome.price());
        } else if (!Double.isNaN(outcome.buyPrice())) {
            cleared.add(outcome.volume(), outcome.buyPrice());
            cleared.add(outcome.volume(), outcome.sellPrice());
        }
        data.addSeries(cleared);
        NumberAxis y = new NumberAxis("price [" + orders.units().currency() + "/" + orders.units().power() + "]");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, new NumberAxis("quantity [" + orders.units().power() + "]"), y, r);
        if (outcome.volume() > 0) {
            ValueMarker traded = PlotStyle.limit(outcome.volume(), String.format(Locale.ROOT, "traded %.4g", outcome.volume()));
            // A vertical line: its label reads beside the line's top, not above it as a limit's does.
            traded.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            traded.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            plot.addDomainMarker(traded);
        }
        String name = orders.name().isEmpty() ? "" : " — " + orders.name();
        JFreeChart chart = PlotStyle.apply(new JFreeChart("Auction " + outcome.mechanism() + " (" + outcome.status() + ")"
                + name, PlotStyle.TITLE, plot, true));
        PlotStyle.lines(r, 3, false);
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShapesVisible(2, true);
        r.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        r.setSeriesPaint(2, java.awt.Color.BLACK);
        return Picture.of(chart);
    }

    private static String label(AuctionOutcome o) {
        if (!Double.isNaN(o.price())) {
            return String.format(Locale.ROOT, "cleared: %.4g at %.4g", o.volume(), o.price());
        }
        if (!Double.isNaN(o.buyPrice())) {
            return String.format(Locale.ROOT, "buyers pay %.4g, sellers get %.4g", o.buyPrice(), o.sellPrice());
        }
        return "traded at the resting orders' prices";
    }

    /** A step curve: each order a horizontal run at its price, joined by vertical risers. */
    private static XYSeries steps(String name, List<Order> sorted) {
        XYSeries s = new XYSeries(name, false, true);
        double q = 0;
        for (Order o : sorted) {
            s.add(q, o.price());
            q += o.quantity();
            s.add(q, o.price());
        }
        return s;
    }
}
