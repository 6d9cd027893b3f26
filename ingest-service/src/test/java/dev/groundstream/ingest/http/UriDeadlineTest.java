package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.HttpCalls.json;
import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real local server that answers 200 and then drips one byte at a time: the fetch is cut at the
 * total URI deadline (not only the headers' timeout), the connection is dropped, and while the drips
 * are in flight they hold no decode thread — an inline upload on a service with a single decode
 * thread is answered before any of them.
 */
@ExtendWith(SharedIngestHarness.class)
class UriDeadlineTest {
  private static final int DRIPS = 3;

  /** Accepts connections, sends headers for 100 kB and then one byte every 200 ms until cut off. */
  private static final class DripServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final CountDownLatch accepted = new CountDownLatch(DRIPS);
    final CountDownLatch cut = new CountDownLatch(DRIPS);
    final List<Thread> threads = new ArrayList<>();

    DripServer() throws IOException {
      Thread acceptor = new Thread(this::acceptLoop, "drip-accept");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void acceptLoop() {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          accepted.countDown();
          Thread t = new Thread(() -> drip(client), "drip");
          t.setDaemon(true);
          threads.add(t);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void drip(Socket client) {
      try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
        int matched = 0;
        while (matched < 4) { // read up to the end of the request headers
          int b = in.read();
          if (b < 0) {
            return;
          }
          matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < 300; i++) { // a minute at most
          out.write(0x89);
          out.flush();
          Thread.sleep(200);
        }
      } catch (IOException e) {
        cut.countDown(); // the client hung up: the fetch was abandoned
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    String uri() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/slow.png";
    }

    @Override
    public void close() throws IOException {
      socket.close();
      threads.forEach(Thread::interrupt);
    }
  }

  @Test
  void drippingServerIsCutAtTheDeadlineAndHoldsNoDecodeThread(IngestHarness harness) throws Exception {
    try (DripServer drip = new DripServer();
        IngestService service = harness.startAnother(Map.of(IngestConfig.URI_ALLOW_PRIVATE, "true",
            IngestConfig.URI_TIMEOUT_MS, "6000", IngestConfig.DECODE_THREADS, "1"))) {
      HttpCalls http = new HttpCalls(service.port());
      String body = new JsonObject().put("caption", "A slow cat")
          .put("image", new JsonObject().put("uri", drip.uri())).encode();
      List<CompletableFuture<HttpResponse<String>>> drips = new ArrayList<>();
      for (int i = 0; i < DRIPS; i++) {
        drips.add(http.client.sendAsync(HttpRequest.newBuilder(URI.create(http.base + "/v1/requests"))
            .timeout(Duration.ofSeconds(60)).header("content-type", "application/json").header("X-API-Key", ACME_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
      }
      // All three fetch at once although there is one decode thread: fetching holds none.
      assertTrue(drip.accepted.await(30, TimeUnit.SECONDS), "the drip server saw every fetch start");

      HttpResponse<String> inline = http.postImage(ACME_KEY, TestImages.png(32, 32), new JsonObject()
          .put("caption", "A red square").put("phrases", new io.vertx.core.json.JsonArray()
              .add(new JsonObject().put("start", 0).put("end", 12))));
      assertEquals(202, inline.statusCode(), inline.body());
      assertTrue(drips.stream().noneMatch(CompletableFuture::isDone), "the inline upload did not wait for the drips");

      for (CompletableFuture<HttpResponse<String>> pending : drips) {
        HttpResponse<String> response = pending.get(60, TimeUnit.SECONDS);
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("uri_timeout", json(response).getJsonObject("error").getString("reason"));
      }
      assertTrue(drip.cut.await(30, TimeUnit.SECONDS), "every dripping connection was closed by the service");
    }
  }

  @Test
  void aRepeatedUriUploadIsReplayedWithoutFetchingAgain(IngestHarness harness) throws Exception {
    byte[] png = TestImages.png(40, 30);
    java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer images = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    images.createContext("/cat.png", exchange -> {
      fetches.incrementAndGet();
      exchange.sendResponseHeaders(200, png.length);
      exchange.getResponseBody().write(png);
      exchange.close();
    });
    images.start();
    try (IngestService service = harness.startAnother(Map.of(IngestConfig.URI_ALLOW_PRIVATE, "true"))) {
      HttpCalls http = new HttpCalls(service.port());
      String body = new JsonObject().put("caption", "A cat").put("clientRequestId", "uri-repeat-" + System.nanoTime())
          .put("image", new JsonObject().put("uri", "http://127.0.0.1:" + images.getAddress().getPort() + "/cat.png"))
          .encode();
      HttpResponse<String> first = http.postJson("/v1/requests", ACME_KEY, body);
      assertEquals(202, first.statusCode(), first.body());
      HttpResponse<String> again = http.postJson("/v1/requests", ACME_KEY, body);
      assertEquals(202, again.statusCode(), again.body());
      assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
      assertEquals(json(first).getString("requestId"), json(again).getString("requestId"));
      assertEquals(1, fetches.get(), "the repeat was answered from the first upload, not fetched again");
    } finally {
      images.stop(0);
    }
  }
}
