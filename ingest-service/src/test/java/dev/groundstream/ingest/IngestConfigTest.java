package dev.groundstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.images.Sha256;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
  @Test
  void defaultsThenEnvironmentThenFlags() {
    String hash = Sha256.hex("k1");
    IngestConfig config = IngestConfig.fromEnvironment(Map.of(
            "GROUNDSTREAM_INGEST_PORT", "9000",
            "GROUNDSTREAM_INGEST_IMAGE_INLINE_MAX_BYTES", "2048",
            "GROUNDSTREAM_INGEST_API_KEYS", "acme:" + hash,
            "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
            "GROUNDSTREAM_REGISTRY_URL", "http://registry:8081"),
        "--port=9100", "--uri-timeout-ms=750", "--registry-url=http://other:8081");
    assertEquals(9100, config.port());
    assertEquals(2048, config.imageInlineMaxBytes());
    assertEquals(40_000_000L, config.imageMaxPixels());
    assertEquals(160_000_000L, config.imageMaxDecodedBytes());
    assertEquals(Duration.ofMillis(750), config.uriTimeout());
    assertEquals("broker:9092", config.kafka().bootstrapServers());
    assertEquals("http://other:8081", config.registry().url());
    assertEquals(Map.of(hash, "acme"), config.apiKeyHashes());
    assertFalse(config.uriAllowPrivate());
    assertTrue(config.uriFileRoots().isEmpty());
    assertFalse(config.toString().contains(hash), "key hashes are not printed");
    assertTrue(config.toString().contains("acme"));
  }

  @Test
  void badSettingsAreNamed() {
    var bad = assertThrows(IllegalArgumentException.class, () -> IngestConfig.fromEnvironment(Map.of(), "--nope=1"));
    assertTrue(bad.getMessage().contains("nope"));
    assertThrows(IllegalArgumentException.class, () -> IngestConfig.fromEnvironment(Map.of(), "--port=x"));
    var key = assertThrows(IllegalArgumentException.class,
        () -> IngestConfig.fromEnvironment(Map.of("GROUNDSTREAM_INGEST_API_KEYS", "acme:plaintext-key")));
    assertFalse(key.getMessage().contains("plaintext-key"), "a mistaken plain key is not echoed");
  }
}
