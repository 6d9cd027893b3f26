package dev.groundstream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3BlobsTest {
  static final Map<String, String> ENV = Map.of(
      "GROUNDSTREAM_BLOB_URL", "s3://groundstream-blobs/images/",
      "GROUNDSTREAM_S3_ENDPOINT", "http://minio:9000",
      "GROUNDSTREAM_S3_ACCESS_KEY_ID", "key",
      "GROUNDSTREAM_S3_SECRET_ACCESS_KEY", "very-secret");

  @Test
  void readsTheStoreFromTheEnvironmentAndNeverPrintsTheSecret() {
    S3Blobs blobs = S3Blobs.fromEnvironment(ENV).orElseThrow();
    assertEquals("groundstream-blobs", blobs.bucket());
    assertEquals("images", blobs.prefix());
    assertEquals(Optional.of(URI.create("http://minio:9000")), blobs.endpoint());
    assertTrue(blobs.pathStyle(), "an explicit endpoint defaults to path-style requests");
    assertEquals("us-east-1", blobs.region());
    assertEquals(URI.create("s3://groundstream-blobs/images/ab/x.jpg"), blobs.uriOf(blobs.key("ab/x.jpg")));
    assertFalse(blobs.toString().contains("very-secret"), blobs.toString());
    assertEquals(Optional.empty(), S3Blobs.fromEnvironment(Map.of("GROUNDSTREAM_BLOB_URL", "/var/blobs")));
    assertThrows(IllegalArgumentException.class, () -> S3Blobs.parse("s3://Bad_Bucket/x", Map.of()));
  }

  @Test
  void keyOfAcceptsOnlyKeysOfTheBucketUnderThePrefix() {
    S3Blobs blobs = S3Blobs.fromEnvironment(ENV).orElseThrow();
    assertEquals(Optional.of("images/ab/x.jpg"), blobs.keyOf(URI.create("s3://groundstream-blobs/images/ab/x.jpg")));
    for (String refused : new String[] {"s3://other/images/x.jpg", "s3://groundstream-blobs/secrets/x.jpg",
        "s3://groundstream-blobs/images/../secrets/x.jpg", "s3://groundstream-blobs/images/./x.jpg",
        "s3://groundstream-blobs:9000/images/x.jpg", "s3://u@groundstream-blobs/images/x.jpg",
        "s3://groundstream-blobs/images/x.jpg?versionId=1", "file:/groundstream-blobs/images/x.jpg",
        "s3://groundstream-blobs/imagesX/x.jpg"}) {
      assertEquals(Optional.empty(), blobs.keyOf(URI.create(refused)), refused);
    }
  }
}
