package org.webrtcscratch.bench.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PNG line chart of one metric against load, one line per server; x on a log scale when it spans decades. */
public final class LineChart {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, Map<Double, Double>> series = new LinkedHashMap<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a line; {@code points} maps x to y. */
    public LineChart series(String name, Map<Double, Double> points) {
        if (!points.isEmpty()) {
            series.put(name, points);
        }
        return this;
    }

    public void write(Path file) {
        double yMax = series.values().stream().flatMap(p -> p.values().stream())
                .filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(1);
        List<Double> xs = series.values().stream().flatMap(p -> p.keySet().stream()).distinct().sorted().toList();
        ChartCanvas canvas = new ChartCanvas(title, yLabel, yMax);
        if (xs.isEmpty()) {
            canvas.write(file);
            return;
        }
        double xMin = xs.getFirst();
        double xMax = xs.getLast();
        boolean log = xMin > 0 && xMax / xMin >= 20;
        java.util.function.DoubleUnaryOperator xPixel = x -> {
            if (xMax == xMin) {
                return ChartCanvas.LEFT + canvas.plotWidth() / 2.0;
            }
            double t = log ? Math.log(x / xMin) / Math.log(xMax / xMin) : (x - xMin) / (xMax - xMin);
            return ChartCanvas.LEFT + 20 + t * (canvas.plotWidth() - 40);
        };
        for (double x : xs) {
            int px = (int) xPixel.applyAsDouble(x);
            canvas.g.setColor(Color.BLACK);
            String label = ChartCanvas.format(x);
            canvas.g.drawString(label, px - canvas.g.getFontMetrics().stringWidth(label) / 2,
                    ChartCanvas.TOP + canvas.plotHeight() + 16);
        }
        int index = 0;
        for (Map<Double, Double> points : series.values()) {
            canvas.g.setColor(ChartCanvas.PALETTE.get(index++ % ChartCanvas.PALETTE.size()));
            List<int[]> pixels = new ArrayList<>();
            points.forEach((x, y) -> {
                if (!y.isNaN()) {
                    pixels.add(new int[] {(int) xPixel.applyAsDouble(x), canvas.yPixel(y)});
                }
            });
            for (int i = 0; i < pixels.size(); i++) {
                int[] p = pixels.get(i);
                canvas.g.fillOval(p[0] - 4, p[1] - 4, 8, 8);
                if (i > 0) {
                    int[] q = pixels.get(i - 1);
                    canvas.g.drawLine(q[0], q[1], p[0], p[1]);
                }
            }
        }
        canvas.xLabel(xLabel + (log ? " (log scale)" : ""));
        canvas.legend(List.copyOf(series.keySet()));
        canvas.write(file);
    }
}
