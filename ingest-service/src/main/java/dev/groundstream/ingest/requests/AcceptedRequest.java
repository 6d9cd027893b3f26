package dev.groundstream.ingest.requests;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.IngestAccepted;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the service remembers of a request it wrote: the request (image bytes dropped), where it
 * landed in Kafka, the owning tenant, when it was accepted, and the latest truth written for it
 * (labels merge into it). It converts to and from its index record on grounding.ingest.accepted,
 * so a restarted or second instance remembers it too.
 */
public final class AcceptedRequest {
  private final GroundingRequest request;
  private final String tenant;
  private final int partition;
  private final long offset;
  private final Instant acceptedAt;
  private final AtomicReference<GroundTruth> truth;

  public AcceptedRequest(GroundingRequest request, String tenant, int partition, long offset, Instant acceptedAt,
      GroundTruth truth) {
    this.request = request;
    this.tenant = tenant;
    this.partition = partition;
    this.offset = offset;
    this.acceptedAt = acceptedAt;
    this.truth = new AtomicReference<>(truth);
  }

  /** Rebuilt from the index record another (or an earlier) instance wrote. */
  public static AcceptedRequest fromIndex(IngestAccepted record) {
    return new AcceptedRequest(record.getRequest(), record.getTenant(), record.getRequestPartition(),
        record.getRequestOffset(), record.getAcceptedAt(), record.getTruth());
  }

  /** The index record of this request with its current truth. */
  public IngestAccepted toIndex() {
    return IngestAccepted.newBuilder()
        .setRequestId(request.getRequestId())
        .setTenant(tenant)
        .setAcceptedAt(acceptedAt)
        .setRequestPartition(partition)
        .setRequestOffset(offset)
        .setRequest(request)
        .setTruth(truth.get())
        .build();
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

  public Instant acceptedAt() {
    return acceptedAt;
  }

  public Optional<GroundTruth> truth() {
    return Optional.ofNullable(truth.get());
  }

  void truth(GroundTruth latest) {
    truth.set(latest);
  }

  /**
   * Takes {@code other}'s truth if it was labeled later than ours. Index records of one id can
   * arrive after a newer local label (our own write echoed back), so "newer wins" keeps the
   * merge monotonic instead of last-read-wins.
   */
  void truthIfNewer(GroundTruth other) {
    if (other != null) {
      truth.accumulateAndGet(other, (mine, theirs) ->
          mine == null || theirs.getLabeledAt().isAfter(mine.getLabeledAt()) ? theirs : mine);
    }
  }
}
