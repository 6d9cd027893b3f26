package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.HttpCalls.json;
import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.S3Clients;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.ingest.images.Sha256;
import dev.groundstream.schemas.Topics;
import dev.groundstream.testing.S3TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The s3:// claim check against a real S3-compatible server (s3proxy, in-process, on a folder):
 * an upload over the inline limit is stored once as an object of the configured bucket and
 * prefix, and the request on grounding.requests carries its s3:// URI and no inline bytes.
 */
@ExtendWith(SharedIngestHarness.class)
class S3ClaimCheckTest {
  @TempDir Path dir;

  @Test
  void largeUploadIsStoredOnceInTheBucketAndReferencedByItsS3Uri(IngestHarness harness) throws Exception {
    try (S3TestServer s3 = S3TestServer.start(Files.createDirectories(dir.resolve("s3")), "groundstream-blobs")) {
      S3Blobs blobs = s3.blobs("groundstream-blobs", "images");
      byte[] png = TestImages.noisyJpeg(300, 300, 7, 0.95f);
      assertTrue(png.length > IngestHarness.INLINE_MAX, "the test image must be over the inline limit");
      try (IngestService service = harness.startAnother(Map.of(
          IngestConfig.IMAGE_INLINE_MAX_BYTES, Integer.toString(IngestHarness.INLINE_MAX)), blobs);
          S3Client client = S3Clients.create(blobs)) {
        HttpCalls http = new HttpCalls(service.port());
        HttpResponse<String> first = http.postImage(ACME_KEY, png, new JsonObject().put("caption", "A red car"));
        assertEquals(202, first.statusCode(), first.body());
        String sha = Sha256.hex(png);
        String expectedUri = "s3://groundstream-blobs/images/" + sha.substring(0, 2) + "/" + sha + ".jpg";
        assertEquals(expectedUri, json(first).getJsonObject("image").getString("uri"));

        UUID id = UUID.fromString(json(first).getString("requestId"));
        GroundingRequest request = harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
            r -> r.getRequestId().equals(id), 1).get(0);
        assertEquals(expectedUri, request.getImage().getUri());
        assertNull(request.getImage().getInline());

        String key = blobs.keyOf(URI.create(expectedUri)).orElseThrow();
        byte[] stored = client.getObjectAsBytes(GetObjectRequest.builder().bucket("groundstream-blobs").key(key).build())
            .asByteArray();
        assertArrayEquals(png, stored);

        HttpResponse<String> again = http.postImage(ACME_KEY, png, new JsonObject().put("caption", "The same car"));
        assertEquals(expectedUri, json(again).getJsonObject("image").getString("uri"));
        assertEquals(List.of(key), client.listObjectsV2(b -> b.bucket("groundstream-blobs").prefix("images/"))
            .contents().stream().map(S3Object::key).filter(k -> !k.endsWith("/")).toList()); // stored once
      }
    }
  }
}
