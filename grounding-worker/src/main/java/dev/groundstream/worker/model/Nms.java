package dev.groundstream.worker.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression and top-k: best score first, drop boxes overlapping a kept one. */
public final class Nms {
  private Nms() {}

  /**
   * Keeps at most {@code topK} boxes, sorted by descending score (ties keep input order); a box is
   * dropped when its IoU with an already kept box is greater than {@code iouThreshold}.
   */
  public static List<ScoredBox> apply(List<ScoredBox> boxes, float iouThreshold, int topK) {
    List<ScoredBox> sorted = new ArrayList<>(boxes);
    sorted.sort(Comparator.comparingDouble((ScoredBox b) -> b.score()).reversed());
    List<ScoredBox> kept = new ArrayList<>();
    for (ScoredBox candidate : sorted) {
      if (kept.size() >= topK) {
        break;
      }
      boolean overlaps = false;
      for (ScoredBox k : kept) {
        if (candidate.iou(k) > iouThreshold) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(candidate);
      }
    }
    return kept;
  }
}
