package dev.groundstream.ingest;

import dev.groundstream.ingest.http.ApiKeyAuthHandler;
import dev.groundstream.ingest.http.FailureResponder;
import dev.groundstream.ingest.http.HealthHandler;
import dev.groundstream.ingest.http.IngestDependencies;
import dev.groundstream.ingest.http.IngestMetrics;
import dev.groundstream.ingest.http.IngestRouter;
import dev.groundstream.ingest.http.LabelsHandler;
import dev.groundstream.ingest.http.RequestsHandler;
import dev.groundstream.ingest.http.ResultHandler;
import dev.groundstream.ingest.http.TenantRateLimitHandler;
import dev.groundstream.ingest.http.UploadParser;
import dev.groundstream.ingest.images.AddressPolicy;
import dev.groundstream.config.S3Clients;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ClaimCheckStore;
import dev.groundstream.ingest.images.S3BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.images.ImageValidator;
import dev.groundstream.ingest.images.UriImageFetcher;
import dev.groundstream.ingest.index.AcceptedIndexTail;
import dev.groundstream.ingest.kafka.GroundingProducer;
import dev.groundstream.ingest.phrases.CaptionPhraser;
import dev.groundstream.ingest.requests.AcceptedIndexWriter;
import dev.groundstream.ingest.requests.LabelIngestor;
import dev.groundstream.ingest.requests.PhraseValidator;
import dev.groundstream.ingest.requests.RequestIngestor;
import dev.groundstream.ingest.requests.RequestStore;
import dev.groundstream.ingest.results.ResultStore;
import dev.groundstream.ingest.results.ResultsTail;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest HTTP service: {@link #start(IngestConfig)} creates the topics if asked, opens the
 * Kafka producer, loads the idempotency index and the NLP models and listens; {@link #close()}
 * stops it all. Usable from tests.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final Vertx vertx;
  private final HttpServer server;
  private final WorkerExecutor workers;
  private final GroundingProducer producer;
  private final AcceptedIndexTail index;
  private final AcceptedIndexWriter indexWriter;
  private final ResultsTail resultsTail;
  private final Admin admin;
  private IngestDependencies dependencies;

  private IngestService(Vertx vertx, HttpServer server, WorkerExecutor workers, GroundingProducer producer,
      AcceptedIndexTail index, AcceptedIndexWriter indexWriter, ResultsTail resultsTail, Admin admin) {
    this.vertx = vertx;
    this.server = server;
    this.workers = workers;
    this.producer = producer;
    this.index = index;
    this.indexWriter = indexWriter;
    this.resultsTail = resultsTail;
    this.admin = admin;
  }

  public static IngestService start(IngestConfig config) throws Exception {
    if (config.apiKeyHashes().isEmpty()) {
      LOG.warn("No API keys configured ({}): every /v1 call will answer 401", IngestConfig.API_KEYS);
    }
    Admin admin = Admin.create(config.kafka().clientProperties());
    Vertx vertx = null;
    GroundingProducer producer = null;
    AcceptedIndexTail index = null;
    AcceptedIndexWriter indexWriter = null;
    ResultsTail resultsTail = null;
    IngestDependencies dependencies = null;
    try {
      if (config.createTopics()) {
        TopicCreator.createMissing(admin, List.of(Topics.REQUESTS_SPEC, Topics.TRUTH_SPEC, Topics.INGEST_ACCEPTED_SPEC,
            Topics.RESULTS_SPEC));
      }
      SchemaRegistryClient registry = SchemaRegistryClients.shared(config.registry());
      producer = new GroundingProducer(config.kafka(), registry, config.registry().autoRegister(), Map.of());
      RequestStore store = new RequestStore(config.idempotencyCacheSize());
      index = AcceptedIndexTail.start(config.kafka(), registry, store); // loads while the NLP models load
      ResultStore results = new ResultStore(config.resultsCacheSize());
      resultsTail = ResultsTail.start(config.kafka(), registry, results, config.resultsLookback());
      CaptionPhraser phraser = CaptionPhraser.shared(); // loads OpenNLP and WordNet now, not on the first upload
      vertx = Vertx.vertx();
      WorkerExecutor workers = vertx.createSharedWorkerExecutor("ingest-decode", config.decodeThreads());
      IngestMetrics metrics = new IngestMetrics();
      dependencies = new IngestDependencies(config.kafka(), registry, metrics);
      FailureResponder failures = new FailureResponder(metrics);
      indexWriter = new AcceptedIndexWriter(producer, metrics::indexWriteFailed);
      Clock clock = Clock.systemUTC();
      RequestIngestor ingestor = new RequestIngestor(
          new ImageValidator(config.imageMaxBytes(), config.imageBudget()),
          new UriImageFetcher(new AddressPolicy(config.uriAllowPrivate()), config.uriFileRoots(), config.imageMaxBytes(),
              config.uriTimeout()),
          new ImageRefFactory(config.imageInlineMaxBytes(), claimChecks(config)),
          new PhraseValidator(config.maxPhrases()), () -> phraser, producer, store, indexWriter, clock,
          config.maxCaptionChars());
      IngestRouter.Handlers handlers = new IngestRouter.Handlers(
          new ApiKeyAuthHandler(config.apiKeyHashes(), metrics),
          new TenantRateLimitHandler(config.rateLimitPerSecond(), config.rateLimitBurst(), metrics),
          new RequestsHandler(workers, new UploadParser(), ingestor, store, metrics, failures),
          new LabelsHandler(new LabelIngestor(store, producer, indexWriter, clock), metrics, failures),
          new ResultHandler(store, results, config.resultsWaitMax(), failures),
          new HealthHandler(admin, registry, workers, index, dependencies.health()), metrics, failures);
      // Listen only once earlier uploads are known, or a repeat could slip through right after a restart.
      if (!index.awaitLoaded(config.idempotencyLoadTimeout())) {
        LOG.warn("{} not loaded within {}; serving anyway, /health answers 503 until it is", Topics.INGEST_ACCEPTED,
            config.idempotencyLoadTimeout());
      }
      // base64 JSON is 4/3 of the image, plus room for the metadata.
      long bodyLimit = config.imageMaxBytes() * 4 / 3 + 1024 * 1024;
      HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port());
      config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(
          new PfxOptions().setValue(Buffer.buffer(tls.pkcs12())).setPassword(tls.password())));
      HttpServer server = vertx.createHttpServer(options)
          .requestHandler(IngestRouter.create(vertx, handlers, bodyLimit))
          .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      LOG.info("Ingest service listening on {}://{}:{} with {}", config.tls().isPresent() ? "https" : "http",
          config.host(), server.actualPort(), config);
      IngestService service = new IngestService(vertx, server, workers, producer, index, indexWriter, resultsTail, admin);
      service.dependencies = dependencies;
      return service;
    } catch (Exception | Error e) {
      if (dependencies != null) {
        dependencies.close();
      }
      if (vertx != null) {
        vertx.close();
      }
      if (index != null) {
        index.close();
      }
      if (resultsTail != null) {
        resultsTail.close();
      }
      if (indexWriter != null) {
        indexWriter.close();
      }
      if (producer != null) {
        producer.close();
      }
      admin.close();
      throw e;
    }
  }

  /** An s3:// bucket when configured (GROUNDSTREAM_BLOB_URL), else the blob.dir folder. */
  private static ClaimCheckStore claimChecks(IngestConfig config) {
    return config.s3Blobs().<ClaimCheckStore>map(b -> new S3BlobStore(b, S3Clients.create(b)))
        .orElseGet(() -> new BlobStore(config.blobDir()));
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("HTTP server did not close cleanly: {}", e.toString());
    }
    workers.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.toString());
    }
    index.close();
    resultsTail.close();
    indexWriter.close();
    producer.close();
    admin.close();
    dependencies.close();
  }
}
