package dev.groundstream.schemas.registry.client;

import java.util.List;
import org.apache.avro.Schema;

/** The calls GroundStream makes to a Confluent-protocol schema registry. */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** The id of a schema already registered under the subject; fails with 40401/40403 if absent. */
  int lookupId(String subject, Schema schema);

  /** The schema with this global id; fails with 40403 if unknown. */
  Schema schemaById(int id);

  /** The latest version of the subject; fails with 40401 if the subject is unknown. */
  RegisteredSchema latest(String subject);

  /** Whether the schema could be registered under the subject's compatibility level. */
  boolean isCompatible(String subject, Schema schema);

  /** All subjects. */
  List<String> subjects();
}
