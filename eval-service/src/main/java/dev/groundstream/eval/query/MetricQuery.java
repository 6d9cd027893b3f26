package dev.groundstream.eval.query;

/**
 * Filter of GET /api/metrics. model/dataset/category null = any; window is "all-time" or a windowed
 * aggregate's name; [from, to] bounds window starts (epoch ms) for windowed aggregates.
 */
public record MetricQuery(String model, String dataset, String category, String window, long from, long to) {
}
