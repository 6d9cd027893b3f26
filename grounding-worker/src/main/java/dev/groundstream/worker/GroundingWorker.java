package dev.groundstream.worker;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.avro.Timings;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.schemas.serde.AvroSerializer;
import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.model.GroundingOutcome;
import dev.groundstream.worker.model.LabelMatchScorer;
import dev.groundstream.worker.model.NonFiniteOutputException;
import dev.groundstream.worker.model.PhraseProposalScorer;
import dev.groundstream.worker.model.PhraseQuery;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grounding worker: consumes grounding.requests (read_committed, group
 * grounding-worker.&lt;model&gt;.&lt;version&gt;), batches requests dynamically (up to max batch size
 * or max queue delay, whichever first), prepares images on a bounded pool, runs the model and
 * produces one GroundingResult per request — or a DeadLetter — in a Kafka transaction that also
 * commits the consumed offsets (exactly-once consume-transform-produce).
 *
 * <p>Records are consumed as bytes and decoded on the preparation pool, so an unreadable record
 * never breaks {@code poll()}: it goes to the DLQ with its bytes and the stream goes on.
 */
public final class GroundingWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroundingWorker.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(100);
  private static final long LAG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final WorkerConfig config;
  private final GroundingModel model;
  private final String groupId;
  private final WorkerMetrics metrics;
  private final ResultAssembler assembler;
  private final RequestPreparer preparer;
  private final ExecutorService preparePool;
  private final AvroSerializer<RequestKey> resultKeys;
  private final AvroSerializer<GroundingResult> resultValues;
  private final AvroSerializer<DeadLetterKey> dlqKeys;
  private final AvroSerializer<DeadLetter> dlqValues;
  private final ReplayRange replay;
  private final ReplayProgress progress;
  private final ArrayDeque<PendingRequest> pending = new ArrayDeque<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread loopThread;
  private WorkerHttpServer http;

  private volatile boolean stopping;
  private volatile boolean halted;
  private volatile boolean running;
  private volatile Throwable failure;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private boolean paused;
  private long lastLagNanos;
  private boolean sameResultPartitions;
  private Map<TopicPartition, Long> replayStart = Map.of();
  private Map<TopicPartition, Long> replayStop = Map.of();
  private final Map<TopicPartition, Long> replayDone = new HashMap<>();

  private GroundingWorker(WorkerConfig config, GroundingModel model, String groupId, ReplayRange replay,
      ReplayProgress progress) {
    this.config = config;
    this.model = model;
    this.groupId = groupId;
    this.replay = replay;
    this.progress = progress;
    this.assembler = new ResultAssembler(model);
    this.metrics = new WorkerMetrics(assembler.modelId(), model.provider().label());
    SchemaRegistryClient registry = SchemaRegistryClients.shared(config.registry());
    boolean autoRegister = config.registry().autoRegister();
    // A replay's dataset filter is applied on the prepare pool, right after the Avro decode.
    this.preparer = new RequestPreparer(new AvroDeserializer<>(registry, GroundingRequest.getClassSchema()),
        new ImageSource(config.blobDir(), config.s3Blobs().map(S3ImageReader::open)), model.preprocessor(), replay == null ? r -> true : replay::includes);
    this.resultKeys = new AvroSerializer<>(registry, true, autoRegister);
    this.resultValues = new AvroSerializer<>(registry, false, autoRegister);
    this.dlqKeys = new AvroSerializer<>(registry, true, autoRegister);
    this.dlqValues = new AvroSerializer<>(registry, false, autoRegister);
    AtomicInteger threadNo = new AtomicInteger();
    this.preparePool = Executors.newFixedThreadPool(config.preprocessThreads(), r -> {
      Thread t = new Thread(r, "grounding-preprocess-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.loopThread = new Thread(this::runLoop, "grounding-worker-" + groupId);
  }

  /** Loads the model of {@code config} and starts consuming. */
  public static GroundingWorker start(WorkerConfig config) throws Exception {
    return start(config, new LabelMatchScorer());
  }

  public static GroundingWorker start(WorkerConfig config, PhraseProposalScorer scorer) throws Exception {
    GroundingModel model = GroundingModels.load(config.modelDir(), config.ort(), config.ranking(), scorer);
    String group = config.groupId().orElse(model.card().consumerGroup());
    return new GroundingWorker(config, model, group, null, null).begin();
  }

  /**
   * Replays grounding.requests in {@code range} through the model under a fresh consumer group
   * (unless the config names one), then stops by itself; {@code progress} follows every commit.
   */
  public static GroundingWorker startReplay(WorkerConfig config, ReplayRange range, ReplayProgress progress)
      throws Exception {
    GroundingModel model = GroundingModels.load(config.modelDir(), config.ort(), config.ranking(), new LabelMatchScorer());
    String group = config.groupId().orElse(model.card().consumerGroup() + ".replay-" + System.currentTimeMillis());
    return new GroundingWorker(config, model, group, range, progress).begin();
  }

  private GroundingWorker begin() throws Exception {
    if (config.httpPort() >= 0) {
      http = new WorkerHttpServer(config.httpPort(), this::isRunning, this::healthJson, metrics::scrape);
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

  public String provider() {
    return model.provider().label();
  }

  public boolean isRunning() {
    return running;
  }

  public WorkerMetrics metrics() {
    return metrics;
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
    return "{\"status\":\"" + (running ? "UP" : "DOWN") + "\",\"model\":\"" + assembler.modelId()
        + "\",\"provider\":\"" + model.provider().label() + "\",\"group\":\"" + groupId + "\"}";
  }

  // ---- the consume loop (runs on loopThread only) ----

  private void runLoop() {
    KafkaProducer<byte[], byte[]> producer = null;
    try {
      consumer = new KafkaConsumer<>(consumerConfig());
      producer = new KafkaProducer<>(producerConfig());
      producer.initTransactions();
      sameResultPartitions = producer.partitionsFor(Topics.RESULTS).size()
          == consumer.partitionsFor(Topics.REQUESTS).size();
      if (replay != null) {
        assignReplay();
      } else {
        consumer.subscribe(List.of(Topics.REQUESTS), new DropPendingOnRevoke());
      }
      running = true;
      while (!halted) {
        if (stopping || replayFinished()) {
          drain(producer);
          break;
        }
        pollOnce();
        while (!halted && batchDue()) {
          processBatch(producer, takeBatch());
        }
        refreshLag();
      }
      if (replay != null && !halted && progress != null) {
        long total = replayTotal();
        progress.onProgress(total, total);
      }
    } catch (WakeupException e) {
      // stop() or halt() while blocked in the consumer
    } catch (HaltedException e) {
      LOG.warn("Worker halted with an open transaction; it is left uncommitted");
    } catch (Throwable t) {
      failure = t;
      LOG.error("Grounding worker {} stopped: {}", groupId, t.toString(), t);
    } finally {
      running = false;
      if (producer != null) {
        // A halted worker is gone like a killed process: no abort, no flush.
        producer.close(halted ? Duration.ZERO : Duration.ofSeconds(5));
      }
      if (consumer != null) {
        consumer.close();
      }
      finished.countDown();
    }
  }

  private void drain(KafkaProducer<byte[], byte[]> producer) {
    while (!pending.isEmpty() && !halted) {
      processBatch(producer, takeBatch());
    }
  }

  private void pollOnce() {
    Duration timeout = IDLE_POLL;
    if (!pending.isEmpty()) {
      long waitedNanos = System.nanoTime() - pending.peek().receivedNanos();
      timeout = Duration.ofNanos(Math.max(0, config.maxQueueDelay().toNanos() - waitedNanos));
    }
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      if (replay != null && record.offset() >= replayStop.getOrDefault(
          new TopicPartition(record.topic(), record.partition()), Long.MAX_VALUE)) {
        continue; // past the replay's end time
      }
      pending.add(new PendingRequest(record, System.nanoTime(),
          preparePool.submit(() -> preparer.prepare(record.value()))));
    }
    applyBackpressure();
    metrics.pending(pending.size());
  }

  /** Pauses every assigned partition while the queue is full; resumes when it is half empty. */
  private void applyBackpressure() {
    if (!paused && pending.size() >= config.queueCapacity()) {
      consumer.pause(consumer.assignment());
      paused = true;
      metrics.paused();
    } else if (paused && pending.size() <= config.queueCapacity() / 2) {
      consumer.resume(consumer.paused());
      paused = false;
    }
  }

  private boolean batchDue() {
    if (pending.isEmpty()) {
      return false;
    }
    return pending.size() >= config.maxBatchSize()
        || System.nanoTime() - pending.peek().receivedNanos() >= config.maxQueueDelay().toNanos();
  }

  private List<PendingRequest> takeBatch() {
    List<PendingRequest> batch = new ArrayList<>();
    while (!pending.isEmpty() && batch.size() < config.maxBatchSize()) {
      batch.add(pending.poll());
    }
    return batch;
  }

  private void processBatch(KafkaProducer<byte[], byte[]> producer, List<PendingRequest> batch) {
    long batchStart = System.nanoTime();
    List<PreparedRequest> prepared = new ArrayList<>();
    List<GroundingInput> inputs = new ArrayList<>();
    for (PendingRequest p : batch) {
      PreparedRequest r = await(p);
      prepared.add(r);
      if (r instanceof PreparedRequest.Ready ready) {
        inputs.add(new GroundingInput(ready.image(), ready.request().getCaption(), queries(ready.request())));
      }
    }
    long inferenceStart = System.nanoTime();
    List<GroundingOutcome> outcomes = BatchInference.run(model, inputs);
    double inferenceMs = (System.nanoTime() - inferenceStart) / 1e6;
    if (!inputs.isEmpty()) {
      metrics.batch(inputs.size(), inferenceMs);
    }
    try {
      producer.beginTransaction();
      int results = 0;
      int skipped = 0;
      int next = 0;
      List<String> deadSteps = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        PendingRequest p = batch.get(i);
        double queueMs = (batchStart - p.receivedNanos()) / 1e6;
        metrics.queued(queueMs);
        if (prepared.get(i) instanceof PreparedRequest.Ready ready) {
          metrics.preprocessed(ready.preprocessMs());
          GroundingOutcome outcome = outcomes.get(next++);
          if (outcome instanceof GroundingOutcome.Grounded grounded) {
            Timings timings = Timings.newBuilder().setQueueMs(queueMs).setPreprocessMs(ready.preprocessMs())
                .setInferenceMs(inferenceMs / inputs.size()).setPostprocessMs(0)
                .setTotalMs((System.nanoTime() - p.receivedNanos()) / 1e6).build();
            GroundingResult result = assembler.result(ready.request(), ready.image(), grounded.phrases(), timings,
                inputs.size());
            sendResult(producer, p.record(), result);
            results++;
          } else {
            Exception error = ((GroundingOutcome.Failed) outcome).error();
            String step = error instanceof NonFiniteOutputException ? "model-output" : "inference";
            sendDeadLetter(producer, p.record(), step, error, ready.request());
            deadSteps.add(step);
          }
        } else if (prepared.get(i) instanceof PreparedRequest.Skipped) {
          skipped++; // outside the replay's dataset: only its offset is committed, below
        } else {
          PreparedRequest.Failed failed = (PreparedRequest.Failed) prepared.get(i);
          sendDeadLetter(producer, p.record(), failed.step(), failed.error(), failed.request());
          deadSteps.add(failed.step());
        }
      }
      producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
      if (halted) {
        throw new HaltedException();
      }
      producer.commitTransaction();
      metrics.committed(batch.size(), results);
      metrics.skipped(skipped);
      deadSteps.forEach(metrics::deadLetter);
      noteReplayProgress(batch);
    } catch (HaltedException e) {
      throw e;
    } catch (ProducerFencedException | InvalidProducerEpochException | UnsupportedVersionException
        | AuthorizationException e) {
      throw e; // another instance took over, or we may not write: stop, never duplicate
    } catch (KafkaException e) {
      LOG.warn("Transaction for a batch of {} failed ({}); aborting and re-reading it", batch.size(), e.toString());
      producer.abortTransaction();
      rewind(batch);
      sleepQuietly(Duration.ofMillis(500));
    }
  }

  private void sendResult(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> source,
      GroundingResult result) {
    byte[] key = resultKeys.serialize(Topics.RESULTS, new RequestKey(result.getRequestId()));
    byte[] value = resultValues.serialize(Topics.RESULTS, result);
    // Same partition as the request: results stay co-partitioned with requests and truth.
    Integer partition = sameResultPartitions ? source.partition() : null;
    producer.send(new ProducerRecord<>(Topics.RESULTS, partition, key, value));
  }

  private void sendDeadLetter(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> source,
      String step, Throwable error, GroundingRequest request) {
    LOG.warn("Dead letter for {}-{}@{} at step {}: {}", source.topic(), source.partition(), source.offset(), step,
        error.toString());
    byte[] key = dlqKeys.serialize(Topics.DLQ, DeadLetters.key(source));
    byte[] value = dlqValues.serialize(Topics.DLQ, DeadLetters.of(source, step, error, request, assembler.modelId()));
    producer.send(new ProducerRecord<>(Topics.DLQ, key, value));
  }

  private static List<PhraseQuery> queries(GroundingRequest request) {
    List<PhraseQuery> out = new ArrayList<>();
    for (Phrase p : request.getPhrases()) {
      out.add(new PhraseQuery(p.getPhraseId(), p.getText(), p.getCharStart(), p.getCharEnd()));
    }
    return out;
  }

  private static PreparedRequest await(PendingRequest p) {
    try {
      return p.prepared().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    } catch (ExecutionException e) {
      return new PreparedRequest.Failed("prepare", e.getCause() instanceof Exception ex ? ex : e, null);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<PendingRequest> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (PendingRequest p : batch) {
      TopicPartition tp = new TopicPartition(p.record().topic(), p.record().partition());
      offsets.merge(tp, new OffsetAndMetadata(p.record().offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    return offsets;
  }

  /** After an aborted transaction: re-read the batch and everything pending behind it. */
  private void rewind(List<PendingRequest> batch) {
    Map<TopicPartition, Long> first = new HashMap<>();
    List<PendingRequest> all = new ArrayList<>(batch);
    all.addAll(pending);
    for (PendingRequest p : all) {
      first.merge(new TopicPartition(p.record().topic(), p.record().partition()), p.record().offset(), Math::min);
    }
    pending.forEach(p -> p.prepared().cancel(false));
    pending.clear();
    first.forEach(consumer::seek);
  }

  private void refreshLag() {
    long now = System.nanoTime();
    if (now - lastLagNanos < LAG_REFRESH_NANOS) {
      return;
    }
    lastLagNanos = now;
    long lag = 0;
    for (TopicPartition tp : consumer.assignment()) {
      lag += consumer.currentLag(tp).orElse(0);
    }
    metrics.consumerLag(lag);
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> props = config.kafka().clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.queueCapacity());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "." + config.instanceId());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> props = config.kafka().clientProperties();
    // Stable per replica: a restarted replica fences its predecessor and aborts its open transaction.
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "." + config.instanceId());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "." + config.instanceId() + ".producer");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  // ---- replay ----

  private void assignReplay() {
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUESTS).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    replayStart = offsetsAt(partitions, replay.from().map(i -> i.toEpochMilli()).orElse(null), ends, true);
    replayStop = offsetsAt(partitions, replay.to().map(i -> i.toEpochMilli()).orElse(null), ends, false);
    replayStart.forEach(consumer::seek);
    LOG.info("Replay {} -> {}{}: {} requests in {} partitions under group {}",
        replay.from().map(Object::toString).orElse("beginning"), replay.to().map(Object::toString).orElse("end"),
        replay.dataset().map(d -> ", dataset " + d + " only").orElse(""), replayTotal(), partitions.size(), groupId);
  }

  /** Offsets of the first record at or after {@code timestamp}; none (or no timestamp) -> begin or end. */
  private Map<TopicPartition, Long> offsetsAt(List<TopicPartition> partitions, Long timestamp,
      Map<TopicPartition, Long> ends, boolean isStart) {
    Map<TopicPartition, Long> out = new HashMap<>();
    if (timestamp == null) {
      Map<TopicPartition, Long> edge = isStart ? consumer.beginningOffsets(partitions) : ends;
      out.putAll(edge);
      return out;
    }
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, timestamp));
    consumer.offsetsForTimes(query).forEach((tp, found) -> out.put(tp, found == null ? ends.get(tp) : found.offset()));
    return out;
  }

  private long replayTotal() {
    long total = 0;
    for (var e : replayStop.entrySet()) {
      total += Math.max(0, e.getValue() - replayStart.getOrDefault(e.getKey(), e.getValue()));
    }
    return total;
  }

  private boolean replayFinished() {
    if (replay == null) {
      return false;
    }
    Set<TopicPartition> open = new HashSet<>();
    for (var e : replayStop.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        open.add(e.getKey());
      } else if (!consumer.paused().contains(e.getKey())) {
        consumer.pause(List.of(e.getKey())); // nothing more to read from it in this replay
      }
    }
    return open.isEmpty();
  }

  private void noteReplayProgress(Collection<PendingRequest> batch) {
    if (replay == null || progress == null) {
      return;
    }
    for (PendingRequest p : batch) {
      TopicPartition tp = new TopicPartition(p.record().topic(), p.record().partition());
      replayDone.merge(tp, p.record().offset() + 1, Math::max);
    }
    long done = 0;
    for (var e : replayDone.entrySet()) {
      done += Math.max(0, Math.min(e.getValue(), replayStop.getOrDefault(e.getKey(), e.getValue()))
          - replayStart.getOrDefault(e.getKey(), 0L));
    }
    progress.onProgress(done, replayTotal());
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Drops pending requests of partitions this worker loses; their new owner re-reads them. */
  private final class DropPendingOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      pending.removeIf(p -> {
        boolean revoked = partitions.contains(new TopicPartition(p.record().topic(), p.record().partition()));
        if (revoked) {
          p.prepared().cancel(false);
        }
        return revoked;
      });
      paused = false;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (paused) {
        consumer.pause(partitions);
      }
    }
  }

  private static final class HaltedException extends RuntimeException {
    HaltedException() {
      super("halted", null, false, false);
    }
  }
}
