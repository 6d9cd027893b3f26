package dev.groundstream.ingest.importers;

import java.time.Duration;

/** What one run did: samples written now, samples skipped because a checkpoint said they were done. */
public record ImportSummary(String dataset, int total, int skipped, int written, Duration elapsed) {}
