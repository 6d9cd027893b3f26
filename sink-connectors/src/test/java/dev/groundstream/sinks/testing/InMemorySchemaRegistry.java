package dev.groundstream.sinks.testing;

import dev.groundstream.schemas.registry.client.RegisteredSchema;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry in memory for unit tests: global ids, versions per subject, no compatibility rules. */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {
  private final Map<Integer, Schema> byId = new HashMap<>();
  private final Map<Schema, Integer> ids = new HashMap<>();
  private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = ids.computeIfAbsent(schema, s -> {
      int next = byId.size() + 1;
      byId.put(next, s);
      return next;
    });
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int lookupId(String subject, Schema schema) {
    Integer id = ids.get(schema);
    if (id == null || !subjects.getOrDefault(subject, List.of()).contains(id)) {
      throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "not registered in " + subject);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "no schema id " + id);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = subjects.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND, "no subject " + subject);
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id, byId.get(id));
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return true;
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }
}
