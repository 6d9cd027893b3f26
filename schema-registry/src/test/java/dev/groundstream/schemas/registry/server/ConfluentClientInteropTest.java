package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.formats.avro.registry.confluent.ConfluentSchemaRegistryCoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Confluent's own Java client (7.5.3, relocated inside Flink's registry jar) against this
 * registry: the oracle for "speaks the Confluent protocol".
 */
class ConfluentClientInteropTest {
  @RegisterExtension
  static final BrokerAndRegistry STACK = new BrokerAndRegistry();

  /** A fresh client per test: the client caches answers, and a test must reach the server. */
  private static SchemaRegistryClient client() {
    return new CachedSchemaRegistryClient(STACK.server().url(), 100);
  }

  private static int errorCode(Executable call) {
    return assertThrows(RestClientException.class, call).getErrorCode();
  }

  @Test
  void registersAndLooksUp() throws Exception {
    SchemaRegistryClient client = client();
    AvroSchema user = new AvroSchema(TestSchemas.USER);
    int id = client.register("interop-value", user);
    assertTrue(id > 0);

    SchemaRegistryClient fresh = client();
    assertEquals(id, fresh.getId("interop-value", new AvroSchema(TestSchemas.USER_REFORMATTED)));
    assertEquals(1, fresh.getVersion("interop-value", user));
    assertEquals(user.canonicalString(), fresh.getSchemaById(id).canonicalString());

    int second = fresh.register("interop-value", new AvroSchema(TestSchemas.USER_WITH_EMAIL));
    assertNotEquals(id, second);
    SchemaMetadata latest = client().getLatestSchemaMetadata("interop-value");
    assertEquals(second, latest.getId());
    assertEquals(2, latest.getVersion());
    assertEquals(new AvroSchema(TestSchemas.USER_WITH_EMAIL).canonicalString(),
        latest.getSchema());
    assertTrue(client().getAllSubjects().contains("interop-value"));
  }

  @Test
  void flinkCoderWritesAndReadsTheConfluentWireFormat() throws Exception {
    // Flink's jar relocates Avro too.
    Schema schema = new Schema.Parser().parse(TestSchemas.USER_WITH_DOC);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    new ConfluentSchemaRegistryCoder("interop-coder-value", client()).writeSchema(schema, framed);

    byte[] header = framed.toByteArray();
    assertEquals(5, header.length, "magic byte and a 4-byte id");
    assertEquals(0, header[0]);
    int id = ByteBuffer.wrap(header, 1, 4).getInt();
    assertEquals(id, client().getId("interop-coder-value",
        new AvroSchema(TestSchemas.USER_WITH_DOC)));
    assertEquals(schema, new ConfluentSchemaRegistryCoder(client())
        .readSchema(new ByteArrayInputStream(header)));
  }

  @Test
  void testsCompatibility() throws Exception {
    SchemaRegistryClient client = client();
    client.register("interop-compat-value", new AvroSchema(TestSchemas.USER));
    assertTrue(client.testCompatibility("interop-compat-value",
        new AvroSchema(TestSchemas.USER_WITH_EMAIL)));
    assertFalse(client.testCompatibility("interop-compat-value",
        new AvroSchema(TestSchemas.USER_WITH_REQUIRED_AGE)));
    List<String> messages = client.testCompatibilityVerbose("interop-compat-value",
        new AvroSchema(TestSchemas.USER_WITH_REQUIRED_AGE));
    assertFalse(messages.isEmpty());
  }

  @Test
  void updatesAndReadsCompatibility() throws Exception {
    SchemaRegistryClient client = client();
    client.register("interop-config-value", new AvroSchema(TestSchemas.USER));
    assertEquals("BACKWARD", client.getCompatibility(null), "null asks for the global level");
    assertEquals("NONE", client.updateCompatibility("interop-config-value", "NONE"));
    assertEquals("NONE", client().getCompatibility("interop-config-value"));
    assertTrue(client.register("interop-config-value",
        new AvroSchema(TestSchemas.USER_WITH_REQUIRED_AGE)) > 0);
  }

  @Test
  void deletesSubjects() throws Exception {
    SchemaRegistryClient client = client();
    client.register("interop-delete-value", new AvroSchema(TestSchemas.record("Gone")));
    assertEquals(List.of(1), client.deleteSubject("interop-delete-value"));
    assertFalse(client().getAllSubjects().contains("interop-delete-value"));
    assertEquals(List.of(1), client.deleteSubject("interop-delete-value", true));
    assertEquals(40401, errorCode(() -> client().getLatestSchemaMetadata("interop-delete-value")));
  }

  @Test
  void errorsSurfaceWithConfluentCodes() throws Exception {
    SchemaRegistryClient client = client();
    client.register("interop-errors-value", new AvroSchema(TestSchemas.USER));
    assertEquals(40401, errorCode(() -> client().getLatestSchemaMetadata("interop-missing")));
    assertEquals(40403, errorCode(() -> client().getSchemaById(424242)));
    assertEquals(40403, errorCode(() -> client().getId("interop-errors-value",
        new AvroSchema(TestSchemas.USER_WITH_DOC))));
    assertEquals(409, errorCode(() -> client().register("interop-errors-value",
        new AvroSchema(TestSchemas.USER_WITH_REQUIRED_AGE))));
    // The client parses schemas before sending them; only an override gets malformed text out.
    assertEquals(42201, errorCode(() -> client().register("interop-errors-value",
        new AvroSchema(TestSchemas.USER) {
          @Override
          public String canonicalString() {
            return TestSchemas.MALFORMED;
          }
        })));
  }
}
