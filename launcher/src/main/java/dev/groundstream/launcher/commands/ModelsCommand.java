package dev.groundstream.launcher.commands;

import dev.groundstream.avro.Phrase;
import dev.groundstream.ingest.phrases.CaptionPhraser;
import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.model.GroundingOutcome;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.ModelCardException;
import dev.groundstream.worker.model.ModelKind;
import dev.groundstream.worker.model.PhraseGrounding;
import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.PreprocessedImage;
import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.model.check.GraphSignatures;
import dev.groundstream.worker.model.check.ModelSignatureCheck;
import dev.groundstream.worker.model.check.TensorSignature;
import dev.groundstream.worker.onnx.OrtSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code groundstream models check DIR}: does this model folder load and ground, the way the worker runs it? */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect model folders.",
    subcommands = ModelsCommand.Check.class)
public final class ModelsCommand {

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Load a model folder as the worker does, compare its card with the ONNX graph, "
          + "ground a sample image and caption, and print the ranked boxes per phrase and the time per image.")
  static final class Check implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The model folder (with groundstream-model.json).")
    Path folder;

    @Option(names = "--image", defaultValue = "datasets/groundstream-photos/images/person.jpg",
        description = "Image to ground (default ${DEFAULT-VALUE}).")
    Path image;

    @Option(names = "--caption", defaultValue = "A person stands between a dog and a white horse",
        description = "Caption; its noun phrases are found as ingest finds them (default: \"${DEFAULT-VALUE}\").")
    String caption;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--top", defaultValue = "3", description = "Boxes printed per phrase (default ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(folder)) {
        return fail("no model folder at " + folder);
      }
      ModelCard card;
      try {
        card = ModelCard.load(folder);
      } catch (ModelCardException e) {
        if (e.getMessage().matches("(?s).*kind '[a-z]+-stage'.*")) {
          return fail(folder + " is a stage of a composite model, not a model on its own; check the composite "
              + "card that lists it (e.g. models/people-ranker)");
        }
        return fail(e.getMessage());
      }
      System.out.println("model " + card.name() + ":" + card.version() + " (kind " + card.kind().cardName()
          + ", " + card.preprocessing().width() + "x" + card.preprocessing().height() + " "
          + card.preprocessing().layout() + (card.kind() == ModelKind.HEATMAP ? ", boxes from the heatmap peak, peakThreshold " + card.peakThreshold()
              : ", boxes " + card.boxFormat().cardName()) + ")");
      GraphSignatures graph = GraphSignatures.of(card.modelFile());
      printSignature("input", graph.inputs(), card.inputs());
      printSignature("output", graph.outputs(), card.outputs());
      List<String> problems = ModelSignatureCheck.problems(card, graph.inputs(), graph.outputs());
      if (!problems.isEmpty()) {
        problems.forEach(p -> System.err.println("error: " + p));
        return 2;
      }
      if (!Files.isRegularFile(image)) {
        return fail("no image at " + image + " (--image FILE)");
      }
      return ground();
    }

    private int ground() throws Exception {
      List<Phrase> phrases = CaptionPhraser.shared().phrases(caption);
      if (phrases.isEmpty()) {
        return fail("no noun phrase found in the caption \"" + caption + "\"");
      }
      List<PhraseQuery> queries = phrases.stream().map(p -> new PhraseQuery(p.getPhraseId().toString(),
          p.getText().toString(), p.getCharStart(), p.getCharEnd(), p.getHead())).toList();
      byte[] bytes = Files.readAllBytes(image);
      try (GroundingModel model = GroundingModels.load(folder, OrtSettings.cpu())) {
        PreprocessedImage prepared = model.preprocessor().preprocess(bytes);
        List<GroundingInput> batch = List.of(new GroundingInput(prepared, caption, queries));
        GroundingOutcome outcome = model.ground(batch).get(0); // warm-up, and the answer we print
        long[] nanos = new long[Math.max(1, runs)];
        for (int i = 0; i < nanos.length; i++) {
          long start = System.nanoTime();
          model.preprocessor().preprocess(bytes);
          model.ground(batch);
          nanos[i] = System.nanoTime() - start;
        }
        if (outcome instanceof GroundingOutcome.Failed failed) {
          return fail("the model ran but produced no usable output: " + failed.error().getMessage());
        }
        printGroundings(((GroundingOutcome.Grounded) outcome).phrases(), queries, prepared);
        Arrays.sort(nanos);
        System.out.print(String.format("time per image: median %.1f ms over %d runs (decode + preprocess + model + ranking, %s)%n",
            nanos[nanos.length / 2] / 1e6, nanos.length, model.provider().label()));
        return 0;
      }
    }

    private void printGroundings(List<PhraseGrounding> groundings, List<PhraseQuery> queries, PreprocessedImage prepared) {
      System.out.println("image " + image + " " + prepared.originalWidth() + "x" + prepared.originalHeight()
          + ", caption \"" + caption + "\"");
      List<String> outside = new ArrayList<>();
      for (int i = 0; i < groundings.size(); i++) {
        PhraseGrounding g = groundings.get(i);
        System.out.println("  \"" + queries.get(i).text() + "\"");
        List<ScoredBox> boxes = g.boxes();
        if (boxes.isEmpty()) {
          System.out.println("      (no box)");
        }
        for (ScoredBox b : boxes.subList(0, Math.min(top, boxes.size()))) {
          System.out.print(String.format("      [%.0f, %.0f, %.0f, %.0f] score %.3f%n", b.x1(), b.y1(), b.x2(), b.y2(), b.score()));
          if (b.x2() < 0 || b.y2() < 0 || b.x1() > prepared.originalWidth() || b.y1() > prepared.originalHeight()) {
            outside.add(queries.get(i).text());
          }
        }
      }
      if (!outside.isEmpty()) {
        System.out.println("warning: boxes lie outside the image for " + outside
            + " — is the card's boxFormat right?");
      }
      ModelCard card = ModelCard.load(folder);
      if (card.kind() != ModelKind.HEATMAP) { // heatmap boxes come from the map's cells, not a boxFormat
        List<ScoredBox> all = groundings.stream().flatMap(g -> g.boxes().stream()).toList();
        ModelSignatureCheck.boxFormatHint(card.boxFormat(), all, prepared.originalWidth(), prepared.originalHeight(),
            card.preprocessing().width(), card.preprocessing().height())
            .ifPresent(hint -> System.out.println("warning: " + hint));
      }
    }

    private static void printSignature(String what, Map<String, TensorSignature> graph, Map<String, String> roles) {
      graph.forEach((name, t) -> {
        String role = roles.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
            .findFirst().orElse("(no role in the card)");
        System.out.println("  " + what + " " + t + "  role " + role);
      });
    }

    private static int fail(String message) {
      System.err.println("error: " + message);
      return 2;
    }
  }
}
