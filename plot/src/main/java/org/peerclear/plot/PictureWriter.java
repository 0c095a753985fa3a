package org.peerclear.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.peerclear.io.AtomicFiles;

/**
 * Writes a {@link Picture} as PNG or SVG, chosen by the file's extension, atomically. The bytes
 * depend on the picture alone: ImageIO's PNG writer adds no time chunk, and the SVG's definition
 * ids get a fixed prefix (JFreeSVG's default is derived from the clock).
 */
public final class PictureWriter {
    /** Fixed, so that two renderings of one picture are the same file. */
    private static final String SVG_ID_PREFIX = "peerclear";

    private PictureWriter() {
    }

    /**
     * Renders {@code picture} to {@code out}, replacing it atomically (a reader never sees half a file).
     *
     * @param picture the picture to render
     * @param out     the file to write; its extension, {@code .png} or {@code .svg} (any case), picks the format
     * @throws IllegalArgumentException if {@code out} ends in neither
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Picture picture, Path out) {
        AtomicFiles.writeBytes(out, bytes(picture, Format.of(out)));
    }

    /** The file's format from its name: {@code .png} or {@code .svg}. */
    public enum Format {
        /** A raster image, {@link Picture#width()} × {@link Picture#height()} pixels, RGB. */
        PNG,
        /** A vector image (UTF-8 text) of the same size in user units. */
        SVG;

        /**
         * The format {@code file}'s name asks for.
         *
         * @param file a path whose name ends in {@code .png} or {@code .svg}, in any case
         * @return the format
         * @throws IllegalArgumentException if the name ends in neither
         */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            throw new IllegalArgumentException("out: " + file + " must end in .png or .svg (the format is taken from the name)");
        }
    }

    /**
     * Renders {@code picture} in memory: the exact bytes {@link #write} would put in the file.
     *
     * @param picture the picture to render
     * @param format  the image format
     * @return the PNG file's bytes, or the SVG document in UTF-8; the same for the same picture
     */
    public static byte[] bytes(Picture picture, Format format) {
        return format == Format.PNG ? png(picture) : svg(picture).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(Picture picture) {
        BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(picture, g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String svg(Picture picture) {
        SVGGraphics2D g = new SVGGraphics2D(picture.width(), picture.height());
        g.setDefsKeyPrefix(SVG_ID_PREFIX);
        draw(picture, g);
        return g.getSVGDocument();
    }

    private static void draw(Picture picture, Graphics2D g) {
        int y = 0;
        for (JFreeChart chart : picture.charts()) {
            chart.draw(g, new Rectangle2D.Double(0, y, picture.width(), picture.chartHeight()));
            y += picture.chartHeight();
        }
    }
}
