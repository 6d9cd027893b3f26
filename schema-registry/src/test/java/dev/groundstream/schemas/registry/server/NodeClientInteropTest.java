package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.client.RestSchemaRegistryClient;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.testing.KafkaTestCluster;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Confluent's Node client {@code @confluentinc/schemaregistry@1.10.1}, installed from npm by this
 * test into target/, runs src/test/node/interop.js against the in-process registry: references,
 * metadata lookup, rule sets, a serializer with useLatestWithMetadata, and a record with every
 * Avro type that our Java deserializer then decodes. Skipped, saying why, when node or npm is
 * absent or npm cannot install the package (no registry reachable).
 */
class NodeClientInteropTest {
  private static final String PACKAGE = "@confluentinc/schemaregistry@1.10.1";

  @Test
  void confluentsNodeClientInteroperates() throws Exception {
    assumeTrue(runs(List.of("node", "--version")), "node is not installed");
    assumeTrue(runs(List.of("npm", "--version")), "npm is not installed");
    Path prefix = Paths.get("target", "node-interop").toAbsolutePath();
    Files.createDirectories(prefix);
    if (!Files.isDirectory(prefix.resolve("node_modules/@confluentinc/schemaregistry"))) {
      assumeTrue(runs(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save",
          "--prefix", prefix.toString(), PACKAGE)),
          "npm could not install " + PACKAGE + " (no npm registry reachable?)");
    }
    Path script = Paths.get("src", "test", "node", "interop.js").toAbsolutePath();

    try (KafkaTestCluster kafka = KafkaTestCluster.start();
        SchemaRegistryServer server = SchemaRegistryServer.start(
            SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()))) {
      ProcessBuilder node = new ProcessBuilder("node", script.toString(), server.url())
          .redirectErrorStream(true);
      node.environment().put("NODE_PATH", prefix.resolve("node_modules").toString());
      Process process = node.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(true, process.waitFor(120, TimeUnit.SECONDS), output);
      assertEquals(0, process.exitValue(), output);
      assertEquals(true, output.contains("7 checks passed"), output);

      String encoded = output.lines().filter(l -> l.startsWith("ENCODED "))
          .findFirst().orElseThrow().substring("ENCODED ".length());
      GenericRecord every = new AvroDeserializer<GenericRecord>(
          new RestSchemaRegistryClient(RegistryConnection.of(server.url())), null)
          .deserialize("node-every", Base64.getDecoder().decode(encoded));
      assertEquals(true, every.get("flag"));
      assertEquals(7, every.get("count"));
      assertEquals(1234567890123L, every.get("big"));
      assertEquals(0.5f, every.get("ratio"));
      assertEquals(2.25, every.get("precise"));
      assertEquals("héllo", every.get("text").toString());
      assertArrayEquals(new byte[] {1, 2, 3}, bytes((ByteBuffer) every.get("raw")));
      assertEquals("GREEN", every.get("colour").toString());
      assertEquals(List.of("a", "b"), ((List<?>) every.get("tags")).stream()
          .map(Object::toString).toList());
      assertEquals(9L, ((Map<?, ?>) every.get("scores")).entrySet().iterator().next().getValue());
      assertEquals("there", every.get("maybe").toString());
      assertArrayEquals(new byte[] {9, 8, 7, 6}, ((GenericData.Fixed) every.get("hash")).bytes());
      assertEquals(42, ((GenericRecord) every.get("inner")).get("x"));
      org.apache.avro.Schema price = every.getSchema().getField("price").schema();
      assertEquals(new BigDecimal("123.45"), new Conversions.DecimalConversion().fromBytes(
          (ByteBuffer) every.get("price"), price, LogicalTypes.fromSchema(price)));
      assertEquals("123e4567-e89b-12d3-a456-426614174000", every.get("id").toString());
      assertEquals(1700000000000L, toMillis(every.get("at")));
    }
  }

  private static long toMillis(Object value) {
    return value instanceof java.time.Instant instant ? instant.toEpochMilli() : (Long) value;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  private static boolean runs(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(300, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
