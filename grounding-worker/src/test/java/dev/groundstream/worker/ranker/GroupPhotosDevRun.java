package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.onnx.OrtSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tuning harness, not a test (outside Surefire's name patterns): the people-ranker with each signal
 * off on a split of another photo set, in-process (no local mode), every phrase printed. Run on the
 * group-photos dev split only (never on test):
 * <pre>
 * mvn -B -ntp -o -pl grounding-worker -am test -Dtest=GroupPhotosDevRun -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dgroundstream.photos.root=../datasets/group-photos -Dgroundstream.photos.split=dev
 * </pre>
 */
class GroupPhotosDevRun {
  @Test
  void printsRecallPerSignal() throws Exception {
    String split = System.getProperty("groundstream.photos.split", "dev");
    assumeTrue(!split.equals("test"), "the held-out test split is measured only through ./groundstream evaluate");
    assumeTrue(PeopleRankerEndToEndTest.available() || java.nio.file.Files.isRegularFile(
        PhotoBenchmark.ROOT.resolve(split + ".txt")), "no such split");
    List<String> variants = List.of(System.getProperty("groundstream.photos.variants", "all").split(","));
    for (String v : variants) {
      try (GroundingModel m = v.equals("all") ? GroundingModels.load(PeopleRankerEndToEndTest.PEOPLE, OrtSettings.cpu())
          : PeopleRankerEndToEndTest.variant(v)) {
        System.out.printf("%s R@1 people-ranker %-17s %s%n", split, v.equals("all") ? "(all signals):" : "without " + v + ":",
            PeopleRankerEndToEndTest.recall(m, split, 1, v.equals("all")));
      }
    }
  }
}
