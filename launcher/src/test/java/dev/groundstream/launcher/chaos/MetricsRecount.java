package dev.groundstream.launcher.chaos;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The all-time accuracy counts per category recounted from evaluations, without the eval service's
 * code: every evaluable phrase counts in "all" and in each of its types, with its hits. Compared
 * with the service's own all-time snapshots as {@code category: evaluable/hits@1/@5/@10/upper/merged/pointing}.
 */
final class MetricsRecount {
  private MetricsRecount() {}

  static Map<String, String> of(List<Evaluation> evaluations) {
    Map<String, long[]> counts = new TreeMap<>();
    for (Evaluation e : evaluations) {
      for (PhraseEvaluation p : e.getPhrases()) {
        if (!p.getEvaluable()) {
          continue;
        }
        List<String> categories = new ArrayList<>(List.of("all"));
        p.getTypes().stream().map(PhraseType::name).forEach(categories::add);
        for (String category : categories) {
          long[] c = counts.computeIfAbsent(category, k -> new long[7]);
          c[0]++;
          c[1] += p.getHitAt1() ? 1 : 0;
          c[2] += p.getHitAt5() ? 1 : 0;
          c[3] += p.getHitAt10() ? 1 : 0;
          c[4] += p.getHitUpperBound() ? 1 : 0;
          c[5] += p.getMergedBoxHit() ? 1 : 0;
          c[6] += p.getPointingHit() ? 1 : 0;
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    counts.forEach((category, c) -> out.put(category, format(c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
    return out;
  }

  /** The latest snapshot per category (snapshots in topic order), in the same form; zero ones dropped. */
  static Map<String, String> ofSnapshots(List<AccuracySnapshot> snapshots) {
    Map<String, AccuracySnapshot> latest = new TreeMap<>();
    snapshots.forEach(s -> latest.put(s.getCategory(), s));
    Map<String, String> out = new TreeMap<>();
    latest.forEach((category, s) -> {
      if (s.getEvaluablePhrases() > 0) {
        out.put(category, format(s.getEvaluablePhrases(), s.getHitsAt1(), s.getHitsAt5(), s.getHitsAt10(),
            s.getHitsUpperBound(), s.getMergedBoxHits(), s.getPointingHits()));
      }
    });
    return out;
  }

  private static String format(long... c) {
    return c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4] + "/" + c[5] + "/" + c[6];
  }
}
