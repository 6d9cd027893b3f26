package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code local --demo}: the dashboard's API serves evaluations of the demo stream. */
class LocalDemoIT {
  @TempDir Path temp;

  @Test
  @CoversReadme("local-demo")
  void demoStreamIsEvaluatedOnTheDashboard() throws Exception {
    String command = ReadmeBlocks.block("local-demo").trim();
    assertTrue(command.startsWith("./groundstream local --demo"), command);
    // The block's other command is the test command, and CI runs exactly it.
    String testCommand = command.lines().skip(1).findFirst().orElseThrow().replaceAll("\\s+#.*", "").trim();
    assertEquals("mvn -B -ntp verify", testCommand);
    assertTrue(java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", ".ci", "run")).contains(testCommand),
        ".ci/run runs the README's test command");
    try (LocalModeProcess local = LocalModeProcess.start(temp.resolve("data"), "--demo", "--demo-rate", "5")) {
      HttpClient http = HttpClient.newHttpClient();
      URI metrics = URI.create(local.dashboardUrl() + "/api/metrics?window=all-time");
      long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
      int evaluated = 0;
      while (evaluated == 0 && System.nanoTime() < deadline) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          for (JsonNode row : new ObjectMapper().readTree(r.body())) {
            if ("all".equals(row.path("category").asText())) {
              evaluated = Math.max(evaluated, row.path("evaluablePhrases").asInt());
            }
          }
        }
        Thread.sleep(2000);
      }
      assertTrue(evaluated > 0, "the demo's photos are evaluated and served on /api/metrics");
    }
  }
}
