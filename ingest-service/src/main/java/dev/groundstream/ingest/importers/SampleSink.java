package dev.groundstream.ingest.importers;

import java.util.concurrent.CompletableFuture;

/** Where imported samples go; completes when the sample is durably written. */
public interface SampleSink {
  CompletableFuture<Void> send(ImportedSample sample);
}
