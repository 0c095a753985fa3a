package org.peerclear.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * One look for every picture: logical fonts at fixed sizes (the same on every machine that has
 * them), a white plot with light grid lines instead of JFreeChart's legacy grey, and a fixed
 * series palette, so a picture depends on its data alone.
 */
final class PlotStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Colour-blind-safe (Okabe-Ito). */
    static final Paint[] SERIES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};
    static final Color LIMIT = new Color(0x999999);
    /** The least span of a voltage axis, pu: a flat profile still gets a readable margin around it. */
    static final double MIN_VOLTAGE_SPAN_PU = 1e-3;
    /** The least span of a heat map's colour scale, pu: a flat feeder still needs a scale with some width. */
    static final double MIN_COLOUR_SPAN_PU = 1e-6;

    private PlotStyle() {
    }

    static JFreeChart apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("peerclear");
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(LABEL);
        theme.setRegularFont(TICK);
        theme.setSmallFont(TICK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setDrawingSupplier(new org.jfree.chart.plot.DefaultDrawingSupplier(SERIES,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                new java.awt.Stroke[] {new BasicStroke(2.0f)},
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** A dashed horizontal line at {@code value} labelled {@code label}, e.g. a voltage limit. */
    static ValueMarker limit(double value, String label) {
        ValueMarker m = new ValueMarker(value, LIMIT, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(TICK);
        m.setLabelPaint(Color.DARK_GRAY);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }

    /** Solid lines in the palette's order, with or without point shapes. */
    static void lines(XYItemRenderer r, int series, boolean shapes) {
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, SERIES[i % SERIES.length]);
            r.setSeriesStroke(i, new BasicStroke(2.0f));
            if (r instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer l) {
                l.setSeriesShapesVisible(i, shapes);
            }
        }
    }
}
