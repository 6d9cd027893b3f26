package dev.groundstream.eval.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.health.DependencyHealth;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The eval service's /health status: DOWN (503) unless Kafka Streams is RUNNING (stores are not
 * queryable otherwise); DEGRADED (200) while Streams runs but the broker or the registry fails and
 * is retried; else UP.
 */
final class HealthStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HealthStatus() {}

  static String of(KafkaStreams.State state, DependencyHealth dependencies) {
    if (state != KafkaStreams.State.RUNNING) {
      return "DOWN";
    }
    return dependencies == null ? "UP" : dependencies.status().name();
  }

  static JsonNode json(DependencyHealth dependencies) {
    try {
      return JSON.readTree(dependencies.json());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
