package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.ImageRef;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.S3Clients;
import dev.groundstream.testing.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * s3:// claim checks read by the worker from a real S3-compatible server (s3proxy in-process):
 * objects of the configured bucket and prefix are read and checksum-verified; other buckets,
 * keys outside the prefix, {@code ..} and a store-less worker are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ImageSourceTest {
  static final String BUCKET = "groundstream-blobs";
  @TempDir static Path dir;
  S3TestServer server;
  S3Client client;
  S3Blobs blobs;

  @BeforeAll
  void start() throws Exception {
    server = S3TestServer.start(Files.createDirectories(dir.resolve("s3")), BUCKET);
    blobs = server.blobs(BUCKET, "images");
    client = S3Clients.create(blobs);
    client.createBucket(b -> b.bucket("other-bucket"));
  }

  @AfterAll
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void readsAnObjectOfTheConfiguredBucketAndVerifiesItsChecksum() throws IOException {
    byte[] bytes = {1, 2, 3, 4};
    put(BUCKET, "images/ab/photo.png", bytes);
    ImageSource source = new ImageSource(Optional.empty(), Optional.of(S3ImageReader.open(blobs)));
    assertArrayEquals(bytes, source.bytes(ref("s3://" + BUCKET + "/images/ab/photo.png", bytes)));
    IOException wrongSum = assertThrows(IOException.class,
        () -> source.bytes(ref("s3://" + BUCKET + "/images/ab/photo.png", new byte[] {9})));
    assertTrue(wrongSum.getMessage().contains("sha256"), wrongSum.getMessage());
    IOException missing = assertThrows(IOException.class,
        () -> source.bytes(ref("s3://" + BUCKET + "/images/ab/none.png", bytes)));
    assertTrue(missing.getMessage().contains("404"), missing.getMessage());
  }

  @Test
  void refusesOtherBucketsKeysOutsideThePrefixAndAStorelessWorker() throws IOException {
    byte[] bytes = {5, 6};
    put("other-bucket", "images/x.png", bytes);
    put(BUCKET, "secrets/x.png", bytes);
    ImageSource source = new ImageSource(Optional.empty(), Optional.of(S3ImageReader.open(blobs)));
    for (String uri : new String[] {"s3://other-bucket/images/x.png", "s3://" + BUCKET + "/secrets/x.png",
        "s3://" + BUCKET + "/images/../secrets/x.png", "s3://user@" + BUCKET + ":9000/images/x.png"}) {
      IOException e = assertThrows(IOException.class, () -> source.bytes(ref(uri, bytes)), uri);
      assertTrue(e.getMessage().contains("outside the blob store"), e.getMessage());
    }
    IOException none = assertThrows(IOException.class, () -> new ImageSource(Optional.of(dir))
        .bytes(ref("s3://" + BUCKET + "/images/ab/photo.png", bytes)));
    assertTrue(none.getMessage().contains("no S3 blob store"), none.getMessage());
  }

  private void put(String bucket, String key, byte[] bytes) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  private static ImageRef ref(String uri, byte[] bytes) {
    return ImageRef.newBuilder().setUri(uri).setSha256(WorkerTestKit.sha256(bytes)).setContentType("image/png")
        .setWidth(1).setHeight(1).setSizeBytes(bytes.length).build();
  }
}
