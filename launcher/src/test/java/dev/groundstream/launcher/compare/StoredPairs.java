package dev.groundstream.launcher.compare;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The paired counts recomputed in the test, independently of the eval service's pairing code, from
 * the evaluations as stored on grounding.evaluations: per category ("all" and each phrase type) the
 * cells [both right, only A, only B, both wrong] of recall@1 over phrases evaluable in both.
 */
final class StoredPairs {
  private StoredPairs() {
  }

  static Map<String, long[]> count(Map<UUID, Evaluation> a, Map<UUID, Evaluation> b) {
    Map<String, long[]> cells = new TreeMap<>();
    a.forEach((request, evaluationA) -> {
      Evaluation evaluationB = b.get(request);
      if (evaluationB == null) {
        return;
      }
      for (PhraseEvaluation phraseA : evaluationA.getPhrases()) {
        PhraseEvaluation phraseB = evaluationB.getPhrases().stream()
            .filter(p -> p.getPhraseId().equals(phraseA.getPhraseId())).findFirst().orElse(null);
        if (phraseB == null || !phraseA.getEvaluable() || !phraseB.getEvaluable()) {
          continue;
        }
        int cell = phraseA.getHitAt1() ? (phraseB.getHitAt1() ? 0 : 1) : (phraseB.getHitAt1() ? 2 : 3);
        cells.computeIfAbsent("all", any -> new long[4])[cell]++;
        for (PhraseType type : phraseA.getTypes()) {
          cells.computeIfAbsent(type.name(), any -> new long[4])[cell]++;
        }
      }
    });
    return cells;
  }

  static List<Long> asList(long[] cells) {
    return List.of(cells[0], cells[1], cells[2], cells[3]);
  }
}
