package dev.groundstream.eval;

import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.http.EvalApi;
import dev.groundstream.eval.http.EvalHttpServer;
import dev.groundstream.eval.query.ClusterQueries;
import dev.groundstream.eval.query.KafkaStreamsStoreAccess;
import dev.groundstream.eval.query.LocalQueries;
import dev.groundstream.eval.streams.EvalCounters;
import dev.groundstream.eval.streams.EvalSerdes;
import dev.groundstream.eval.streams.EvalTopology;
import dev.groundstream.eval.streams.StreamsProperties;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.Topics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running eval service: HTTP server (API, dashboard, health, Prometheus) plus the Kafka Streams
 * application. {@link #start} returns once both are started (Streams may still be rebalancing; see
 * /health); {@link #close} stops both. Several instances with the same application id share the work
 * and answer each other's queries.
 */
public final class EvalService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EvalService.class);
  private final Vertx vertx;
  private final EvalHttpServer http;
  private final KafkaStreams streams;
  private final ExecutorService queryThreads;
  private final KafkaStreamsMetrics streamsMetrics;
  private EvalDependencies dependencies;

  private EvalService(Vertx vertx, EvalHttpServer http, KafkaStreams streams, ExecutorService queryThreads,
      KafkaStreamsMetrics streamsMetrics) {
    this.vertx = vertx;
    this.http = http;
    this.streams = streams;
    this.queryThreads = queryThreads;
    this.streamsMetrics = streamsMetrics;
  }

  public static EvalService start(EvalConfig config) {
    if (config.createTopics()) {
      createTopics(config);
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EvalCounters counters = new EvalCounters(prometheus);
    Vertx vertx = Vertx.vertx();
    EvalHttpServer http;
    try {
      http = EvalHttpServer.start(vertx, config.httpHost(), config.httpPort(), prometheus, config.apiAccess(), config.tls());
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
    HostInfo self = new HostInfo(config.advertisedHttpHost(), http.port());
    EvalSerdes serdes = EvalSerdes.of(config.registry());
    KafkaStreams streams = new KafkaStreams(new EvalTopology(config, serdes, counters).build(),
        StreamsProperties.of(config, self.host() + ":" + self.port(), counters));
    // A failing record must not silently stop the service: replace the thread and keep going.
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("Stream thread failed; replacing it", error);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(prometheus);
    ExecutorService queryThreads = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "eval-query");
      thread.setDaemon(true);
      return thread;
    });
    LocalQueries local = new LocalQueries(new KafkaStreamsStoreAccess(streams), config);
    ClusterQueries cluster = new ClusterQueries(streams, self, queryThreads);
    config.apiAccess().ifPresent(access -> cluster.peerToken(access.peerToken()));
    if (config.tls().isPresent()) {
      cluster.useHttps();
    }
    http.attach(new EvalApi(config, local, cluster, serdes.requestKey().serializer()), streams::state);
    EvalDependencies dependencies = new EvalDependencies(config, prometheus);
    http.dependencies(dependencies.health());
    streams.start();
    LOG.info("Eval service {} started: {}://{}:{} ({})", config.applicationId(), config.tls().isPresent() ? "https" : "http",
        self.host(), self.port(), config.processingGuarantee());
    EvalService service = new EvalService(vertx, http, streams, queryThreads, streamsMetrics);
    service.dependencies = dependencies;
    return service;
  }

  private static void createTopics(EvalConfig config) {
    try (Admin admin = Admin.create(config.kafka().clientProperties())) {
      TopicCreator.createMissing(admin, Topics.ALL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int httpPort() {
    return http.port();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    dependencies.close();
    streamsMetrics.close();
    http.close();
    queryThreads.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
