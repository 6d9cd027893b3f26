package dev.groundstream.worker.model;

/** A box x1,y1,x2,y2 with a score; area (x2-x1)*(y2-y1), no +1 (docs/architecture.md §5). */
public record ScoredBox(float x1, float y1, float x2, float y2, float score) {
  public float area() {
    return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  }

  public float iou(ScoredBox other) {
    float w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
    float h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
    if (w <= 0 || h <= 0) {
      return 0;
    }
    float inter = w * h;
    return inter / (area() + other.area() - inter);
  }

  public ScoredBox withScore(float newScore) {
    return new ScoredBox(x1, y1, x2, y2, newScore);
  }
}
