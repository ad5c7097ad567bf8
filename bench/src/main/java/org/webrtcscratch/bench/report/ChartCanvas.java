package org.webrtcscratch.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** The parts every bench chart shares: a white PNG with a title, a y axis from 0 with ticks, a legend. */
final class ChartCanvas {

    static final int WIDTH = 760;
    static final int HEIGHT = 420;
    static final int LEFT = 80;
    static final int RIGHT = 20;
    static final int TOP = 50;
    static final int BOTTOM = 60;
    /** One colour per server, in the order the series are given: anchor first, ours second. */
    static final List<Color> PALETTE = List.of(new Color(0x8c8c8c), new Color(0x1f77b4), new Color(0xd62728),
            new Color(0x2ca02c), new Color(0x9467bd));

    final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = image.createGraphics();
    final double yMax;

    ChartCanvas(String title, String yLabel, double dataMax) {
        System.setProperty("java.awt.headless", "true");
        this.yMax = niceCeiling(dataMax <= 0 || Double.isNaN(dataMax) ? 1 : dataMax * 1.1);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + plotHeight() / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 16);
        rotated.dispose();
        drawYAxis();
    }

    int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    int yPixel(double value) {
        return TOP + plotHeight() - (int) Math.round(Math.min(value, yMax) / yMax * plotHeight());
    }

    void xLabel(String label) {
        g.setColor(Color.BLACK);
        g.drawString(label, LEFT + plotWidth() / 2 - g.getFontMetrics().stringWidth(label) / 2, HEIGHT - 12);
    }

    void legend(List<String> names) {
        int x = LEFT + plotWidth() - 10;
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            x -= g.getFontMetrics().stringWidth(name) + 30;
            g.setColor(PALETTE.get(i % PALETTE.size()));
            g.fillRect(x, 38, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(name, x + 18, 48);
        }
    }

    private void drawYAxis() {
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight());
        g.drawLine(LEFT, TOP + plotHeight(), LEFT + plotWidth(), TOP + plotHeight());
        for (int i = 0; i <= 5; i++) {
            double value = yMax * i / 5;
            int y = yPixel(value);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT + 1, y, LEFT + plotWidth(), y);
            g.setColor(Color.BLACK);
            String label = format(value);
            g.drawString(label, LEFT - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.setStroke(new BasicStroke(2f));
    }

    static String format(double value) {
        if (value >= 1_000_000) {
            return trim(value / 1_000_000) + "M";
        }
        if (value >= 10_000) {
            return trim(value / 1_000) + "k";
        }
        return trim(value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value).replaceAll("0+$", "");
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    void write(Path file) {
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
