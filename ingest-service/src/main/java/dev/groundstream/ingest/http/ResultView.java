package dev.groundstream.ingest.http;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** The JSON of GET /v1/requests/{id}/result: every model's ranked boxes per phrase (docs/http-api.md). */
final class ResultView {
  private ResultView() {}

  static JsonObject of(UUID requestId, List<GroundingResult> results) {
    JsonArray models = new JsonArray();
    for (GroundingResult r : results) {
      JsonArray phrases = new JsonArray();
      for (PhraseResult p : r.getPhrases()) {
        JsonArray boxes = new JsonArray();
        for (Box b : p.getBoxes()) {
          boxes.add(new JsonObject().put("x1", b.getX1()).put("y1", b.getY1()).put("x2", b.getX2())
              .put("y2", b.getY2()).put("score", b.getScore()));
        }
        phrases.add(new JsonObject().put("phraseId", p.getPhraseId()).put("text", p.getText())
            .put("types", new JsonArray(p.getTypes().stream().map(PhraseType::name).toList()))
            .put("boxes", boxes)
            .put("point", p.getPoint() == null ? null
                : new JsonObject().put("x", p.getPoint().getX()).put("y", p.getPoint().getY())));
      }
      models.add(new JsonObject()
          .put("model", new JsonObject().put("name", r.getModel().getName()).put("version", r.getModel().getVersion())
              .put("kind", r.getModel().getKind()))
          .put("dataset", r.getDataset())
          .put("producedAt", r.getProducedAt().toString())
          .put("device", r.getDevice())
          .put("image", new JsonObject().put("width", r.getImageWidth()).put("height", r.getImageHeight()))
          .put("timingsMs", new JsonObject().put("total", r.getTimings().getTotalMs())
              .put("inference", r.getTimings().getInferenceMs()))
          .put("phrases", phrases));
    }
    return new JsonObject().put("requestId", requestId.toString()).put("status", "grounded").put("results", models)
        .put("links", new JsonObject().put("request", "/v1/requests/" + requestId));
  }
}
