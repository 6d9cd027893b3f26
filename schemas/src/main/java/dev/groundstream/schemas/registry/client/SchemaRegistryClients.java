package dev.groundstream.schemas.registry.client;

import dev.groundstream.config.RegistryConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares one caching client per registry connection in a JVM, so the many serializers Kafka
 * instantiates (one per producer, consumer and Streams task) share their caches.
 */
public final class SchemaRegistryClients {
  private static final Map<RegistryConnection, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient shared(RegistryConnection connection) {
    return SHARED.computeIfAbsent(connection,
        c -> new CachingSchemaRegistryClient(new RestSchemaRegistryClient(c)));
  }
}
