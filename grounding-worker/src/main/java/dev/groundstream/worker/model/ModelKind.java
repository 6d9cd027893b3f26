package dev.groundstream.worker.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The plug-in families of docs/architecture.md §6, by their model-card name. */
public enum ModelKind {
  DETECTOR_RANKER("detector-ranker"),
  BOX_QUERIES("box-queries"),
  CAPTION_SPANS("caption-spans"),
  HEATMAP("heatmap");

  private final String cardName;

  ModelKind(String cardName) {
    this.cardName = cardName;
  }

  public String cardName() {
    return cardName;
  }

  /** "detector" (a bare detector card, e.g. models/centernet-coco) is grounded as detector-ranker. */
  public static ModelKind fromCard(String value) {
    if ("detector".equals(value)) {
      return DETECTOR_RANKER;
    }
    for (ModelKind kind : values()) {
      if (kind.cardName.equals(value)) {
        return kind;
      }
    }
    throw new ModelCardException("kind '" + value + "' is not one of "
        + Arrays.stream(values()).map(ModelKind::cardName).collect(Collectors.joining(", ")) + " (or detector)");
  }
}
