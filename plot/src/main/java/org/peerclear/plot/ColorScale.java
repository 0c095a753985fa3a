package org.peerclear.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A perceptually ordered colour ramp (viridis' end and middle colours, linearly between them)
 * from {@code lower} to {@code upper}; values outside are clamped, NaN is light grey.
 */
final class ColorScale implements PaintScale {
    private static final Color[] STOPS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962),
        new Color(0xFDE725)};
    private final double lower;
    private final double upper;

    ColorScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Color.LIGHT_GRAY;
        }
        double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min((int) f, STOPS.length - 2);
        double w = f - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w), mix(a.getBlue(), b.getBlue(), w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }
}
