package dev.groundstream.launcher.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.ImportedSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Predictions in the input format of MDETR's {@code flickr_eval.py} (Flickr30kEntitiesRecallEvaluator):
 * a JSON list with one entry per sentence that has an evaluable phrase,
 * {@code {"image_id": "<id>", "sentence_id": <index of the sentence in Sentences/<id>.txt>,
 * "boxes": [[[x1, y1, x2, y2], ...], ...]}}: for each evaluable phrase of the sentence (its entity
 * has a box in the XML), in caption order, the model's ranked boxes, best first.
 *
 * <p>Coordinates are in the frame of the Annotations XML, which that evaluator reads as is: we
 * subtract 1 on import (ARCHITECTURE section 4), so 1 is added back here. IoU does not change
 * under the shift, so recall computed on this file equals ours. A phrase the model returned no box
 * for gets the empty box [0, 0, 0, 0] (IoU 0 with anything), because the evaluator requires at
 * least one box per phrase.
 */
public final class FlickrPredictions {
  /** Where a request came from and which of its phrases are evaluable (ids in caption order). */
  private record Sentence(String imageId, int sentenceId, List<String> evaluablePhraseIds) {}

  private final Map<UUID, Sentence> sentences = new LinkedHashMap<>();

  private FlickrPredictions() {}

  /** Reads every sample's image id, sentence index and evaluable phrases. */
  public static FlickrPredictions of(DatasetImporter importer) throws IOException {
    FlickrPredictions p = new FlickrPredictions();
    for (int i = 0; i < importer.size(); i++) {
      ImportedSample sample = importer.sample(i);
      GroundingRequest request = sample.request();
      List<String> evaluable = new ArrayList<>();
      for (PhraseTruth t : sample.truth().orElseThrow().getPhrases()) {
        if (!t.getBoxes().isEmpty()) {
          evaluable.add(t.getPhraseId());
        }
      }
      if (!evaluable.isEmpty()) {
        p.sentences.put(request.getRequestId(), new Sentence(request.getAttributes().get("imageId"),
            Integer.parseInt(request.getAttributes().get("sentenceIndex")), List.copyOf(evaluable)));
      }
    }
    return p;
  }

  /** The request ids a prediction is needed for. */
  public Set<UUID> requestIds() {
    return sentences.keySet();
  }

  /** Writes the file from the results by request id; every sentence needs one. */
  public int write(Map<UUID, GroundingResult> results, Path file) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<UUID, Sentence> e : sentences.entrySet()) {
      GroundingResult result = results.get(e.getKey());
      if (result == null) {
        throw new IllegalStateException("No result for request " + e.getKey() + " (image " + e.getValue().imageId()
            + ", sentence " + e.getValue().sentenceId() + ")");
      }
      Map<String, PhraseResult> byId = new HashMap<>();
      result.getPhrases().forEach(p -> byId.put(p.getPhraseId(), p));
      List<List<List<Double>>> boxes = new ArrayList<>();
      for (String phraseId : e.getValue().evaluablePhraseIds()) {
        PhraseResult phrase = byId.get(phraseId);
        List<List<Double>> ranked = new ArrayList<>();
        if (phrase != null) {
          for (Box b : phrase.getBoxes()) {
            ranked.add(List.of(b.getX1() + 1.0, b.getY1() + 1.0, b.getX2() + 1.0, b.getY2() + 1.0));
          }
        }
        boxes.add(ranked.isEmpty() ? List.of(List.of(0.0, 0.0, 0.0, 0.0)) : ranked);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("image_id", e.getValue().imageId());
      entry.put("sentence_id", e.getValue().sentenceId());
      entry.put("boxes", boxes);
      out.add(entry);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
    return out.size();
  }
}
