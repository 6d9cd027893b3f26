package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.Proposal;
import dev.groundstream.worker.model.ScoredBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the pose stage's people on the detector's person boxes (grounding-worker/docs/ranker.md,
 * "person anchors"): a pose person takes the box of the detector person it overlaps best (IoU >=
 * {@link #MATCH}), because the detector's edges are tighter than a box around keypoints and a
 * person phrase is answered with a detector box; a detector person (score >= extraScore) that no
 * pose person matches joins without keypoints (MoveNet returns at most 6 people; crowded photos
 * have more); it must be upright (height >= 1.5 x width). Matched people take the detector's score:
 * on small people MoveNet's scores are low (0.2-0.25) and say less than the detector's.
 */
public final class PersonAnchors {
  static final float MATCH = 0.5f;
  private static final float SEPARATE = 0.3f;
  /** An extra detector person must be upright (height / width): squat boxes are mostly false positives. */
  private static final float UPRIGHT = 1.5f;

  private PersonAnchors() {}

  public static List<Person> anchor(List<Person> posed, List<Proposal> proposals, float extraScore) {
    List<ScoredBox> detected = new ArrayList<>();
    for (Proposal p : proposals) {
      if ("person".equals(p.label())) {
        detected.add(p.box());
      }
    }
    List<Person> out = new ArrayList<>();
    for (Person p : posed) {
      ScoredBox best = null;
      float bestIou = MATCH;
      for (ScoredBox d : detected) {
        float iou = d.iou(p.box());
        if (iou >= bestIou) {
          bestIou = iou;
          best = d;
        }
      }
      out.add(best == null ? p : new Person(best, p.x(), p.y(), p.confidence()));
    }
    if (extraScore > 0) {
      for (ScoredBox d : detected) {
        if (d.score() < extraScore || d.y2() - d.y1() < UPRIGHT * (d.x2() - d.x1())) {
          continue;
        }
        boolean separate = true;
        for (Person p : out) {
          if (p.box().iou(d) >= SEPARATE) {
            separate = false;
            break;
          }
        }
        if (separate) {
          float[] none = new float[Keypoint.COUNT];
          out.add(new Person(d, none.clone(), none.clone(), none));
        }
      }
    }
    return out;
  }
}
