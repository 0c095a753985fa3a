package org.peerclear.plot;

import java.util.List;
import org.jfree.chart.JFreeChart;

/** One or more charts stacked top to bottom in one image, each {@code width × chartHeight} pixels. */
public record Picture(List<JFreeChart> charts, int width, int chartHeight) {
    public static final int WIDTH = 800;
    public static final int CHART_HEIGHT = 450;

    public Picture {
        charts = List.copyOf(charts);
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a picture needs at least one chart");
        }
    }

    public static Picture of(JFreeChart... charts) {
        return new Picture(List.of(charts), WIDTH, CHART_HEIGHT);
    }

    public int height() {
        return chartHeight * charts.size();
    }
}
