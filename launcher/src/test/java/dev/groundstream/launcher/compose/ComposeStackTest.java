package dev.groundstream.launcher.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.launcher.journey.CoversReadme;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Brings up docker-compose.yml (CPU override: no GPU needed) and runs one photo with truth through
 * it: ingest -> Kafka -> worker -> eval, visible in the eval REST API. Needs a Docker engine with
 * compose; where there is none (these build machines) JUnit reports it skipped, with that reason.
 */
@Testcontainers(disabledWithoutDocker = true)
@CoversReadme("compose") // the README's docker compose block (CPU override), where a Docker engine exists
class ComposeStackTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Container
  static final ComposeContainer STACK = new ComposeContainer(
      new File(ROOT.toFile(), "docker-compose.yml"),
      new File(ROOT.toFile(), "deploy/compose/cpu.override.yml"))
      .withBuild(true)
      .withExposedService("ingest", 8080, Wait.forHttp("/health").forStatusCode(200))
      .withExposedService("eval", 8083, Wait.forHttp("/health").forStatusCode(200))
      .withStartupTimeout(Duration.ofMinutes(15));

  @Test
  void onePhotoIsGroundedAndEvaluated() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String ingest = "http://" + STACK.getServiceHost("ingest", 8080) + ":" + STACK.getServicePort("ingest", 8080);
    String eval = "http://" + STACK.getServiceHost("eval", 8083) + ":" + STACK.getServicePort("eval", 8083);
    String image = Base64.getEncoder().encodeToString(
        Files.readAllBytes(ROOT.resolve("datasets/groundstream-photos/images/person.jpg")));
    // Truth from datasets/groundstream-photos/Annotations/person.xml (1-based there, 0-based here).
    String body = "{\"caption\":\"A person stands between a dog and a white horse\",\"dataset\":\"compose\","
        + "\"image\":{\"base64\":\"" + image + "\"},"
        + "\"phrases\":[{\"start\":0,\"end\":8,\"boxes\":[[190,100,275,375]]}]}";
    HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/requests"))
        .header("Content-Type", "application/json").header("X-API-Key", "groundstream-compose").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(202, accepted.statusCode(), accepted.body());
    String requestId = accepted.body().replaceAll(".*\"requestId\"\\s*:\\s*\"([^\"]+)\".*", "$1");

    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    HttpResponse<String> evaluation = null;
    while (System.nanoTime() < deadline) {
      evaluation = http.send(HttpRequest.newBuilder(URI.create(eval + "/api/evaluations/" + requestId)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (evaluation.statusCode() == 200) {
        break;
      }
      Thread.sleep(2000);
    }
    assertEquals(200, evaluation.statusCode(), "no evaluation for " + requestId + ": " + evaluation.body());
    assertTrue(List.of(evaluation.body().split(",")).stream().anyMatch(f -> f.contains("\"evaluable\":true")),
        evaluation.body());
  }
}
