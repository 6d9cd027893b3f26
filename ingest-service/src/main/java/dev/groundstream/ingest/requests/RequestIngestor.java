package dev.groundstream.ingest.requests;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.RequestIds;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.images.ImageValidator;
import dev.groundstream.ingest.images.UriImageFetcher;
import dev.groundstream.ingest.images.ValidatedImage;
import dev.groundstream.ingest.kafka.GroundingProducer;
import dev.groundstream.ingest.phrases.CaptionPhraser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Turns an upload into a request (and truth) on Kafka. Everything that can refuse the input runs
 * before the first send, so refused input writes nothing. Blocking (decode, fetch, NLP, blob
 * write): call it on a worker thread.
 *
 * <p>Idempotency: with a client request id the request id is a name-based UUID of (tenant, client
 * id), and the {@link RequestStore} makes a repeat return the first answer without writing again
 * (also while the first is still in flight). After the request (and truth) are acknowledged the
 * index record is written and acknowledged before the answer, so once a client has its 202 a
 * restarted or second instance that has read the index recognises the repeat too.
 */
public final class RequestIngestor {
  /** The outcome: the accepted request, and whether this call only replayed an earlier one. */
  public record Outcome(AcceptedRequest accepted, boolean replayed) {}

  private final ImageValidator images;
  private final UriImageFetcher fetcher;
  private final ImageRefFactory refs;
  private final PhraseValidator phrases;
  private final Supplier<CaptionPhraser> phraser;
  private final GroundingProducer producer;
  private final RequestStore store;
  private final AcceptedIndexWriter index;
  private final Clock clock;
  private final int maxCaptionChars;

  public RequestIngestor(ImageValidator images, UriImageFetcher fetcher, ImageRefFactory refs, PhraseValidator phrases,
      Supplier<CaptionPhraser> phraser, GroundingProducer producer, RequestStore store, AcceptedIndexWriter index, Clock clock,
      int maxCaptionChars) {
    this.images = images;
    this.fetcher = fetcher;
    this.refs = refs;
    this.phrases = phrases;
    this.phraser = phraser;
    this.producer = producer;
    this.store = store;
    this.index = index;
    this.clock = clock;
    this.maxCaptionChars = maxCaptionChars;
  }

  public CompletableFuture<Outcome> ingest(UploadCommand command) {
    UUID requestId = command.clientRequestId()
        .map(key -> RequestIds.forClientKey(command.tenant(), key))
        .orElseGet(UUID::randomUUID);
    CompletableFuture<AcceptedRequest> pending = new CompletableFuture<>();
    var earlier = store.claim(requestId, pending);
    if (earlier.isPresent()) { // ids are tenant-scoped, so an earlier entry is this tenant's
      return earlier.get().thenApply(a -> new Outcome(a, true));
    }
    try {
      CompletableFuture<AcceptedRequest> written = write(requestId, command);
      written.whenComplete((accepted, error) -> {
        if (error != null) {
          store.release(requestId, pending);
          pending.completeExceptionally(error);
        } else {
          pending.complete(accepted);
        }
      });
      return written.thenApply(a -> new Outcome(a, false));
    } catch (RuntimeException e) {
      store.release(requestId, pending);
      pending.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * The command with a URI image replaced by the fetched bytes, after the cheap checks of its text
   * (so refused text costs no fetch). Non-blocking past those checks: the fetch holds no thread, so
   * run the blocking {@link #ingest} on the decode workers only once this completes.
   */
  public CompletableFuture<UploadCommand> fetchImage(UploadCommand command) {
    if (!(command.image() instanceof ImageSource.Uri uri)) {
      return CompletableFuture.completedFuture(command);
    }
    boolean repeat = command.clientRequestId()
        .map(key -> store.find(RequestIds.forClientKey(command.tenant(), key)).isPresent()).orElse(false);
    if (repeat) {
      return CompletableFuture.completedFuture(command); // ingest replays the first answer: no second fetch
    }
    checkText(command);
    return fetcher.fetchAsync(uri.uri()).thenApply(bytes -> new UploadCommand(command.tenant(),
        command.clientRequestId(), new ImageSource.Bytes(bytes), command.caption(), command.phrases(),
        command.dataset(), command.attributes()));
  }

  private void checkText(UploadCommand command) {
    String caption = command.caption();
    if (caption == null || caption.isBlank()) {
      throw InvalidInputException.unprocessable("missing_caption", "A non-empty caption is required");
    }
    if (caption.length() > maxCaptionChars) {
      throw InvalidInputException.unprocessable("caption_too_long", "The caption has " + caption.length()
          + " characters; at most " + maxCaptionChars);
    }
    for (int i = 0; i < caption.length(); i++) {
      char c = caption.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < caption.length()
          && Character.isLowSurrogate(caption.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw InvalidInputException.badRequest("bad_caption", "The caption has an unpaired UTF-16 surrogate at offset " + i);
      }
    }
    command.phrases().ifPresent(specs -> phrases.checkSpans(caption, specs));
  }

  private CompletableFuture<AcceptedRequest> write(UUID requestId, UploadCommand command) {
    checkText(command);
    String caption = command.caption();
    byte[] bytes = command.image() instanceof ImageSource.Uri uri
        ? fetcher.fetch(uri.uri())
        : ((ImageSource.Bytes) command.image()).bytes();
    ValidatedImage image = images.validate(bytes);
    List<Phrase> requestPhrases;
    List<dev.groundstream.avro.PhraseTruth> truthPhrases = List.of();
    if (command.phrases().isPresent()) {
      PhraseValidator.Validated validated = phrases.validate(caption, command.phrases().get(), image.width(), image.height());
      requestPhrases = validated.phrases();
      truthPhrases = validated.truth();
    } else {
      requestPhrases = phraser.get().phrases(caption);
    }
    ImageRef ref = refs.create(image);
    // Millisecond precision, as Kafka stores it: the answer replayed from the index is then identical.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    GroundingRequest request = GroundingRequest.newBuilder()
        .setRequestId(requestId)
        .setCreatedAt(now)
        .setSource("api")
        .setDataset(command.dataset())
        .setImage(ref)
        .setCaption(caption)
        .setPhrases(requestPhrases)
        .setAttributes(command.attributes())
        .build();
    GroundTruth truth = truthPhrases.isEmpty() ? null : GroundTruth.newBuilder()
        .setRequestId(requestId).setDataset(command.dataset()).setSource("human").setLabeledAt(now)
        .setImageWidth(image.width()).setImageHeight(image.height()).setPhrases(truthPhrases).build();

    CompletableFuture<RecordMetadata> sentRequest = producer.sendRequest(request);
    CompletableFuture<?> sentTruth = truth == null ? CompletableFuture.completedFuture(null) : producer.sendTruth(truth);
    // The store keeps the request without its inline bytes: GET and labels never need them.
    GroundingRequest remembered = GroundingRequest.newBuilder(request)
        .setImage(ImageRef.newBuilder(ref).setInline(null).build()).build();
    return sentRequest.thenCombine(sentTruth, (metadata, ignored) ->
        new AcceptedRequest(remembered, command.tenant(), metadata.partition(), metadata.offset(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS), truth))
        .thenCompose(index::write);
  }
}
