package dev.groundstream.ingest.requests;

import java.util.List;

/**
 * A phrase as a caller gave it, not yet validated: character span, optional text (must equal the
 * caption's span), optional type names, optional truth (boxes as [x1,y1,x2,y2] or not visible).
 * Nulls mean "not given".
 */
public record PhraseSpec(Integer start, Integer end, String text, List<String> types, List<double[]> boxes,
    boolean notVisible, String entityId) {

  public boolean hasTruth() {
    return boxes != null || notVisible;
  }
}
