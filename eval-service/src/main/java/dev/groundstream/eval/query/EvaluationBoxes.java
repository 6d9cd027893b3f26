package dev.groundstream.eval.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.Box;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.eval.streams.CompositeKeys;
import dev.groundstream.eval.streams.Framed;
import dev.groundstream.eval.streams.StoreNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What the image viewer draws for one request, from the join's stores: the truth boxes per phrase and,
 * per model, each phrase's top-1 predicted box with its hit@1. Envelope like {@link RequestImageLookup}:
 * {@code status} 200, or 404 when neither a result nor a truth of the request is stored here.
 */
final class EvaluationBoxes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final StoreAccess stores;

  EvaluationBoxes(StoreAccess stores) {
    this.stores = stores;
  }

  ObjectNode of(UUID requestId) {
    ReadOnlyKeyValueStore<String, Framed<GroundTruth>> truths = stores.keyValueStore(StoreNames.TRUTH);
    ReadOnlyKeyValueStore<String, Framed<GroundingResult>> results = stores.keyValueStore(StoreNames.RESULTS);
    ReadOnlyKeyValueStore<String, Framed<Evaluation>> evaluations = stores.keyValueStore(StoreNames.EVALUATIONS);
    Framed<GroundTruth> framedTruth = truths.get(requestId.toString());
    GroundTruth truth = framedTruth == null ? null : framedTruth.value();
    ObjectNode node = NODES.objectNode();
    node.put("status", 200);
    node.put("requestId", requestId.toString());
    ArrayNode truthPhrases = node.putArray("truth");
    if (truth != null) {
      node.put("imageWidth", truth.getImageWidth());
      node.put("imageHeight", truth.getImageHeight());
      for (PhraseTruth phrase : truth.getPhrases()) {
        ObjectNode p = truthPhrases.addObject();
        p.put("phraseId", phrase.getPhraseId());
        types(p, phrase.getTypes());
        ArrayNode boxes = p.putArray("boxes");
        phrase.getBoxes().forEach(box -> boxes.add(box(box)));
      }
    }
    ArrayNode models = node.putArray("models");
    try (KeyValueIterator<String, Framed<GroundingResult>> it =
             results.prefixScan(CompositeKeys.requestPrefix(requestId), new StringSerializer())) {
      it.forEachRemaining(entry -> models.add(model(entry.value.value(), valueOf(evaluations.get(entry.key)))));
    }
    if (truth == null && models.isEmpty()) {
      ObjectNode missing = NODES.objectNode();
      missing.put("status", 404);
      missing.put("error", "no result and no truth of request " + requestId);
      return missing;
    }
    return node;
  }

  private static Evaluation valueOf(Framed<Evaluation> framed) {
    return framed == null ? null : framed.value();
  }

  private static ObjectNode model(GroundingResult result, Evaluation evaluation) {
    Map<String, PhraseEvaluation> scored = new HashMap<>();
    if (evaluation != null) {
      evaluation.getPhrases().forEach(p -> scored.put(p.getPhraseId(), p));
    }
    ObjectNode node = NODES.objectNode();
    node.put("model", CompositeKeys.modelId(result.getModel()));
    if (result.getImageWidth() > 0 && !node.has("imageWidth")) {
      node.put("imageWidth", result.getImageWidth());
      node.put("imageHeight", result.getImageHeight());
    }
    ArrayNode phrases = node.putArray("phrases");
    for (PhraseResult phrase : result.getPhrases()) {
      ObjectNode p = phrases.addObject();
      p.put("phraseId", phrase.getPhraseId());
      p.put("text", phrase.getText());
      types(p, phrase.getTypes());
      if (!phrase.getBoxes().isEmpty()) {
        p.set("top1", box(phrase.getBoxes().get(0))); // boxes are ranked best first
      }
      PhraseEvaluation evaluated = scored.get(phrase.getPhraseId());
      if (evaluated != null) {
        p.put("evaluable", evaluated.getEvaluable());
        p.put("hitAt1", evaluated.getHitAt1());
        p.put("bestIou", evaluated.getBestIou());
      }
    }
    return node;
  }

  private static void types(ObjectNode node, List<PhraseType> types) {
    ArrayNode out = node.putArray("types");
    types.forEach(type -> out.add(type.name()));
  }

  private static ObjectNode box(Box box) {
    ObjectNode node = NODES.objectNode();
    node.put("x1", box.getX1());
    node.put("y1", box.getY1());
    node.put("x2", box.getX2());
    node.put("y2", box.getY2());
    if (box.getScore() != null) {
      node.put("score", box.getScore());
    }
    return node;
  }
}
