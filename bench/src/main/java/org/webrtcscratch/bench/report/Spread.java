package org.webrtcscratch.bench.report;

import java.util.List;

/** The median of a few noisy samples with their range: what every table cell prints. */
public record Spread(double median, double min, double max, int samples) {

    public static Spread of(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast(), n);
    }

    /** "1.23 (1.10–1.40)", or just the median when there is one sample, "–" when none. */
    public String format(String pattern) {
        if (samples == 0) {
            return "–";
        }
        String mid = String.format(pattern, median);
        return samples == 1 || min == max ? mid : mid + " (" + String.format(pattern, min) + "–" + String.format(pattern, max) + ")";
    }
}
