package dev.groundstream.eval.service;

import static dev.groundstream.eval.testing.EvalRecords.MISS;
import static dev.groundstream.eval.testing.EvalRecords.TARGET;
import static dev.groundstream.eval.testing.EvalRecords.model;
import static dev.groundstream.eval.testing.EvalRecords.predicted;
import static dev.groundstream.eval.testing.EvalRecords.result;
import static dev.groundstream.eval.testing.EvalRecords.truth;
import static dev.groundstream.eval.testing.EvalRecords.truthPhrase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.stats.Interval;
import dev.groundstream.eval.stats.WilsonInterval;
import dev.groundstream.eval.testing.EvalRecords;
import dev.groundstream.eval.testing.EvalRequests;
import dev.groundstream.eval.testing.Eventually;
import dev.groundstream.eval.testing.Http;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.eval.testing.TestTraffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the dashboard in a real headless Chromium (Debian's chromium + chromium-driver) and checks it
 * shows the numbers the REST API gives, and follows new evaluations live without a page reload.
 * Keeps a screenshot as a build artifact: target/dashboard-screenshot.png.
 */
@ExtendWith(SharedKafka.class)
class DashboardBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  // Model names unique to this run: other tests in this JVM write to the same topics.
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final ModelRef oldModel = model("ranker-" + run, "1.0.0");
  private final ModelRef newModel = model("ranker-" + run, "2.0.0");
  private final String oldId = "ranker-" + run + ":1.0.0";
  private final String newId = "ranker-" + run + ":2.0.0";
  private final String cell = "td[data-model='" + oldId + "'][data-dataset='" + EvalRecords.DATASET
      + "'][data-category='all'][data-metric='%s']";

  private static final byte[] PNG = EvalRequests.png();

  @TempDir
  Path stateDir;
  private EvalService service;
  private WebDriver browser;

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
            + "CI's .ci/run installs them");
    service = RunningServices.start(RunningServices.config("eval-dashboard-" + run, stateDir,
        "--recall-floor=0.6", "--alert-min-samples=1",
        // Partitions are processed in any order; history is produced in 5-minute halves within this grace.
        "--grace=5m"));
    Eventually.await("RUNNING", Duration.ofSeconds(60), () -> service.state() == KafkaStreams.State.RUNNING);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1500");
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(driverService, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void showsTheApiNumbersAndUpdatesLive() throws Exception {
    // Ten minutes of history, one request every 30 s of event time, so the timeline has points. Each
    // half spans less than the grace, so no window loses data to the partitions' processing order,
    // and the second half closes the first half's windows (which raises the recall-floor alerts).
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    int port = service.httpPort();
    produce(start, 0, 10);
    Eventually.await("first half aggregated", Duration.ofSeconds(60),
        () -> allTime(port).get("evaluablePhrases").asLong() == 20);
    produce(start, 10, 20);
    Eventually.await("all evaluations aggregated", Duration.ofSeconds(60),
        () -> allTime(port).get("evaluablePhrases").asLong() == 40);

    browser.get("http://localhost:" + port + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    JsonNode api = allTime(port);
    wait.until(d -> withInterval(api, "recallAt1").equals(text(cell.formatted("recallAt1"))));
    assertEquals("40", text(cell.formatted("evaluablePhrases")));
    // Every recall carries its 95% Wilson interval, the API's, which is the one of its own counts.
    Interval wilson = WilsonInterval.of95(api.get("hitsAt1").asLong(), 40);
    assertEquals(wilson.lower(), api.at("/intervals/recallAt1/lower").asDouble(), 1e-12);
    assertEquals(wilson.upper(), api.at("/intervals/recallAt1/upper").asDouble(), 1e-12);
    for (String metric : List.of("recallAt5", "recallAt10", "mergedBoxAccuracy", "pointingAccuracy")) {
      assertEquals(withInterval(api, metric), text(cell.formatted(metric)), metric);
    }

    new Select(browser.findElement(By.id("compare-a"))).selectByValue(oldId);
    new Select(browser.findElement(By.id("compare-b"))).selectByValue(newId);
    JsonNode compare = Http.json(port, "/api/compare?a=" + oldId + "&b=" + newId);
    wait.until(d -> String.valueOf(compare.get("pairs").asLong()).equals(text("#compare-pairs")));
    assertEquals(percent(compare.get("accuracyA").asDouble()) + " " + range(compare.get("accuracyAInterval"), false),
        text("#compare-acc-a"));
    assertEquals(percent(compare.get("accuracyB").asDouble()) + " " + range(compare.get("accuracyBInterval"), false),
        text("#compare-acc-b"));
    assertEquals(String.format(Locale.ROOT, "%+.1f pt ", compare.get("differenceBMinusA").asDouble() * 100)
        + range(compare.get("differenceInterval"), true), text("#compare-diff"));
    assertEquals(compare.get("verdictText").asText(), text("#compare-verdict"));
    assertEquals(String.valueOf(compare.get("bothWrong").asLong()), text("#compare-both-wrong"));
    // Per type, as the CLI prints it: people and clothing have shared phrases, the other types none.
    wait.until(d -> browser.findElements(By.cssSelector("#compare-types tbody tr")).size() == 2);
    JsonNode people = compare.at("/types/people");
    assertEquals(String.valueOf(people.get("onlyA").asLong()), text("#compare-types tr[data-type='people'] td:nth-child(4)"));
    assertEquals(percent(people.get("accuracyB").asDouble()) + " " + range(people.get("accuracyBInterval"), false),
        text("#compare-types tr[data-type='people'] td:nth-child(8)"));

    JavascriptExecutor js = (JavascriptExecutor) browser;
    wait.until(d -> ((Number) js.executeScript(
        "const c = Chart.getChart('timeline-chart'); return c ? c.data.labels.length : 0;")).intValue() >= 5);
    // The charts' recalls carry their intervals too: the tooltip of each bar and point shows them.
    for (String chart : List.of("category-chart", "timeline-chart")) {
      String label = String.valueOf(js.executeScript("const c = Chart.getChart(arguments[0]);"
          + " const ds = c.data.datasets[0]; const i = ds.data.findIndex(v => v !== null);"
          + " return c.options.plugins.tooltip.callbacks.label({dataset: ds, dataIndex: i, parsed: {y: ds.data[i]}});",
          chart));
      assertTrue(label.matches(".+: \\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\]"), chart + " tooltip: " + label);
    }
    wait.until(d -> !browser.findElements(By.cssSelector("#alerts .signal")).isEmpty());
    wait.until(d -> !browser.findElements(By.cssSelector("#signals-table tbody tr")).isEmpty());
    Thread.sleep(500); // let the charts finish drawing before the picture
    Path screenshot = Path.of("target", "dashboard-screenshot.png");
    Files.createDirectories(screenshot.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
        StandardCopyOption.REPLACE_EXISTING);

    // New evaluations arrive: the page follows without reloading (the marker survives), pushed by the
    // server over Server-Sent Events (the page counts the stream snapshots it applied).
    js.executeScript("window.__noReload = 42;");
    long streamUpdatesBefore = streamUpdates();
    assertTrue(streamUpdatesBefore > 0, "the first numbers came over the event stream");
    produce(start, 20, 30);
    Eventually.await("new evaluations aggregated", Duration.ofSeconds(60),
        () -> allTime(port).get("evaluablePhrases").asLong() == 60);
    JsonNode updated = allTime(port);
    wait.until(d -> "60".equals(text(cell.formatted("evaluablePhrases"))));
    assertEquals(withInterval(updated, "recallAt1"), text(cell.formatted("recallAt1")));
    assertEquals(42L, js.executeScript("return window.__noReload;"));
    assertTrue(streamUpdates() > streamUpdatesBefore, "the update came over the event stream");
    assertEquals("stream", js.executeScript("return document.body.dataset.lastSource;"),
        "no polling fallback was needed");
    assertTrue(Files.size(screenshot) > 10_000, "a real screenshot was written");

    // The image viewer: click one of the old model's latest evaluations; its image is drawn with the
    // two phrases' true boxes and top-1 boxes (2 + 2 rectangles), each phrase labelled hit or miss.
    String row = "#latest-table tr[data-model='" + oldId + "']";
    wait.until(d -> !browser.findElements(By.cssSelector(row)).isEmpty());
    String requestId = String.valueOf(js.executeScript(
        "const r = document.querySelector(arguments[0]); r.click(); return r.dataset.requestId;", row));
    wait.until(d -> ((Number) js.executeScript(
        "return document.querySelectorAll('#viewer-svg rect.box').length;")).intValue() == 4);
    assertEquals(2L, js.executeScript("return document.querySelectorAll('#viewer-svg rect.box.truth').length;"));
    assertEquals(2L, js.executeScript("return document.querySelectorAll('#viewer-legend li').length;"));
    assertTrue(text("#viewer-legend").contains("hit"), text("#viewer-legend"));
    Http.BinaryResponse image = Http.bytes(port, "/api/requests/" + requestId + "/image");
    assertEquals(200, image.status());
    assertEquals("image/png", image.contentType());
    wait.until(d -> Boolean.TRUE.equals(js.executeScript(
        "return document.getElementById('viewer-card').dataset.requestId === arguments[0];", requestId)));
    js.executeScript("document.getElementById('viewer-card').scrollIntoView();");
    Thread.sleep(500); // the <image> decodes asynchronously
    Path viewerShot = Path.of("target", "dashboard-viewer-screenshot.png");
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), viewerShot,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Requests [from, to): old model right on p0 always and on p1 every third request; new model on p0 only. */
  private void produce(Instant start, int from, int to) {
    try (TestTraffic traffic = new TestTraffic(SharedKafka.cluster().bootstrapServers(), SharedKafka.registry())) {
      for (int i = from; i < to; i++) {
        UUID id = EvalRecords.id(run + "-" + i);
        Instant createdAt = start.plusSeconds(30L * i);
        traffic.send(EvalRequests.inline(id, PNG, createdAt));
        traffic.send(truth(id, truthPhrase("p0", PhraseType.people, TARGET),
            truthPhrase("p1", PhraseType.clothing, TARGET)));
        traffic.send(result(id, oldModel, createdAt, 18 + i % 5, predicted("p0", TARGET, 0.9f, PhraseType.people),
            predicted("p1", i % 3 == 0 ? TARGET : MISS, 0.4f, PhraseType.clothing)));
        traffic.send(result(id, newModel, createdAt, 25 + i % 7, predicted("p0", i < 20 ? TARGET : MISS, 0.8f,
            PhraseType.people), predicted("p1", MISS, 0.2f, PhraseType.clothing)));
      }
      traffic.flush();
    }
  }

  private JsonNode allTime(int port) {
    JsonNode answer = Http.json(port, "/api/metrics?model=" + oldId + "&dataset=" + EvalRecords.DATASET
        + "&category=all&window=all-time");
    if (answer.isEmpty()) {
      throw new AssertionError("no aggregate yet");
    }
    return answer.get(0);
  }

  private long streamUpdates() {
    Object count = ((JavascriptExecutor) browser).executeScript("return document.body.dataset.sseUpdates || '0';");
    return Long.parseLong(String.valueOf(count));
  }

  /** Text of the first match, read in one script call: the page replaces its tables on every refresh. */
  private String text(String css) {
    Object text = ((JavascriptExecutor) browser).executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", css);
    return String.valueOf(text);
  }

  /** The recall table's cell: the accuracy and its interval from the snapshot, "72.0% [65.1, 78.0]". */
  private static String withInterval(JsonNode snapshot, String metric) {
    return percent(snapshot.get(metric).asDouble()) + " " + range(snapshot.path("intervals").get(metric), false);
  }

  /** The dashboard's interval format: "[65.1, 78.0]", or "[-3.2, +4.0]" with signs for a difference. */
  private static String range(JsonNode interval, boolean signed) {
    String format = signed ? "[%+.1f, %+.1f]" : "[%.1f, %.1f]";
    return String.format(Locale.ROOT, format, interval.get("lower").asDouble() * 100,
        interval.get("upper").asDouble() * 100);
  }

  /** The dashboard's format: JavaScript's (x * 100).toFixed(1) + '%'. */
  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }
}
