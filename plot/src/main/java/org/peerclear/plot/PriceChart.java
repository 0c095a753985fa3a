package org.peerclear.plot;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Prices: for one period a bar per agent (an undefined price, such as a grid that did not trade,
 * has no bar) and, when the result's buses carry prices, the price along the feeder below it;
 * over several periods each agent's price per period as steps (a price holds for its whole period).
 */
final class PriceChart {
    private PriceChart() {
    }

    static Picture picture(ResultData d) {
        if (d.agents().isEmpty()) {
            throw new MissingDataException("prices: the result has no agents with prices (status " + d.status() + ", no solution)");
        }
        if (d.multiPeriod() && d.periods() > 1) {
            return Picture.of(overTime(d));
        }
        boolean busPrices = d.buses().stream().anyMatch(b -> b.price() != null && Double.isFinite(b.price()[0]));
        return busPrices ? Picture.of(perAgent(d), perBus(d)) : Picture.of(perAgent(d));
    }

    static JFreeChart perAgent(ResultData d) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ResultData.AgentSeries a : d.agents()) {
            double p = a.price()[0];
            data.addValue(Double.isFinite(p) ? Double.valueOf(p) : null, "price", a.id());
        }
        BarRenderer r = new BarRenderer();
        r.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("agent"), new NumberAxis(Units.price(d)), r);
        JFreeChart chart = PlotStyle.apply(new JFreeChart("Price per agent — " + d.market(), PlotStyle.TITLE, plot, false));
        r.setSeriesPaint(0, PlotStyle.SERIES[0]);
        return chart;
    }

    static JFreeChart perBus(ResultData d) {
        XYSeries s = new XYSeries("bus price", false, false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < d.buses().size(); i++) {
            ResultData.BusSeries b = d.buses().get(i);
            ids.add(b.id());
            if (b.price() != null && Double.isFinite(b.price()[0])) {
                s.add(i, b.price()[0]);
            }
        }
        SymbolAxis x = new SymbolAxis("bus (feeder order)", ids.toArray(String[]::new));
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis(Units.price(d));
        // Bus prices are often all 0 (no network limit binds): keep a readable axis around them.
        y.setAutoRangeMinimumSize(0.01);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        JFreeChart chart = PlotStyle.apply(new JFreeChart("Price per bus on the feeder", PlotStyle.TITLE, plot, false));
        PlotStyle.lines(r, 1, true);
        return chart;
    }

    static JFreeChart overTime(ResultData d) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ResultData.AgentSeries a : d.agents()) {
            XYSeries s = new XYSeries(a.id(), false, true);
            for (int t = 0; t < d.periods(); t++) {
                s.add(t * d.periodHours(), Double.isFinite(a.price()[t]) ? Double.valueOf(a.price()[t]) : null);
            }
            // The step's last level runs to the end of the last period.
            s.add(d.periods() * d.periodHours(), Double.isFinite(a.price()[d.periods() - 1])
                    ? Double.valueOf(a.price()[d.periods() - 1]) : null);
            data.addSeries(s);
        }
        XYStepRenderer r = new XYStepRenderer();
        NumberAxis y = new NumberAxis(Units.price(d));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, new NumberAxis(Units.time()), y, r);
        JFreeChart chart = PlotStyle.apply(new JFreeChart("Price per agent over time — " + d.market(), PlotStyle.TITLE, plot, true));
        PlotStyle.lines(r, data.getSeriesCount(), false);
        return chart;
    }
}
