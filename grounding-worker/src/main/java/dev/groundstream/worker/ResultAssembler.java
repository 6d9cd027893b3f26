package dev.groundstream.worker;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.Heatmap;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.Point;
import dev.groundstream.avro.Timings;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.HeatmapGrid;
import dev.groundstream.worker.model.PhraseGrounding;
import dev.groundstream.worker.model.PreprocessedImage;
import dev.groundstream.worker.model.ScoredBox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the GroundingResult of one request from the model's phrase groundings. */
public final class ResultAssembler {
  private final ModelRef modelRef;
  private final String device;

  public ResultAssembler(GroundingModel model) {
    this.modelRef = ModelRef.newBuilder()
        .setName(model.card().name())
        .setVersion(model.card().version())
        .setKind(model.card().kind().cardName())
        .setDigest(model.digest())
        .build();
    this.device = model.provider().label();
  }

  public ModelRef modelRef() {
    return modelRef;
  }

  /** "name:version", as used in metric tags and dead-letter attributes. */
  public String modelId() {
    return modelRef.getName() + ":" + modelRef.getVersion();
  }

  public GroundingResult result(GroundingRequest request, PreprocessedImage image, List<PhraseGrounding> grounded,
      Timings timings, int batchSize) {
    Map<String, PhraseGrounding> byId = new HashMap<>();
    grounded.forEach(g -> byId.put(g.phraseId(), g));
    List<PhraseResult> phrases = new ArrayList<>();
    for (Phrase phrase : request.getPhrases()) {
      PhraseGrounding g = byId.get(phrase.getPhraseId());
      PhraseResult.Builder b = PhraseResult.newBuilder()
          .setPhraseId(phrase.getPhraseId())
          .setText(phrase.getText())
          .setTypes(phrase.getTypes())
          .setBoxes(g == null ? List.of() : g.boxes().stream().map(ResultAssembler::box).toList());
      if (g != null) {
        g.point().ifPresent(p -> b.setPoint(new Point(p[0], p[1])));
        g.heatmap().ifPresent(h -> b.setHeatmap(heatmap(h)));
      }
      phrases.add(b.build());
    }
    return GroundingResult.newBuilder()
        .setRequestId(request.getRequestId())
        .setModel(modelRef)
        .setDataset(request.getDataset())
        .setRequestCreatedAt(request.getCreatedAt())
        .setProducedAt(Instant.now())
        .setImageWidth(image.originalWidth())
        .setImageHeight(image.originalHeight())
        .setPhrases(phrases)
        .setTimings(timings)
        .setDevice(device)
        .setBatchSize(batchSize)
        .build();
  }

  private static Box box(ScoredBox b) {
    return Box.newBuilder().setX1(b.x1()).setY1(b.y1()).setX2(b.x2()).setY2(b.y2()).setScore(b.score()).build();
  }

  private static Heatmap heatmap(HeatmapGrid grid) {
    List<Float> values = new ArrayList<>(grid.values().length);
    for (float v : grid.values()) {
      values.add(v);
    }
    return Heatmap.newBuilder().setWidth(grid.width()).setHeight(grid.height()).setValues(values).build();
  }
}
