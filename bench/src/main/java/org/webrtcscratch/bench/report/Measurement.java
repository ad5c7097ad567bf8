package org.webrtcscratch.bench.report;

/** One number measured on one server, in one round, at one load point (connections, rate, window …). */
public record Measurement(String server, int round, double load, String metric, double value) { }
