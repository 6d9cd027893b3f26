package dev.groundstream.ingest.requests;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the service remembers of a request it wrote: the request (image bytes dropped), where it
 * landed in Kafka, the owning tenant, and the latest truth it wrote for it (labels merge into it).
 */
public final class AcceptedRequest {
  private final GroundingRequest request;
  private final String tenant;
  private final int partition;
  private final long offset;
  private final AtomicReference<GroundTruth> truth;

  public AcceptedRequest(GroundingRequest request, String tenant, int partition, long offset, GroundTruth truth) {
    this.request = request;
    this.tenant = tenant;
    this.partition = partition;
    this.offset = offset;
    this.truth = new AtomicReference<>(truth);
  }

  public GroundingRequest request() {
    return request;
  }

  public String tenant() {
    return tenant;
  }

  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  public Optional<GroundTruth> truth() {
    return Optional.ofNullable(truth.get());
  }

  void truth(GroundTruth latest) {
    truth.set(latest);
  }
}
