package dev.groundstream.ingest.importers;

import dev.groundstream.ingest.kafka.GroundingProducer;
import java.util.concurrent.CompletableFuture;

/** Writes the request to grounding.requests and its truth (if any) to grounding.truth. */
public final class KafkaSampleSink implements SampleSink {
  private final GroundingProducer producer;

  public KafkaSampleSink(GroundingProducer producer) {
    this.producer = producer;
  }

  @Override
  public CompletableFuture<Void> send(ImportedSample sample) {
    CompletableFuture<?> request = producer.sendRequest(sample.request());
    CompletableFuture<?> truth = sample.truth().<CompletableFuture<?>>map(producer::sendTruth)
        .orElse(CompletableFuture.completedFuture(null));
    return CompletableFuture.allOf(request, truth);
  }
}
