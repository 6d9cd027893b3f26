package dev.groundstream.ingest.http;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.requests.AcceptedRequest;
import dev.groundstream.schemas.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON a client sees of an accepted request (POST answer and GET body). */
final class RequestView {
  private RequestView() {}

  static JsonObject of(AcceptedRequest accepted) {
    GroundingRequest request = accepted.request();
    String id = request.getRequestId().toString();
    JsonArray phraseIds = new JsonArray();
    JsonArray phrases = new JsonArray();
    for (Phrase p : request.getPhrases()) {
      phraseIds.add(p.getPhraseId());
      phrases.add(new JsonObject().put("phraseId", p.getPhraseId()).put("text", p.getText())
          .put("start", p.getCharStart()).put("end", p.getCharEnd())
          .put("types", new JsonArray(p.getTypes().stream().map(PhraseType::name).toList()))
          .put("entityId", p.getEntityId()));
    }
    ImageRef image = request.getImage();
    return new JsonObject()
        .put("requestId", id)
        .put("status", "accepted")
        .put("dataset", request.getDataset())
        .put("createdAt", request.getCreatedAt().toString())
        .put("caption", request.getCaption())
        .put("phraseIds", phraseIds)
        .put("phrases", phrases)
        .put("image", new JsonObject().put("width", image.getWidth()).put("height", image.getHeight())
            .put("contentType", image.getContentType()).put("sizeBytes", image.getSizeBytes())
            .put("sha256", image.getSha256()).put("inline", image.getUri() == null).put("uri", image.getUri()))
        .put("labeledPhrases", accepted.truth().map(t -> t.getPhrases().size()).orElse(0))
        .put("kafka", new JsonObject().put("topic", Topics.REQUESTS).put("partition", accepted.partition())
            .put("offset", accepted.offset()))
        .put("results", new JsonObject().put("topic", Topics.RESULTS).put("key", id)
            .put("note", "results are keyed by requestId on " + Topics.RESULTS + "; evaluations on " + Topics.EVALUATIONS))
        .put("links", new JsonObject().put("self", "/v1/requests/" + id));
  }
}
