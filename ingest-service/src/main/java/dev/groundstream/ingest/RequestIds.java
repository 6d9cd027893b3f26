package dev.groundstream.ingest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic request ids. Name-based (type 3) UUIDs: the same name always gives the same id,
 * so re-importing a dataset or retrying an upload with the same client key keys the same
 * Kafka records, and the compacted truth topic keeps one record per request.
 */
public final class RequestIds {
  private RequestIds() {}

  /** One request per (image, sentence) of a dataset. */
  public static UUID forDatasetSample(String dataset, String imageId, String sentence) {
    return nameBased("dataset\u0000" + dataset + "\u0000" + imageId + "\u0000" + sentence);
  }

  /** A client's idempotency key, scoped to its tenant so tenants cannot collide or probe each other. */
  public static UUID forClientKey(String tenant, String clientRequestId) {
    return nameBased("client\u0000" + tenant + "\u0000" + clientRequestId);
  }

  private static UUID nameBased(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
