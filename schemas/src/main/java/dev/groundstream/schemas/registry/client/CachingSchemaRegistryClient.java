package dev.groundstream.schemas.registry.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers ids and schemas, which never change once assigned, so the hot path of a serializer
 * makes no HTTP call after the first record. "Latest" is not cached: it moves.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {
  private record SubjectSchema(String subject, Schema schema) {}

  private final SchemaRegistryClient delegate;
  private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> lookedUp = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();

  public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public int register(String subject, Schema schema) {
    return registered.computeIfAbsent(new SubjectSchema(subject, schema), k -> {
      int id = delegate.register(subject, schema);
      byId.putIfAbsent(id, schema);
      return id;
    });
  }

  @Override
  public int lookupId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer known = registered.get(key);
    return known != null ? known : lookedUp.computeIfAbsent(key, k -> delegate.lookupId(subject, schema));
  }

  @Override
  public Schema schemaById(int id) {
    return byId.computeIfAbsent(id, delegate::schemaById);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    RegisteredSchema latest = delegate.latest(subject);
    byId.putIfAbsent(latest.id(), latest.schema());
    return latest;
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return delegate.isCompatible(subject, schema);
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }
}
