package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

  @Test
  void iouUsesAreaWithoutPlusOne() {
    ScoredBox a = new ScoredBox(0, 0, 10, 10, 1);
    ScoredBox b = new ScoredBox(5, 0, 15, 10, 1);
    assertEquals(50f / 150f, a.iou(b), 1e-6);
    assertEquals(0f, a.iou(new ScoredBox(10, 0, 20, 10, 1)), "touching boxes do not overlap");
  }

  @Test
  void keepsBestFirstDropsOverlapsAndCutsAtTopK() {
    ScoredBox best = new ScoredBox(0, 0, 10, 10, 0.9f);
    ScoredBox overlapping = new ScoredBox(1, 0, 11, 10, 0.8f);   // IoU 0.818 with best
    ScoredBox halfOverlap = new ScoredBox(5, 0, 15, 10, 0.7f);   // IoU 0.333 with best
    ScoredBox apart = new ScoredBox(50, 50, 60, 60, 0.6f);
    List<ScoredBox> in = List.of(apart, overlapping, halfOverlap, best);
    assertEquals(List.of(best, halfOverlap, apart), Nms.apply(in, 0.5f, 10));
    assertEquals(List.of(best, halfOverlap), Nms.apply(in, 0.5f, 2));
    assertEquals(List.of(best, apart), Nms.apply(in, 0.3f, 10));
    assertEquals(List.of(best, overlapping, halfOverlap, apart), Nms.apply(in, 1f, 10));
  }
}
