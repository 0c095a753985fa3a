package org.peerclear.plot;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * One or more charts stacked top to bottom in one image, each {@code width × chartHeight} pixels.
 *
 * @param charts      the charts from top to bottom, copied; at least one
 * @param width       the image's width in pixels, shared by every chart
 * @param chartHeight the height of each chart in pixels; the image is {@link #height()} tall
 */
public record Picture(List<JFreeChart> charts, int width, int chartHeight) {
    /** The default image width in pixels. */
    public static final int WIDTH = 800;
    /** The default height of one chart in pixels (16:9 with {@link #WIDTH}). */
    public static final int CHART_HEIGHT = 450;

    /**
     * Copies {@code charts}.
     *
     * @param charts      the charts from top to bottom; at least one
     * @param width       pixels
     * @param chartHeight pixels per chart
     * @throws IllegalArgumentException if {@code charts} is empty
     */
    public Picture {
        charts = List.copyOf(charts);
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a picture needs at least one chart");
        }
    }

    /**
     * The charts stacked at the default size, {@link #WIDTH} × {@link #CHART_HEIGHT} pixels each.
     *
     * @param charts the charts from top to bottom; at least one
     * @return the picture
     */
    public static Picture of(JFreeChart... charts) {
        return new Picture(List.of(charts), WIDTH, CHART_HEIGHT);
    }

    /** @return the image's height in pixels: {@code chartHeight} times the number of charts */
    public int height() {
        return chartHeight * charts.size();
    }
}
