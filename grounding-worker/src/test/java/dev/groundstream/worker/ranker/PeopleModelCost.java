package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.PreprocessedImage;
import dev.groundstream.worker.onnx.OrtSettings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cost harness, not a test (outside Surefire's name patterns): CPU time and wall time of
 * {@code ground()} per image for models/people-ranker vs models/centernet-ranker, one image at a
 * time, on the 7 people photos with their caption phrases; models interleaved per round so the
 * shared machine's load hits both alike. Run:
 * <pre>
 * mvn -B -ntp -o -pl grounding-worker test -Dtest=PeopleModelCost -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class PeopleModelCost {
  @Test
  void printsCostPerImage() throws Exception {
    assumeTrue(PeopleRankerEndToEndTest.available(), "people model not in this checkout");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<PhotoBenchmark.Image> images = new ArrayList<>(PhotoBenchmark.images("people-dev"));
    images.addAll(PhotoBenchmark.images("people-test"));
    try (GroundingModel people = GroundingModels.load(PeopleRankerEndToEndTest.PEOPLE, OrtSettings.cpu());
         GroundingModel baseline = GroundingModels.load(PeopleRankerEndToEndTest.BASELINE, OrtSettings.cpu())) {
      GroundingModel[] models = {baseline, people};
      long[] cpu = new long[2];
      long[] wall = new long[2];
      int rounds = Integer.getInteger("groundstream.cost.rounds", 3);
      for (int round = 0; round <= rounds; round++) { // round 0 warms up
        for (PhotoBenchmark.Image image : images) {
          byte[] bytes = PhotoBenchmark.bytes(image);
          PhotoBenchmark.Caption c = PhotoBenchmark.captions(image).get(0);
          List<PhraseQuery> q = new ArrayList<>();
          for (int i = 0; i < c.phrases().size(); i++) {
            q.add(new PhraseQuery("p" + i, c.phrases().get(i).text(), c.offsets().get(i)[0], c.offsets().get(i)[1]));
          }
          for (int m = 0; m < 2; m++) {
            PreprocessedImage pre = models[m].preprocessor().preprocess(bytes);
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            models[m].ground(List.of(new GroundingInput(pre, c.text(), q)));
            if (round > 0) {
              cpu[m] += os.getProcessCpuTime() - c0;
              wall[m] += System.nanoTime() - w0;
            }
          }
        }
      }
      int n = rounds * images.size();
      System.out.printf("ground() per image over %d runs: centernet-ranker cpu %.1f ms wall %.1f ms; "
          + "people-ranker cpu %.1f ms wall %.1f ms; ratio cpu %.2f wall %.2f%n", n, cpu[0] / 1e6 / n,
          wall[0] / 1e6 / n, cpu[1] / 1e6 / n, wall[1] / 1e6 / n, (double) cpu[1] / cpu[0], (double) wall[1] / wall[0]);
    }
  }
}
