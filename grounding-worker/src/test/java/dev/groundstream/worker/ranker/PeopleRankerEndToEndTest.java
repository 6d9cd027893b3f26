package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.model.GroundingOutcome;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.PhraseGrounding;
import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.onnx.OrtSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The composite models/people-ranker against models/centernet-ranker on the people splits of
 * datasets/groundstream-photos (people-dev.txt, people-test.txt): whole captions with their phrase
 * offsets through the real model plug-ins, R@1 per type printed (any-box protocol).
 */
class PeopleRankerEndToEndTest {
  static final Path PEOPLE = Path.of("..", "models", "people-ranker");
  static final Path BASELINE = Path.of("..", "models", "centernet-ranker");

  static boolean available() {
    return Files.isRegularFile(PEOPLE.resolve(ModelCard.FILE_NAME))
        && Files.isRegularFile(Path.of("..", "models", "movenet-multipose", "model.onnx"))
        && Files.isRegularFile(PhotoBenchmark.ROOT.resolve("people-dev.txt"));
  }

  static PhotoBenchmark.Recall recall(GroundingModel model, String split, int k, boolean verbose) throws Exception {
    PhotoBenchmark.Recall r = new PhotoBenchmark.Recall();
    for (PhotoBenchmark.Image image : PhotoBenchmark.images(split)) {
      byte[] bytes = PhotoBenchmark.bytes(image);
      for (PhotoBenchmark.Caption c : PhotoBenchmark.captions(image)) {
        List<PhraseQuery> queries = new ArrayList<>();
        for (int i = 0; i < c.phrases().size(); i++) {
          queries.add(new PhraseQuery("p" + i, c.phrases().get(i).text(), c.offsets().get(i)[0], c.offsets().get(i)[1]));
        }
        GroundingInput input = new GroundingInput(model.preprocessor().preprocess(bytes), c.text(), queries);
        List<PhraseGrounding> out = assertInstanceOf(GroundingOutcome.Grounded.class,
            model.ground(List.of(input)).get(0)).phrases();
        for (int i = 0; i < c.phrases().size(); i++) {
          PhotoBenchmark.Phrase p = c.phrases().get(i);
          if (PhotoBenchmark.evaluable(p)) {
            boolean hit = PhotoBenchmark.hit(out.get(i).boxes(), p.boxes(), k);
            r.add(p, hit);
            if (verbose) {
              System.out.printf("  %s %-40s %s gt=%s top1=%s%n", image.id(), p.text(), hit ? "HIT " : "miss", p.boxes(),
                  out.get(i).boxes().isEmpty() ? "-" : out.get(i).boxes().get(0));
            }
          }
        }
      }
    }
    return r;
  }

  @Test
  void printsRecallOnTheDevSplit() throws Exception {
    assumeTrue(available(), "people-ranker, movenet-multipose or the people splits are not in this checkout");
    try (GroundingModel people = GroundingModels.load(PEOPLE, OrtSettings.cpu());
         GroundingModel baseline = GroundingModels.load(BASELINE, OrtSettings.cpu())) {
      System.out.println("people-dev, R@1 centernet-ranker: " + recall(baseline, "people-dev", 1, false));
      System.out.println("people-dev, R@1 people-ranker:    " + recall(people, "people-dev", 1, true));
    }
  }
}
