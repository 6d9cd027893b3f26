package dev.groundstream.ingest;

import java.util.concurrent.CountDownLatch;

/** {@code java -cp ... dev.groundstream.ingest.IngestServiceMain [--key=value ...]}; settings in docs/http-api.md. */
public final class IngestServiceMain {
  private IngestServiceMain() {}

  public static void main(String[] args) throws Exception {
    IngestConfig config = IngestConfig.fromEnvironment(System.getenv(), args);
    IngestService service = IngestService.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "ingest-shutdown"));
    stopped.await();
  }
}
