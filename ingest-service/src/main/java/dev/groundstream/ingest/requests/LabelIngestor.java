package dev.groundstream.ingest.requests;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.kafka.GroundingProducer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Human labels: merges boxes (or "not visible") for one phrase into the request's latest truth
 * and writes the whole truth again to the compacted grounding.truth (a newer record replaces the
 * older), so evaluation sees every labeled phrase of the request. The merged truth also goes into
 * the request's index record, so a restarted or other instance merges the next label into it.
 */
public final class LabelIngestor {
  private final RequestStore store;
  private final GroundingProducer producer;
  private final AcceptedIndexWriter index;
  private final Clock clock;

  public LabelIngestor(RequestStore store, GroundingProducer producer, AcceptedIndexWriter index, Clock clock) {
    this.store = store;
    this.producer = producer;
    this.index = index;
    this.clock = clock;
  }

  public CompletableFuture<GroundTruth> label(LabelCommand command) {
    AcceptedRequest accepted = store.find(command.requestId()).orElseThrow(() -> new InvalidInputException(404,
        "unknown_request", "No request " + command.requestId() + " is known to this service"));
    if (!accepted.tenant().equals(command.tenant())) {
      throw new InvalidInputException(403, "wrong_tenant", "The request belongs to another tenant");
    }
    Phrase phrase = accepted.request().getPhrases().stream()
        .filter(p -> p.getPhraseId().equals(command.phraseId())).findFirst()
        .orElseThrow(() -> InvalidInputException.unprocessable("unknown_phrase",
            "Request " + command.requestId() + " has no phrase '" + command.phraseId() + "'"));
    boolean hasBoxes = command.boxes() != null && !command.boxes().isEmpty();
    if (hasBoxes == command.notVisible()) {
      throw InvalidInputException.unprocessable("bad_label", "A label has either boxes or notVisible=true");
    }
    int width = accepted.request().getImage().getWidth();
    int height = accepted.request().getImage().getHeight();
    PhraseTruth labeled = PhraseTruth.newBuilder()
        .setPhraseId(phrase.getPhraseId())
        .setEntityId(phrase.getEntityId())
        .setTypes(phrase.getTypes())
        .setBoxes(hasBoxes ? TruthBoxes.validate(command.boxes(), width, height, phrase.getPhraseId()) : List.of())
        .setNoBox(!hasBoxes)
        .build();
    // Merge and send under the request's lock: the producer keeps send order per partition, so
    // the last merged truth is also the last record of the key.
    synchronized (accepted) {
      List<PhraseTruth> merged = new ArrayList<>();
      accepted.truth().ifPresent(t -> t.getPhrases().stream()
          .filter(p -> !p.getPhraseId().equals(labeled.getPhraseId())).forEach(merged::add));
      merged.add(labeled);
      merged.sort((a, b) -> Integer.compare(indexOf(accepted, a.getPhraseId()), indexOf(accepted, b.getPhraseId())));
      GroundTruth truth = GroundTruth.newBuilder()
          .setRequestId(command.requestId())
          .setDataset(accepted.request().getDataset())
          .setSource("human")
          .setLabeledAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)) // as Kafka stores it
          .setImageWidth(width)
          .setImageHeight(height)
          .setPhrases(merged)
          .build();
      accepted.truth(truth);
      return producer.sendTruth(truth).thenCompose(m -> index.write(accepted)).thenApply(a -> truth);
    }
  }

  private static int indexOf(AcceptedRequest accepted, String phraseId) {
    List<Phrase> phrases = accepted.request().getPhrases();
    for (int i = 0; i < phrases.size(); i++) {
      if (phrases.get(i).getPhraseId().equals(phraseId)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
