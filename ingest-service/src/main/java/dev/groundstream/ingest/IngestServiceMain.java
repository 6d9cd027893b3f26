package dev.groundstream.ingest;

import dev.groundstream.config.settings.ServiceRunner;

/** {@code java -cp ... dev.groundstream.ingest.IngestServiceMain [--key=value ...]}; settings in docs/http-api.md. */
public final class IngestServiceMain {
  private IngestServiceMain() {}

  public static void main(String[] args) throws Exception {
    ServiceRunner.run("ingest-service", IngestSettings.SETTINGS, args, a -> {
      IngestService service = IngestService.start(IngestConfig.fromEnvironment(System.getenv(), a));
      return service::close;
    });
  }
}
