package org.peerclear.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peerclear.result.ConvergenceHistory;

/**
 * ADMM's residuals per iteration on a log scale, as the result recorded them. A residual of 0
 * (or undefined) has no place on a log scale and is left out of its series.
 */
final class ConvergenceChart {
    private ConvergenceChart() {
    }

    static Picture picture(ResultData d) {
        ConvergenceHistory h = d.convergence().orElseThrow(() -> new MissingDataException("convergence: the result has no"
                + " 'convergence' (clear with --method admm --record-convergence to record the residuals per iteration)"));
        XYSeries primal = series("primal residual r", h.iteration(), h.primal());
        XYSeries dual = series("dual residual s", h.iteration(), h.dual());
        if (primal.getItemCount() + dual.getItemCount() == 0) {
            throw new MissingDataException("convergence: the result records no positive residual to draw on a log scale ("
                    + h.size() + " iterations)");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(primal);
        data.addSeries(dual);
        NumberAxis x = new NumberAxis("iteration");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        LogAxis y = new LogAxis("residual (stopping rule's measure)");
        y.setBase(10);
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.0E0", java.text.DecimalFormatSymbols.getInstance(
                java.util.Locale.ROOT)));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = PlotStyle.apply(new JFreeChart("ADMM convergence — " + d.market(), PlotStyle.TITLE, plot, true));
        PlotStyle.lines(r, 2, false);
        return Picture.of(chart);
    }

    private static XYSeries series(String name, long[] iteration, double[] values) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && Double.isFinite(values[i])) {
                s.add(iteration[i], values[i]);
            }
        }
        return s;
    }
}
