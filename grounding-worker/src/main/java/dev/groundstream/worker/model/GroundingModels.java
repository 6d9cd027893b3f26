package dev.groundstream.worker.model;

import dev.groundstream.worker.onnx.ModelSession;
import dev.groundstream.worker.onnx.OrtSettings;
import dev.groundstream.worker.ranker.PhraseRankers;
import java.nio.file.Path;

/** Loads a model folder: reads its card, opens one ONNX Runtime session, builds the plug-in of its kind. */
public final class GroundingModels {
  private GroundingModels() {}

  public static GroundingModel load(Path folder, OrtSettings ort, PostprocessSettings ranking,
      PhraseProposalScorer scorer) throws Exception {
    ModelCard card = ModelCard.load(folder);
    ModelSession session = ModelSession.open(card.modelFile(), ort);
    try {
      return switch (card.kind()) {
        // A card with a "ranker" section gets the semantic ranker; otherwise the given scorer.
        case DETECTOR_RANKER -> new DetectorRankerModel(card, session, ranking,
            PhraseRankers.forCard(card, ranking, PhraseRanker.perProposal(scorer, ranking), ort));
        case BOX_QUERIES -> new BoxQueriesModel(card, session, ranking);
        case CAPTION_SPANS -> new CaptionSpansModel(card, session, ranking);
        case HEATMAP -> new HeatmapModel(card, session, ranking);
      };
    } catch (Exception | Error e) {
      session.close();
      throw e;
    }
  }

  public static GroundingModel load(Path folder, OrtSettings ort) throws Exception {
    return load(folder, ort, PostprocessSettings.DEFAULT, new LabelMatchScorer());
  }
}
