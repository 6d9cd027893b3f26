package dev.groundstream.schemas.registry.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that speaks the Confluent Schema Registry REST protocol and keeps everything
 * in a compacted Kafka topic. Several instances on one cluster agree on ids and versions.
 *
 * <pre>{@code
 * SchemaRegistryServer server = SchemaRegistryServer.start(config);
 * String url = server.url();   // http://127.0.0.1:PORT
 * server.close();
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final long HTTP_TIMEOUT_SECONDS = 30;
  private static final long CLAIM_SWEEP_MILLIS = 60_000;

  private final Vertx vertx;
  private final KafkaRegistryStore store;
  private final HttpServer http;
  private final String url;
  private boolean closed;

  private SchemaRegistryServer(Vertx vertx, KafkaRegistryStore store, HttpServer http,
      String url) {
    this.vertx = vertx;
    this.store = store;
    this.http = http;
    this.url = url;
  }

  /**
   * Creates the topic if missing, reads it to its end, then serves HTTP. Returns once serving.
   *
   * @throws IllegalStateException when Kafka or the port cannot be used
   */
  public static SchemaRegistryServer start(SchemaRegistryServerConfig config) {
    return start(config, RegistryWriteAuth.none());
  }

  /** As {@link #start(SchemaRegistryServerConfig)}, with writes behind {@code auth}. */
  public static SchemaRegistryServer start(SchemaRegistryServerConfig config, RegistryWriteAuth auth) {
    RegistryState state = new RegistryState();
    KafkaRegistryStore store =
        new KafkaRegistryStore(config.kafkaClientProps(), config.topic(), state);
    Vertx vertx = null;
    try {
      store.start();
      Object writeLock = new Object();
      SchemaRegistryService service = new SchemaRegistryService(state, store, writeLock);
      RegistrySettings settings = new RegistrySettings(state, store, service, writeLock);
      service.withdrawAbandonedClaims();
      vertx = Vertx.vertx();
      scheduleClaimSweeps(vertx, service);
      HttpServerOptions options = new HttpServerOptions();
      config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(
          new PfxOptions().setValue(Buffer.buffer(tls.pkcs12())).setPassword(tls.password())));
      HttpServer http = vertx.createHttpServer(options)
          .requestHandler(auth.guard(new RegistryRoutes(vertx, service, settings).router()))
          .listen(config.port(), config.host())
          .toCompletionStage().toCompletableFuture()
          .get(HTTP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      String url = (config.tls().isPresent() ? "https://" : "http://") + reachableHost(config.host()) + ":" + http.actualPort();
      LOG.info("Schema registry serving {} from topic {} (Kafka {})", url, config.topic(),
          config.describableKafkaClientProps());
      return new SchemaRegistryServer(vertx, store, http, url);
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      closeQuietly(vertx, store);
      throw new IllegalStateException("Schema registry failed to start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(vertx, store);
      throw new IllegalStateException("Interrupted while starting the schema registry", e);
    }
  }

  private static void scheduleClaimSweeps(Vertx vertx, SchemaRegistryService service) {
    vertx.setPeriodic(CLAIM_SWEEP_MILLIS, timer -> vertx.executeBlocking(() -> {
      service.sweepAbandonedClaims();
      return null;
    }, false).onFailure(e -> LOG.warn("Sweeping abandoned registry claims failed", e)));
  }

  /** A wildcard bind address is reached through the loopback interface. */
  private static String reachableHost(String host) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  public int port() {
    return http.actualPort();
  }

  /** For example {@code http://127.0.0.1:8081} ({@code https://} with TLS), without a trailing slash. */
  public String url() {
    return url;
  }

  /** Stops HTTP and the Kafka clients; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(vertx, store);
    LOG.info("Schema registry at {} stopped", url);
  }

  private static void closeQuietly(Vertx vertx, KafkaRegistryStore store) {
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture()
            .get(HTTP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("Stopping HTTP failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      store.close();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the Kafka clients failed", e);
    }
  }
}
