package dev.groundstream.ingest.bench;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.ingest.images.ImageValidation;
import dev.groundstream.ingest.images.ImageValidator;
import dev.groundstream.ingest.images.Sha256;
import dev.groundstream.ingest.kafka.GroundingProducer;
import dev.groundstream.ingest.requests.AcceptedIndexWriter;
import dev.groundstream.ingest.requests.AcceptedRequest;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.testing.KafkaTestCluster;
import dev.groundstream.testing.OsThreadCpu;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: measures accepted uploads/s and latency of POST /v1/requests with ~100 KB JPEGs
 * over loopback against a bare KafkaProducer writing the same GroundingRequest payloads, in the
 * same JVM and run, on the in-process broker and our registry. See docs/benchmark.md.
 *
 * <p>Args: [requests per phase, default 3000] [concurrency, default 16] [warm-up sends per phase, default 500]
 * [image validation: structure (default) or full].
 */
public final class IngestBenchmark {
  private static final String KEY = "bench-key";
  /** Noise barely compresses: 320x320 at quality 0.92 gives ~100 KB JPEGs. */
  private static final int SIDE = 320;
  private static final String CAPTION = "A man in a red shirt walks a brown dog";

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    // Sends before each timed phase: broker, registry, Vert.x and clients share one JVM, and its JIT
    // compiler keeps a core busy for tens of seconds; a short warm-up measures the compiler.
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    ImageValidation mode = ImageValidation.parse(args.length > 3 ? args[3] : "structure");
    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      images.add(TestImages.noisyJpeg(SIDE, SIDE, i, 0.92f));
    }
    double meanKb = images.stream().mapToInt(b -> b.length).average().orElseThrow() / 1024;
    try (KafkaTestCluster kafka = KafkaTestCluster.start();
         SchemaRegistryServer registry = SchemaRegistryServer.start(
             SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()))) {
      IngestConfig config = IngestConfig.of(KafkaConnection.of(kafka.bootstrapServers()),
          RegistryConnection.of(registry.url()), Map.of(
              IngestConfig.HOST, "127.0.0.1", IngestConfig.PORT, "0", IngestConfig.IMAGE_VALIDATION, mode.toString(),
              IngestConfig.BLOB_DIR, Files.createTempDirectory("bench-blobs").toString(),
              IngestConfig.API_KEYS, "bench:" + Sha256.hex(KEY),
              IngestConfig.RATE_LIMIT_PER_SECOND, "1000000", IngestConfig.RATE_LIMIT_BURST, "1000000"));
      try (IngestService service = IngestService.start(config);
           GroundingProducer bare = new GroundingProducer(config.kafka(),
               SchemaRegistryClients.shared(config.registry()), true, Map.of());
           AcceptedIndexWriter index = new AcceptedIndexWriter(bare, () -> { })) {
        // HTTP/1.1, as upload clients use; the JDK client would otherwise try an h2c upgrade.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = "http://127.0.0.1:" + service.port() + "/v1/requests";
        System.out.printf("payload: %d distinct JPEGs %dx%d, mean %.1f KB; %d requests per phase after %d warm-up,"
                + " concurrency %d, %d CPUs, image-validation %s%n", images.size(), SIDE, SIDE, meanKb, requests, warmUp,
            concurrency, Runtime.getRuntime().availableProcessors(), mode);

        decodeAlone(images, warmUp, mode);
        double decodeMs = decodeAlone(images, requests, mode);
        System.out.printf("validation alone (ImageValidator, %s, 1 thread)  %.3f ms per image = %.0f/s per core%n",
            mode, decodeMs, 1000 / decodeMs);

        runBare(bare, null, images, warmUp, concurrency * 4); // warm-up
        OsThreadCpu beforeBare = OsThreadCpu.snapshot();
        Result bareResult = runBare(bare, null, images, requests, concurrency * 4);
        print("bare KafkaProducer", bareResult);
        System.out.println("  its CPU by OS thread name: " + OsThreadCpu.snapshot().sharesSince(beforeBare, 8));
        // The service's Kafka path since the idempotency index: request ack, then index record ack.
        runBare(bare, index, images, warmUp, concurrency * 4); // warm-up
        Result indexed = runBare(bare, index, images, requests, concurrency * 4);
        print("bare KafkaProducer + index record", indexed);
        // One in flight: the added latency of the index round trip itself, without queueing.
        int sequential = Math.min(requests, 300);
        Result one = runBare(bare, null, images, sequential, 1);
        print("bare KafkaProducer, 1 in flight", one);
        Result oneIndexed = runBare(bare, index, images, sequential, 1);
        print("bare + index record, 1 in flight", oneIndexed);

        runHttp(http, url, images, warmUp, concurrency, 0); // warm-up
        OsThreadCpu beforeHttp = OsThreadCpu.snapshot();
        Result httpMax = runHttp(http, url, images, requests, concurrency, 0);
        print("HTTP POST /v1/requests, max", httpMax);
        System.out.println("  its CPU by OS thread name: " + OsThreadCpu.snapshot().sharesSince(beforeHttp, 12));

        double half = httpMax.perSecond() / 2;
        Result httpHalf = runHttp(http, url, images, (int) Math.min(requests, half * 20), concurrency * 4, half);
        print(String.format("HTTP at half max (%.0f/s offered)", half), httpHalf);
        // The bare phase again, JIT settled: the first one still shares a core with the compiler
        // (over a third of the CPU in loaded runs), which flatters the ratio.
        Result bareAfter = runBare(bare, null, images, requests, concurrency * 4);
        print("bare KafkaProducer, again after HTTP", bareAfter);
        double bareBest = Math.max(bareResult.perSecond(), bareAfter.perSecond());
        System.out.printf("ratio HTTP max / bare producer: %.2f (against the first bare phase %.2f)%n",
            httpMax.perSecond() / bareBest, httpMax.perSecond() / bareResult.perSecond());
      }
    }
  }

  /** Mean milliseconds of the service's validation (header, pixel cap, structure walk or full decode) per image. */
  private static double decodeAlone(List<byte[]> images, int n, ImageValidation mode) {
    ImageValidator validator = new ImageValidator(Long.MAX_VALUE, Long.MAX_VALUE, mode);
    long start = System.nanoTime();
    long pixels = 0;
    for (int i = 0; i < n; i++) {
      pixels += validator.validate(images.get(i % images.size())).width();
    }
    if (pixels == 0) {
      throw new IllegalStateException("nothing decoded");
    }
    return (System.nanoTime() - start) / 1e6 / n;
  }

  record Result(int ok, int failed, double seconds, LatencyRecorder latency) {
    double perSecond() {
      return ok / seconds;
    }
  }

  private static void print(String name, Result r) {
    System.out.printf("%-40s %6d ok %4d failed %8.1f /s  p50 %7.2f ms  p99 %7.2f ms%n", name, r.ok(), r.failed(),
        r.perSecond(), r.latency().percentileMillis(0.50), r.latency().percentileMillis(0.99));
  }

  /**
   * The same record the service would write: inline image, caption, phrases; with {@code index},
   * followed (after its ack) by the request's index record as the service writes it.
   */
  private static Result runBare(GroundingProducer producer, AcceptedIndexWriter index, List<byte[]> images, int n,
      int inFlight) throws Exception {
    Semaphore permits = new Semaphore(inFlight);
    LatencyRecorder latency = new LatencyRecorder();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      byte[] image = images.get(i % images.size());
      permits.acquire();
      long t0 = System.nanoTime();
      // Building the record (sha256 included) is part of the bare path too, as in the service.
      GroundingRequest request = GroundingRequest.newBuilder().setRequestId(UUID.randomUUID()).setCreatedAt(Instant.now())
          .setImage(ImageRef.newBuilder().setInline(ByteBuffer.wrap(image)).setSha256(Sha256.hex(image))
              .setWidth(SIDE).setHeight(SIDE).setSizeBytes(image.length).build())
          .setCaption(CAPTION).setPhrases(phrases()).build();
      CompletableFuture<?> sent = index == null ? producer.sendRequest(request)
          : producer.sendRequest(request).thenCompose(m -> index.write(new AcceptedRequest(
              GroundingRequest.newBuilder(request).setImage(ImageRef.newBuilder(request.getImage()).setInline(null).build())
                  .build(), "bench", m.partition(), m.offset(), Instant.now(), null)));
      sent.whenComplete((m, e) -> {
        latency.record(System.nanoTime() - t0);
        (e == null ? ok : failed).incrementAndGet();
        permits.release();
      });
    }
    permits.acquire(inFlight);
    return new Result(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latency);
  }

  /** Closed loop ({@code ratePerSecond <= 0}, {@code concurrency} in flight) or open loop at a fixed rate. */
  private static Result runHttp(HttpClient http, String url, List<byte[]> images, int n, int concurrency,
      double ratePerSecond) throws Exception {
    Semaphore permits = new Semaphore(concurrency);
    LatencyRecorder latency = new LatencyRecorder();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> calls = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (ratePerSecond > 0) {
        long due = start + (long) (i * 1e9 / ratePerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      permits.acquire();
      HttpRequest request = multipart(url, images.get(i % images.size()));
      long t0 = System.nanoTime();
      calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        latency.record(System.nanoTime() - t0);
        (e == null && r.statusCode() == 202 ? ok : failed).incrementAndGet();
        permits.release();
      }));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    return new Result(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latency);
  }

  private static List<Phrase> phrases() {
    return List.of(
        Phrase.newBuilder().setPhraseId("p0").setText("A man").setCharStart(0).setCharEnd(5).build(),
        Phrase.newBuilder().setPhraseId("p1").setText("a red shirt").setCharStart(9).setCharEnd(20).build(),
        Phrase.newBuilder().setPhraseId("p2").setText("a brown dog").setCharStart(27).setCharEnd(38).build());
  }

  private static HttpRequest multipart(String url, byte[] image) {
    String metadata = "{\"caption\":\"" + CAPTION + "\",\"phrases\":[{\"start\":0,\"end\":5},{\"start\":9,\"end\":20},"
        + "{\"start\":27,\"end\":38}]}";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadata
        + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"i.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(image);
    body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("content-type", "multipart/form-data; boundary=b0undary").header("X-API-Key", KEY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }
}
