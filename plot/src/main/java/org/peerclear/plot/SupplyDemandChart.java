package org.peerclear.plot;

import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;

/**
 * Aggregated supply (ascending marginal cost) and demand (descending marginal utility) of a
 * one-period market from its case, with the cleared point from the result: the energy the
 * declared agents' assets supplied, at the agents' volume-weighted price (the one market price of
 * a pool; with fees or a network agents' prices differ and this is their mean). The grid's
 * tariffs are dashed lines.
 */
final class SupplyDemandChart {
    private SupplyDemandChart() {
    }

    static Picture picture(ResultData d, Market market) {
        if (market == null) {
            throw new MissingDataException("supply-demand: needs the case (--case CASE.json): a result has no asset bounds or costs");
        }
        if (d.multiPeriod()) {
            throw new MissingDataException("supply-demand: draws a one-period market; this result has " + d.periods() + " periods");
        }
        if (!market.name().equals(d.market())) {
            throw new IllegalArgumentException("case: the case's market '" + market.name() + "' is not the result's market '"
                    + d.market() + "'");
        }
        if (d.agents().isEmpty()) {
            throw new MissingDataException("supply-demand: the result has no agents (status " + d.status() + ", no solution)");
        }
        SupplyDemandCurves curves = new SupplyDemandCurves(market);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("supply (marginal cost)", curves.supply()));
        data.addSeries(series("demand (marginal utility)", curves.demand()));
        XYSeries cleared = new XYSeries("cleared", false, true);
        cleared.add(clearedQuantity(d), clearedPrice(d));
        data.addSeries(cleared);
        NumberAxis y = new NumberAxis(Units.price(d));
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, new NumberAxis("quantity [" + d.powerUnit() + "]"), y, r);
        market.grid().ifPresent(g -> {
            plot.addRangeMarker(PlotStyle.limit(g.importPrice(), String.format(Locale.ROOT, "grid import %.4g", g.importPrice())));
            plot.addRangeMarker(PlotStyle.limit(g.exportPrice(), String.format(Locale.ROOT, "grid export %.4g", g.exportPrice())));
        });
        market.grid().ifPresent(g -> {
            // Tariffs outside the curves' prices would not show: stretch the axis to them.
            org.jfree.data.Range range = plot.getDataRange(y);
            double lo = Math.min(range.getLowerBound(), g.exportPrice());
            double hi = Math.max(range.getUpperBound(), g.importPrice());
            y.setRange(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo));
        });
        JFreeChart chart = PlotStyle.apply(new JFreeChart("Supply and demand — " + d.market(), PlotStyle.TITLE, plot, true));
        PlotStyle.lines(r, 3, false);
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShapesVisible(2, true);
        r.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        r.setSeriesPaint(2, java.awt.Color.BLACK);
        return Picture.of(chart);
    }

    private static XYSeries series(String name, SupplyDemandCurves.Curve c) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < c.quantity().length; i++) {
            s.add(c.quantity()[i], c.price()[i]);
        }
        return s;
    }

    /** What the declared agents' assets supplied (positive set-points), the grid's assets left out. */
    static double clearedQuantity(ResultData d) {
        double q = 0;
        for (ResultData.AssetSeries a : d.assets()) {
            if (!a.id().equals(Grid.IMPORT_ASSET_ID) && !a.id().equals(Grid.EXPORT_ASSET_ID) && a.p()[0] > 0) {
                q += a.p()[0];
            }
        }
        return q;
    }

    /** The declared agents' prices weighted by |p|; their plain mean when none moved. */
    static double clearedPrice(ResultData d) {
        double weighted = 0;
        double weight = 0;
        double sum = 0;
        int n = 0;
        for (ResultData.AgentSeries a : d.agents()) {
            double price = a.price()[0];
            if (a.id().equals(Grid.AGENT_ID) || !Double.isFinite(price)) {
                continue;
            }
            weighted += Math.abs(a.p()[0]) * price;
            weight += Math.abs(a.p()[0]);
            sum += price;
            n++;
        }
        return weight > 0 ? weighted / weight : n > 0 ? sum / n : Double.NaN;
    }
}
