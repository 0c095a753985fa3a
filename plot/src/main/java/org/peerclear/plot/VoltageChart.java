package org.peerclear.plot;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Voltages along the feeder, buses in the result's order (the feeder file's): for one period the
 * AC voltage and the LinDistFlow one the market was cleared with, with the limits as dashed
 * lines; over several periods a heat map of the AC voltage, period × bus.
 */
final class VoltageChart {
    private VoltageChart() {
    }

    static Picture picture(ResultData d) {
        if (d.buses().isEmpty()) {
            throw new MissingDataException("voltage: the result has no buses (it needs a market with a network and a solution;"
                    + " status " + d.status() + ")");
        }
        return Picture.of(d.multiPeriod() && d.periods() > 1 ? heatMap(d) : profile(d));
    }

    private static String[] busIds(ResultData d) {
        return d.buses().stream().map(ResultData.BusSeries::id).toArray(String[]::new);
    }

    static JFreeChart profile(ResultData d) {
        XYSeries ac = new XYSeries("AC power flow (vm)", false, false);
        XYSeries linear = new XYSeries("LinDistFlow (vmLinear)", false, false);
        List<ResultData.BusSeries> buses = d.buses();
        for (int i = 0; i < buses.size(); i++) {
            if (i > 0 && startsLateral(d, buses.get(i - 1).id(), buses.get(i).id())) {
                // No line from the end of one lateral to the start of the next: they are not adjacent.
                ac.add(i - 0.5, null);
                if (buses.get(i).vmLinear() != null) {
                    linear.add(i - 0.5, null);
                }
            }
            ac.add(i, buses.get(i).vm()[0]);
            if (buses.get(i).vmLinear() != null) {
                linear.add(i, buses.get(i).vmLinear()[0]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(ac);
        if (linear.getItemCount() > 0) {
            data.addSeries(linear);
        }
        SymbolAxis x = new SymbolAxis("bus (feeder order)", busIds(d));
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis("voltage [pu]");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, r);
        addLimits(plot, d);
        JFreeChart chart = PlotStyle.apply(new JFreeChart("Voltage profile — " + d.market(), PlotStyle.TITLE, plot, true));
        PlotStyle.lines(r, data.getSeriesCount(), buses.size() <= 40);
        return chart;
    }

    /** Whether bus {@code id} does not hang from {@code previous} (known only when the result lists its branches). */
    private static boolean startsLateral(ResultData d, String previous, String id) {
        String parent = d.parentBus().get(id);
        return parent != null && !parent.equals(previous);
    }

    /** The limits as lines, and the axis stretched so that they show even when the voltages keep clear of them. */
    private static void addLimits(XYPlot plot, ResultData d) {
        double lo = plot.getDataRange(plot.getRangeAxis()).getLowerBound();
        double hi = plot.getDataRange(plot.getRangeAxis()).getUpperBound();
        if (Double.isFinite(d.vMin())) {
            plot.addRangeMarker(PlotStyle.limit(d.vMin(), String.format(Locale.ROOT, "vMin %.3f pu", d.vMin())));
            lo = Math.min(lo, d.vMin());
        }
        if (Double.isFinite(d.vMax())) {
            plot.addRangeMarker(PlotStyle.limit(d.vMax(), String.format(Locale.ROOT, "vMax %.3f pu", d.vMax())));
            hi = Math.max(hi, d.vMax());
        }
        double pad = 0.05 * Math.max(hi - lo, PlotStyle.MIN_VOLTAGE_SPAN_PU);
        plot.getRangeAxis().setRange(lo - pad, hi + pad);
    }

    static JFreeChart heatMap(ResultData d) {
        List<ResultData.BusSeries> buses = d.buses();
        int n = buses.size() * d.periods();
        double[][] xyz = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int b = 0; b < buses.size(); b++) {
            for (int t = 0; t < d.periods(); t++) {
                double v = buses.get(b).vm()[t];
                xyz[0][k] = t;
                xyz[1][k] = b;
                xyz[2][k] = v;
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                k++;
            }
        }
        if (!(lo <= hi)) {
            throw new MissingDataException("voltage: the result's buses have no voltages (all null)");
        }
        if (hi - lo < PlotStyle.MIN_COLOUR_SPAN_PU) {
            hi = lo + PlotStyle.MIN_COLOUR_SPAN_PU;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("vm", xyz);
        NumberAxis x = new NumberAxis("period");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(-0.5, d.periods() - 0.5);
        SymbolAxis y = new SymbolAxis("bus (feeder order)", busIds(d));
        y.setGridBandsVisible(false);
        y.setRange(-0.5, buses.size() - 0.5);
        XYBlockRenderer r = new XYBlockRenderer();
        ColorScale scale = new ColorScale(lo, hi);
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = PlotStyle.apply(new JFreeChart("AC voltage per period and bus — " + d.market(), PlotStyle.TITLE, plot,
                false));
        NumberAxis scaleAxis = new NumberAxis("voltage [pu]");
        scaleAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(4, 8, 4, 4);
        legend.setBackgroundPaint(java.awt.Color.WHITE);
        chart.addSubtitle(legend);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }
}
