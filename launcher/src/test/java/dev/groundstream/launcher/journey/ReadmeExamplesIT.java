package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's upload, result and label examples, run with bash exactly as written (only the port
 * the local mode got replaces 8080) against the packaged {@code local} as a separate process; the
 * outcome is checked over HTTP and on grounding.results (read_committed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeExamplesIT {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path temp;
  LocalModeProcess local;
  Path workDir;
  String hostPort;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  void start() throws Exception {
    local = LocalModeProcess.start(temp.resolve("data"));
    hostPort = URI.create(local.ingestUrl()).getAuthority();
    // The examples run from a checkout's root; this folder has its datasets/ so request.json lands here.
    workDir = Files.createDirectories(temp.resolve("checkout"));
    Files.createSymbolicLink(workDir.resolve("datasets"), LauncherProcess.repositoryRoot().resolve("datasets"));
  }

  @AfterAll
  void stop() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  @Order(1)
  @CoversReadme("send-photo-multipart")
  void multipartUploadIsAcceptedWithItsTruthAndGrounded() throws Exception {
    BashBlock.Outcome out = BashBlock.readme("send-photo-multipart").replacing("localhost:8080", hostPort)
        .run(workDir, Duration.ofMinutes(2));
    assertEquals(0, out.exitCode(), out.output());
    JsonNode accepted = JSON.readTree(out.output());
    assertEquals("accepted", accepted.path("status").asText(), out.output());
    assertEquals("A person", accepted.path("phrases").get(0).path("text").asText());
    assertEquals("a dog", accepted.path("phrases").get(1).path("text").asText());
    assertEquals(1, accepted.path("labeledPhrases").asInt(), "the first phrase carries a truth box");
    String id = accepted.path("requestId").asText();

    JsonNode result = result(id, "60s");
    assertEquals("grounded", result.path("status").asText(), result.toString());
    JsonNode phrases = result.path("results").get(0).path("phrases");
    assertEquals(2, phrases.size());
    assertTrue(phrases.get(0).path("boxes").size() > 0, "the worker ranked boxes for 'A person': " + result);

    // The same boxes as the worker's committed result on grounding.results.
    List<GroundingResult> committed = local.committed().await(Topics.RESULTS, GroundingResult.class,
        r -> r.getRequestId().toString().equals(id), 1, Duration.ofSeconds(30));
    assertFalse(committed.isEmpty(), "the result is on grounding.results");
    assertEquals(committed.get(0).getPhrases().get(0).getBoxes().get(0).getX1(),
        phrases.get(0).path("boxes").get(0).path("x1").floatValue(), 1e-3);
  }

  @Test
  @Order(2)
  @CoversReadme("send-photo-json")
  void jsonUploadFromAFileIsAccepted() throws Exception {
    BashBlock.Outcome out = BashBlock.readme("send-photo-json").replacing("localhost:8080", hostPort)
        .run(workDir, Duration.ofMinutes(2));
    assertEquals(0, out.exitCode(), out.output());
    JsonNode accepted = JSON.readTree(out.output());
    assertEquals("accepted", accepted.path("status").asText(), out.output());
    assertTrue(accepted.path("image").path("inline").asBoolean(), "dog.jpg is under the inline limit");
    assertEquals(576, accepted.path("image").path("height").asInt());
    assertTrue(Files.size(workDir.resolve("request.json")) > 160_000, "the body went through a file");
  }

  @Test
  @Order(3)
  @CoversReadme("result-and-label")
  void resultThenLabelAnswerAsDocumented() throws Exception {
    BashBlock.Outcome out = BashBlock.readme("result-and-label").replacing("localhost:8080", hostPort)
        .run(workDir, Duration.ofMinutes(2));
    assertEquals(0, out.exitCode(), out.output());
    List<JsonNode> answers = new ArrayList<>();
    JSON.readerFor(JsonNode.class).readValues(out.output()).forEachRemaining(n -> answers.add((JsonNode) n));
    assertEquals(2, answers.size(), out.output());
    JsonNode result = answers.get(0);
    assertEquals("grounded", result.path("status").asText(), "grounded within the example's wait=10s: " + result);
    assertEquals("A person", result.path("results").get(0).path("phrases").get(0).path("text").asText());
    JsonNode label = answers.get(1);
    assertEquals(result.path("requestId").asText(), label.path("requestId").asText(), label.toString());
    assertEquals("p0", label.path("phraseId").asText(), label.toString());
    assertEquals(1, label.path("labeledPhrases").asInt(), label.toString());
  }

  @Test
  @Order(4)
  void resultOfAnUnknownOrMalformedIdIsRefused() throws Exception {
    HttpResponse<String> unknown = get("/v1/requests/" + UUID.randomUUID() + "/result");
    assertEquals(404, unknown.statusCode());
    assertEquals("unknown_request", JSON.readTree(unknown.body()).path("error").path("reason").asText());
    assertEquals(400, get("/v1/requests/not-a-uuid/result").statusCode());
    HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(
        URI.create(local.ingestUrl() + "/v1/requests/" + UUID.randomUUID() + "/result")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, noKey.statusCode());
  }

  /** Long-polls (the cap is 30 s) until the result is there, for up to three minutes. */
  private JsonNode result(String id, String wait) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode answer;
    do {
      answer = JSON.readTree(get("/v1/requests/" + id + "/result?wait=" + wait).body());
    } while (!"grounded".equals(answer.path("status").asText()) && System.nanoTime() < deadline);
    return answer;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(local.ingestUrl() + path))
        .header("X-API-Key", LocalModeProcess.API_KEY).timeout(Duration.ofSeconds(90)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
