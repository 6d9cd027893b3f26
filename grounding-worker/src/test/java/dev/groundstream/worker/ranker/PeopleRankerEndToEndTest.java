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

  /**
   * Keypoint-derived regions on real dev photos overlap the hand-drawn box (IoU >= 0.5), where the
   * fixed person-box fractions of centernet-ranker hit 2 of the 7 dev clothing phrases).
   */
  @Test
  void keypointRegionsOverlapTheAnnotatedBoxesOnDevPhotos() throws Exception {
    assumeTrue(available(), "people-ranker, movenet-multipose or the people splits are not in this checkout");
    String[][] cases = {{"astronaut", "an orange spacesuit"}, {"camera", "a dark coat"}, {"person", "a knit hat"},
        {"person", "rubber boots"}, {"person", "a blue jacket"}};
    try (GroundingModel people = GroundingModels.load(PEOPLE, OrtSettings.cpu())) {
      for (String[] c : cases) {
        PhotoBenchmark.Image image = PhotoBenchmark.image(c[0]);
        PhotoBenchmark.Phrase phrase = image.phrases().stream().filter(p -> p.text().equals(c[1])).findFirst().orElseThrow();
        GroundingInput input = new GroundingInput(people.preprocessor().preprocess(PhotoBenchmark.bytes(image)), c[1],
            List.of(new PhraseQuery("p", c[1], 0, c[1].length())));
        List<PhraseGrounding> out = assertInstanceOf(GroundingOutcome.Grounded.class,
            people.ground(List.of(input)).get(0)).phrases();
        org.junit.jupiter.api.Assertions.assertTrue(PhotoBenchmark.hit(out.get(0).boxes(), phrase.boxes(), 1),
            c[0] + " '" + c[1] + "': top-1 " + out.get(0).boxes().get(0) + " vs " + phrase.boxes());
      }
    }
  }

  /** A tiny image, a grey-scale photo and a photo without people: no exception, never a NaN box. */
  @Test
  void badInputsGiveFiniteBoxes() throws Exception {
    assumeTrue(available(), "people-ranker, movenet-multipose or the people splits are not in this checkout");
    java.awt.image.BufferedImage tiny = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.image.BufferedImage grey = javax.imageio.ImageIO.read(PhotoBenchmark.image("person").file().toFile());
    java.awt.image.BufferedImage g = new java.awt.image.BufferedImage(grey.getWidth(), grey.getHeight(),
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    g.getGraphics().drawImage(grey, 0, 0, null);
    List<byte[]> images = new ArrayList<>();
    for (java.awt.image.BufferedImage img : List.of(tiny, g)) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", bytes);
      images.add(bytes.toByteArray());
    }
    images.add(PhotoBenchmark.bytes(PhotoBenchmark.image("fruits")));
    String caption = "A man in a red shirt with long hair and black boots on the left";
    List<PhraseQuery> queries = List.of(new PhraseQuery("1", "A man", 0, 5), new PhraseQuery("2", "a red shirt", 9, 20),
        new PhraseQuery("3", "long hair", 26, 35), new PhraseQuery("4", "black boots", 40, 51));
    try (GroundingModel people = GroundingModels.load(PEOPLE, OrtSettings.cpu())) {
      for (byte[] bytes : images) {
        GroundingInput input = new GroundingInput(people.preprocessor().preprocess(bytes), caption, queries);
        for (PhraseGrounding pg : assertInstanceOf(GroundingOutcome.Grounded.class,
            people.ground(List.of(input)).get(0)).phrases()) {
          for (var b : pg.boxes()) {
            org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(b.x1()) && Float.isFinite(b.y1())
                && Float.isFinite(b.x2()) && Float.isFinite(b.y2()) && Float.isFinite(b.score())
                && b.x2() >= b.x1() && b.y2() >= b.y1(), pg.phraseId() + ": " + b);
          }
        }
      }
    }
  }

  /** The people-ranker card with one of its signals switched off (the pose stage opened anew). */
  static GroundingModel variant(String which) throws Exception {
    ModelCard card = ModelCard.load(PEOPLE);
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(PEOPLE.resolve(ModelCard.FILE_NAME).toFile());
    com.fasterxml.jackson.databind.node.ObjectNode section = ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("ranker")).deepCopy();
    com.fasterxml.jackson.databind.node.ObjectNode people = (com.fasterxml.jackson.databind.node.ObjectNode) section.get("people");
    com.fasterxml.jackson.databind.node.ObjectNode r = root.deepCopy();
    switch (which) {
      case "colour" -> people.put("useColour", false);
      case "spatial" -> people.put("spatialWeight", 0.0);
      case "caption" -> people.put("useCaptionContext", false);
      case "pose" -> r.remove("stages");
      default -> { }
    }
    List<String> labels = Files.readAllLines(card.labelsFile().orElseThrow()).stream().map(String::trim).toList();
    dev.groundstream.worker.model.PostprocessSettings top = dev.groundstream.worker.model.PostprocessSettings.DEFAULT;
    var ranker = dev.groundstream.worker.model.people.PeopleModelLoader.ranker(card, r, section,
        SemanticRanker.create(labels, RankerSettings.fromJson(section), top), labels, top, OrtSettings.cpu());
    return new dev.groundstream.worker.model.DetectorRankerModel(card,
        dev.groundstream.worker.onnx.ModelSession.open(card.modelFile(), OrtSettings.cpu()), top, ranker);
  }

  /** R@1 per type on the dev split for the card and each signal off; printed (tuning data, not asserted). */
  @Test
  void printsRecallOnTheDevSplitWithAblations() throws Exception {
    assumeTrue(available(), "people-ranker, movenet-multipose or the people splits are not in this checkout");
    try (GroundingModel baseline = GroundingModels.load(BASELINE, OrtSettings.cpu())) {
      System.out.println("people-dev, R@1 centernet-ranker:              " + recall(baseline, "people-dev", 1, false));
    }
    for (String v : List.of("all", "colour", "spatial", "caption", "pose")) {
      try (GroundingModel m = variant(v)) {
        System.out.printf("people-dev, R@1 people-ranker %-17s %s%n", v.equals("all") ? "(all signals):"
            : "without " + v + ":", recall(m, "people-dev", 1, v.equals("all")));
      }
    }
  }

  /**
   * Recall floor on the held-out people-test split (never looked at while writing the rules;
   * measured once at the end, see docs/benchmarks/photo-benchmark.md): fails on a regression.
   */
  @Test
  void recallOnTheHeldOutTestSplitStaysAboveTheFloor() throws Exception {
    assumeTrue(available(), "people-ranker, movenet-multipose or the people splits are not in this checkout");
    try (GroundingModel people = GroundingModels.load(PEOPLE, OrtSettings.cpu())) {
      PhotoBenchmark.Recall r1 = recall(people, "people-test", 1, false);
      System.out.println("people-test, R@1 people-ranker: " + r1);
      org.junit.jupiter.api.Assertions.assertTrue(r1.all() >= TEST_FLOOR_ALL,
          "people-test R@1 " + r1.all() + " fell below the floor " + TEST_FLOOR_ALL + ": " + r1);
    }
  }

  /** Measured at the end of issue 13: R@1 0.556 (15/27) on people-test; the floor allows two phrases to flip. */
  static final double TEST_FLOOR_ALL = 0.48;
}
