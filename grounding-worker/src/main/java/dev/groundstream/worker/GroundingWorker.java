package dev.groundstream.worker;

import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.model.LabelMatchScorer;
import dev.groundstream.worker.model.PhraseProposalScorer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grounding worker's lifecycle: loads the model, runs the consume loop on its own thread and
 * stops it (gracefully, or like a crash in tests). The loop takes records from a
 * {@link RequestIntake} (live stream or replay), queues them in a {@link PendingQueue} while they
 * are prepared on a bounded pool, grounds due batches with a {@link BatchGrounder} and writes each
 * batch with its offsets through a {@link TransactionalWriter} (exactly-once).
 */
public final class GroundingWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroundingWorker.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(100);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
  private static final long LAG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final WorkerConfig config;
  private final GroundingModel model;
  private final String groupId;
  private final RequestIntake intake;
  private final WorkerMetrics metrics;
  private final ResultAssembler assembler;
  private final BatchGrounder grounder;
  private final RequestPreparer preparer;
  private final ExecutorService preparePool;
  private final PendingQueue queue;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread loopThread;
  private WorkerHttpServer http;
  private WorkerDependencies dependencies;

  private volatile boolean stopping;
  private volatile boolean halted;
  private volatile boolean running;
  private volatile Throwable failure;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile OutcomeCounts outcomes = OutcomeCounts.NONE;
  private long lastLagNanos;

  private GroundingWorker(WorkerConfig config, GroundingModel model, String groupId, RequestIntake intake) {
    this.config = config;
    this.model = model;
    this.groupId = groupId;
    this.intake = intake;
    this.assembler = new ResultAssembler(model);
    this.metrics = new WorkerMetrics(assembler.modelId(), model.provider().label());
    this.grounder = new BatchGrounder(model, assembler, metrics);
    this.queue = new PendingQueue(config.maxBatchSize(), config.maxQueueDelay(), config.queueCapacity());
    SchemaRegistryClient registry = SchemaRegistryClients.shared(config.registry());
    // The intake's dataset filter is applied on the prepare pool, right after the Avro decode.
    this.preparer = new RequestPreparer(Topics.REQUESTS_SPEC.valueDeserializer(registry),
        new ImageSource(config.blobDir(), config.s3Blobs().map(S3ImageReader::open)), model.preprocessor(),
        intake::grounds);
    AtomicInteger threadNo = new AtomicInteger();
    this.preparePool = Executors.newFixedThreadPool(config.preprocessThreads(), r -> {
      Thread t = new Thread(r, "grounding-preprocess-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.loopThread = new Thread(this::runLoop, "grounding-worker-" + groupId);
  }

  /** Loads the model of {@code config} and starts consuming the live stream. */
  public static GroundingWorker start(WorkerConfig config) throws Exception {
    return start(config, new LabelMatchScorer());
  }

  public static GroundingWorker start(WorkerConfig config, PhraseProposalScorer scorer) throws Exception {
    GroundingModel model = GroundingModels.load(config.modelDir(), config.ort(), config.ranking(), scorer);
    String group = config.groupId().orElse(model.card().consumerGroup());
    return new GroundingWorker(config, model, group, RequestIntake.live(LiveSubscription.Start.BEGINNING)).begin();
  }

  /** The live stream, starting at {@code start} when the model's consumer group has no offsets yet. */
  public static GroundingWorker start(WorkerConfig config, LiveSubscription.Start start) throws Exception {
    GroundingModel model = GroundingModels.load(config.modelDir(), config.ort(), config.ranking(), new LabelMatchScorer());
    String group = config.groupId().orElse(model.card().consumerGroup());
    return new GroundingWorker(config, model, group, RequestIntake.live(start)).begin();
  }

  /**
   * Replays grounding.requests in {@code range} through the model under a fresh consumer group
   * (unless the config names one: then it continues that group's replay), then stops by itself
   * once every record in range has a committed outcome; {@code progress} follows every commit.
   */
  public static GroundingWorker startReplay(WorkerConfig config, ReplayRange range, ReplayProgress progress)
      throws Exception {
    GroundingModel model = GroundingModels.load(config.modelDir(), config.ort(), config.ranking(), new LabelMatchScorer());
    String group = config.groupId().orElse(model.card().consumerGroup() + ".replay-" + System.currentTimeMillis());
    return new GroundingWorker(config, model, group, RequestIntake.replay(range, progress)).begin();
  }

  private GroundingWorker begin() throws Exception {
    dependencies = new WorkerDependencies(config, metrics);
    if (config.httpPort() >= 0) {
      http = new WorkerHttpServer(config.httpHost(), config.httpPort(), config.tls(), this::isRunning, this::healthJson,
          metrics::scrape);
    }
    LOG.info("Grounding worker for model {} ({}) on {}: group {}, max batch {}, max queue delay {} ms",
        assembler.modelId(), model.card().kind().cardName(), model.provider().label(), groupId,
        config.maxBatchSize(), config.maxQueueDelay().toMillis());
    loopThread.start();
    return this;
  }

  public String groupId() {
    return groupId;
  }

  /** name:version of the model, as results carry it. */
  public String modelId() {
    return assembler.modelId();
  }

  public String provider() {
    return model.provider().label();
  }

  /** True from the moment the loop has attached its intake until it ends. */
  public boolean isRunning() {
    return running;
  }

  /** The broker's and the registry's state as the worker sees them (what /health reports). */
  public dev.groundstream.health.DependencyHealth dependencyHealth() {
    return dependencies.health();
  }

  public WorkerMetrics metrics() {
    return metrics;
  }

  /** Outcomes committed so far: results, dead letters, skipped records. */
  public OutcomeCounts outcomes() {
    return outcomes;
  }

  /** The /health and /metrics port, or -1 when disabled. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** Blocks until the loop ends (replay done, stop, halt or failure); true if it ended in time. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Why the loop ended, if it failed. */
  public Throwable failure() {
    return failure;
  }

  /**
   * Simulates a crash for tests: the loop stops at its next step, leaving an open transaction
   * uncommitted (its results are never visible to read_committed consumers) and its offsets
   * uncommitted, exactly like a killed process; the consumer still leaves the group so that a
   * restarted worker does not wait for the session timeout.
   */
  public void halt() throws InterruptedException {
    halted = true;
    wakeUp();
    loopThread.join();
    closeResources();
  }

  /** Graceful stop: pending requests are finished and committed, then everything is closed. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    wakeUp();
    loopThread.join();
    closeResources();
  }

  private void wakeUp() {
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  private void closeResources() {
    preparePool.shutdownNow();
    dependencies.close();
    if (http != null) {
      http.close();
    }
    try {
      model.close();
    } catch (Exception e) {
      LOG.warn("Closing the model failed: {}", e.toString());
    }
  }

  private String healthJson() {
    return "{\"status\":\"" + dependencies.status(running) + "\",\"model\":\"" + assembler.modelId()
        + "\",\"provider\":\"" + model.provider().label() + "\",\"group\":\"" + groupId + "\",\"dependencies\":"
        + dependencies.health().json() + "}";
  }

  // ---- the consume loop (runs on loopThread only) ----

  private void runLoop() {
    TransactionalWriter writer = null;
    KafkaConsumer<byte[], byte[]> c = null;
    try {
      c = new KafkaConsumer<>(WorkerClients.consumer(config, groupId, intake.consumerOverrides()));
      consumer = c;
      writer = new TransactionalWriter(WorkerClients.producer(config, groupId),
          SchemaRegistryClients.shared(config.registry()), config.registry().autoRegister(), assembler.modelId(),
          c.partitionsFor(Topics.REQUESTS).size());
      intake.attach(c, queue);
      LOG.info("Group {} reads {}", groupId, intake.describe());
      running = true;
      boolean exhausted = false;
      while (!halted) {
        exhausted = intake.exhausted(c);
        boolean ending = stopping || exhausted;
        if (ending && queue.isEmpty()) {
          break;
        }
        if (!ending) {
          pollOnce(c); // does not block when a batch is due: new records start preparing meanwhile
        }
        // one batch per turn, so the pool is fed between batches; when ending, the rest goes out
        // without waiting for a full batch. An aborted batch rewinds the consumer: read again first.
        if (!halted && (queue.batchDue(System.nanoTime()) || ending && !queue.isEmpty())) {
          process(c, writer, queue.takeBatch());
        }
        refreshLag(c);
      }
      if (exhausted && !halted) {
        intake.finished(outcomes);
      }
    } catch (WakeupException e) {
      // close() or halt() while blocked in the consumer
    } catch (HaltedException e) {
      LOG.warn("Worker halted with an open transaction; it is left uncommitted");
    } catch (Throwable t) {
      failure = t;
      LOG.error("Grounding worker {} stopped: {}", groupId, t.toString(), t);
    } finally {
      running = false;
      if (writer != null) {
        writer.close(halted);
      }
      if (c != null) {
        c.close();
      }
      finished.countDown();
    }
  }

  private void pollOnce(KafkaConsumer<byte[], byte[]> c) {
    for (ConsumerRecord<byte[], byte[]> record : c.poll(queue.pollTimeout(System.nanoTime(), IDLE_POLL))) {
      if (intake.accepts(record)) {
        queue.add(new PendingRequest(record, System.nanoTime(),
            preparePool.submit(() -> preparer.prepare(record.key(), record.value()))));
      }
    }
    switch (queue.pressure()) {
      case PAUSE -> {
        c.pause(c.assignment());
        metrics.paused();
      }
      case RESUME -> c.resume(c.paused());
      default -> { }
    }
    metrics.pending(queue.size());
  }

  /** Grounds and commits one batch; false when its transaction was aborted and the consumer rewound. */
  private boolean process(KafkaConsumer<byte[], byte[]> c, TransactionalWriter writer, List<PendingRequest> batch) {
    List<GroundedRecord> grounded = grounder.ground(batch);
    if (!writer.write(grounded, intake.offsetsAfter(grounded), c.groupMetadata(), () -> halted)) {
      dependencies.aborted(writer.lastFailure());
      queue.rewind(batch).forEach((TopicPartition tp, Long offset) -> c.seek(tp, offset));
      c.resume(c.paused()); // the queue is empty now; an exhausted replay partition is paused again
      sleepQuietly(RETRY_PAUSE);
      return false;
    }
    dependencies.committed();
    OutcomeCounts counts = OutcomeCounts.of(grounded);
    outcomes = outcomes.plus(counts);
    metrics.committed(batch.size(), (int) counts.grounded());
    metrics.skipped((int) counts.skipped());
    for (GroundedRecord r : grounded) {
      if (r.outcome() instanceof RecordOutcome.DeadLettered dead) {
        metrics.deadLetter(dead.step());
      }
    }
    intake.committed(counts, outcomes);
    return true;
  }

  private void refreshLag(KafkaConsumer<byte[], byte[]> c) {
    long now = System.nanoTime();
    if (now - lastLagNanos < LAG_REFRESH_NANOS) {
      return;
    }
    lastLagNanos = now;
    long lag = 0;
    for (TopicPartition tp : c.assignment()) {
      lag += c.currentLag(tp).orElse(0);
    }
    metrics.consumerLag(lag);
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
