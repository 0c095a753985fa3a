package org.peerclear.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The energy of each store (storage, EV) over the horizon: T+1 points at the period
 * boundaries, {@code energy[t]} at time {@code t·periodHours}.
 */
final class EnergyChart {
    private EnergyChart() {
    }

    static Picture picture(ResultData d) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ResultData.AssetSeries a : d.assets()) {
            if (a.energy() == null) {
                continue;
            }
            XYSeries s = new XYSeries(a.id(), false, true);
            for (int t = 0; t < a.energy().length; t++) {
                s.add(t * d.periodHours(), Double.isFinite(a.energy()[t]) ? Double.valueOf(a.energy()[t]) : null);
            }
            data.addSeries(s);
        }
        if (data.getSeriesCount() == 0) {
            throw new MissingDataException("energy: the result has no assets with 'energy' (a result over periods of a case with"
                    + " storage or EVs is needed" + (d.multiPeriod() ? "" : "; this is a one-period result") + ")");
        }
        NumberAxis x = new NumberAxis(Units.time());
        x.setRange(0, d.periods() * d.periodHours());
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, new NumberAxis(Units.energy(d)), r);
        JFreeChart chart = PlotStyle.apply(new JFreeChart("Stored energy — " + d.market(), PlotStyle.TITLE, plot, true));
        PlotStyle.lines(r, data.getSeriesCount(), d.periods() <= 48);
        return Picture.of(chart);
    }
}
