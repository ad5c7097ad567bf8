package org.webrtcscratch.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Every measurement of one benchmark run, queried by server, load point and metric. */
public final class ResultSet {

    private final List<Measurement> measurements = new ArrayList<>();

    public synchronized void add(String server, int round, double load, String metric, double value) {
        measurements.add(new Measurement(server, round, load, metric, value));
    }

    public synchronized List<Measurement> all() {
        return List.copyOf(measurements);
    }

    public synchronized TreeSet<Double> loads(String metric) {
        TreeSet<Double> loads = new TreeSet<>();
        measurements.stream().filter(m -> m.metric().equals(metric)).forEach(m -> loads.add(m.load()));
        return loads;
    }

    public synchronized Spread spread(String server, double load, String metric) {
        return Spread.of(measurements.stream()
                .filter(m -> m.server().equals(server) && m.load() == load && m.metric().equals(metric))
                .map(Measurement::value).toList());
    }

    /**
     * {@code server}/{@code anchor} for {@code metric} at {@code load}, paired by round (both measured in the
     * same round, minutes apart, so machine noise hits both), then summarised.
     */
    public synchronized Spread ratio(String server, String anchor, double load, String metric) {
        return Spread.of(pairedRatios(server, anchor, load, metric));
    }

    /** The per-round ratios {@link #ratio} summarises, in the order {@code server}'s rounds were measured. */
    public synchronized List<Double> pairedRatios(String server, String anchor, double load, String metric) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement ours : measurements) {
            if (!ours.server().equals(server) || ours.load() != load || !ours.metric().equals(metric)) {
                continue;
            }
            measurements.stream()
                    .filter(a -> a.server().equals(anchor) && a.round() == ours.round() && a.load() == load
                            && a.metric().equals(metric) && a.value() != 0)
                    .findFirst()
                    .ifPresent(a -> ratios.add(ours.value() / a.value()));
        }
        return ratios;
    }

    /** The metrics measured, in the order each was first recorded (a benchmark records its headline first). */
    public synchronized Set<String> metrics() {
        Set<String> metrics = new LinkedHashSet<>();
        measurements.forEach(m -> metrics.add(m.metric()));
        return metrics;
    }

    /** The servers measured, in the order each was first recorded. */
    public synchronized Set<String> servers() {
        Set<String> servers = new LinkedHashSet<>();
        measurements.forEach(m -> servers.add(m.server()));
        return servers;
    }

    /** Medians as chart points: load → median of {@code metric} for {@code server}. */
    public synchronized Map<Double, Double> medians(String server, String metric) {
        Map<Double, Double> points = new java.util.TreeMap<>();
        for (double load : loads(metric)) {
            Spread spread = spread(server, load, metric);
            if (spread.samples() > 0) {
                points.put(load, spread.median());
            }
        }
        return points;
    }

    public synchronized boolean has(String server) {
        return measurements.stream().anyMatch(m -> Objects.equals(m.server(), server));
    }
}
