package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.HttpCalls.json;
import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.schemas.Topics;
import dev.groundstream.ingest.TestImages;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Uploads as browsers do: multipart bodies whose boundary is mixed-case (boundaries are
 * case-sensitive), once from a hand-built WebKit-style body and once from a real headless Chromium
 * posting a {@code FormData} with {@code fetch} (Chromium picks the boundary itself).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedIngestHarness.class)
class BrowserUploadTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  IngestHarness harness;
  HttpCalls http;

  @BeforeAll
  void start(IngestHarness shared) {
    harness = shared;
    http = new HttpCalls(harness.service.port());
  }

  @Test
  void webKitStyleMixedCaseBoundaryIsAccepted() throws Exception {
    String boundary = "----WebKitFormBoundaryAbCdEf7GhIjKlMn";
    HttpResponse<String> response = http.postMultipart(ACME_KEY, TestImages.jpeg(64, 48), "image/jpeg",
        new JsonObject().put("caption", "A cat on a mat"), boundary);
    assertEquals(202, response.statusCode(), response.body());
    assertWritten(UUID.fromString(json(response).getString("requestId")), 64);
  }

  @Test
  void headlessChromiumFormDataUploadIsAccepted() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
            + "CI's .ci/run installs them");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run");
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(driverService, options);
    try {
      browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      browser.get(http.base + "/health"); // same origin as the API: no CORS in the way
      String png = Base64.getEncoder().encodeToString(TestImages.png(80, 60));
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
          const form = new FormData();
          form.append('metadata', JSON.stringify({caption: 'A dog in the snow'}));
          form.append('image', new Blob([bytes], {type: 'image/png'}), 'photo.png');
          fetch('/v1/requests', {method: 'POST', headers: {'X-API-Key': arguments[1]}, body: form})
            .then(r => r.text().then(t => done({status: r.status, body: t})))
            .catch(e => done({status: -1, body: String(e)}));
          """, png, ACME_KEY);
      String body = (String) answer.get("body");
      assertEquals(202L, ((Number) answer.get("status")).longValue(), body);
      assertWritten(UUID.fromString(new JsonObject(body).getString("requestId")), 80);
    } finally {
      browser.quit();
    }
  }

  private void assertWritten(UUID id, int width) {
    List<GroundingRequest> written = harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
        r -> r.getRequestId().equals(id), 1);
    assertEquals(width, written.get(0).getImage().getWidth());
    assertTrue(written.get(0).getCaption().startsWith("A "));
  }
}
