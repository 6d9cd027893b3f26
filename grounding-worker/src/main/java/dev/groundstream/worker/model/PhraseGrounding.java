package dev.groundstream.worker.model;

import java.util.List;
import java.util.Optional;

/**
 * Where one phrase is: ranked boxes in original-image pixels (best first, after NMS), and for
 * heatmap models the pointing location and the heatmap aligned with the original image.
 */
public record PhraseGrounding(String phraseId, List<ScoredBox> boxes, Optional<float[]> point,
    Optional<HeatmapGrid> heatmap) {

  public static PhraseGrounding boxes(String phraseId, List<ScoredBox> boxes) {
    return new PhraseGrounding(phraseId, boxes, Optional.empty(), Optional.empty());
  }
}
