package dev.groundstream.worker.model.check;

import dev.groundstream.worker.model.BoxFormat;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.ModelKind;
import dev.groundstream.worker.model.Preprocessing;
import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.model.TensorLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a model card with the inputs and outputs its ONNX graph declares, before any image is
 * run: every way the two can disagree is one plain sentence, so a team bringing its own model learns
 * what to fix in the card (or the export) without reading a stack trace.
 */
public final class ModelSignatureCheck {
  private static final Set<String> INTEGER_TYPES = Set.of("INT64", "INT32");

  private ModelSignatureCheck() {}

  /** Every disagreement between the card and the graph; empty when they match. */
  public static List<String> problems(ModelCard card, Map<String, TensorSignature> graphInputs,
      Map<String, TensorSignature> graphOutputs) {
    List<String> problems = new ArrayList<>();
    card.inputs().forEach((role, name) -> {
      if (!graphInputs.containsKey(name)) {
        problems.add("card input '" + role + "' names '" + name + "', but the graph's inputs are "
            + graphInputs.keySet());
      }
    });
    for (String name : graphInputs.keySet()) {
      if (!card.inputs().containsValue(name)) {
        problems.add("the graph needs input '" + name + "', which the card gives no role (card inputs: "
            + card.inputs() + ")");
      }
    }
    card.outputs().forEach((role, name) -> {
      if (!graphOutputs.containsKey(name)) {
        problems.add("card output '" + role + "' names '" + name + "', but the graph's outputs are "
            + graphOutputs.keySet());
      }
    });
    TensorSignature image = named(graphInputs, card.input(ModelCard.ROLE_IMAGE));
    if (image != null) {
      checkImage(image, card.preprocessing(), problems);
    }
    for (String role : List.of(ModelCard.ROLE_INPUT_IDS, ModelCard.ROLE_ATTENTION_MASK)) {
      TensorSignature text = named(graphInputs, card.input(role));
      if (text != null) {
        checkTokens(role, text, problems);
      }
    }
    card.outputs().forEach((role, name) -> {
      TensorSignature output = graphOutputs.get(name);
      if (output != null) {
        checkOutput(card.kind(), role, output, problems);
      }
    });
    return problems;
  }

  private static TensorSignature named(Map<String, TensorSignature> graph, String name) {
    return name == null ? null : graph.get(name);
  }

  private static void checkImage(TensorSignature image, Preprocessing pre, List<String> problems) {
    if (!image.elementType().equals("FLOAT")) {
      problems.add("image input '" + image.name() + "' is " + image.elementType()
          + "; the worker feeds FLOAT (export the graph with a float32 image input)");
    }
    if (image.rank() != 4) {
      problems.add("image input '" + image.name() + "' has rank " + image.rank() + " " + shape(image)
          + "; the worker feeds rank 4 (batch, then " + pre.layout() + ")");
      return;
    }
    int channelAxis = pre.layout() == TensorLayout.NCHW ? 1 : 3;
    int otherAxis = pre.layout() == TensorLayout.NCHW ? 3 : 1;
    if (image.dim(channelAxis) != 3 && image.dim(channelAxis) != -1) {
      String hint = image.dim(otherAxis) == 3
          ? " — the graph looks " + (pre.layout() == TensorLayout.NCHW ? "NHWC" : "NCHW")
              + ": set preprocessing.layout to match"
          : "";
      problems.add("the card says " + pre.layout() + " but image input '" + image.name() + "' " + shape(image)
          + " has " + image.dim(channelAxis) + " channels on axis " + channelAxis + hint);
      return;
    }
    int heightAxis = pre.layout() == TensorLayout.NCHW ? 2 : 1;
    long height = image.dim(heightAxis);
    long width = image.dim(heightAxis + 1);
    if (height != -1 && height != pre.height() || width != -1 && width != pre.width()) {
      problems.add("image input '" + image.name() + "' is fixed at " + width + "x" + height
          + " but preprocessing resizes to " + pre.width() + "x" + pre.height());
    }
  }

  private static void checkTokens(String role, TensorSignature text, List<String> problems) {
    if (!INTEGER_TYPES.contains(text.elementType())) {
      problems.add(role + " input '" + text.name() + "' is " + text.elementType() + "; token ids are INT64 or INT32");
    }
    if (text.rank() != 2) {
      problems.add(role + " input '" + text.name() + "' has rank " + text.rank() + " " + shape(text)
          + "; the worker feeds (batch, tokens)");
    }
  }

  private static void checkOutput(ModelKind kind, String role, TensorSignature output, List<String> problems) {
    if (!output.elementType().equals("FLOAT")) {
      problems.add("output '" + role + "' ('" + output.name() + "') is " + output.elementType()
          + "; the worker reads FLOAT outputs");
    }
    int expectedRank = switch (role) {
      case ModelCard.ROLE_DETECTIONS, ModelCard.ROLE_BOXES, ModelCard.ROLE_LOGITS, ModelCard.ROLE_HEATMAP -> 3;
      default -> -1;
    };
    if (role.equals(ModelCard.ROLE_HEATMAP) && output.rank() != 3) {
      String hint = output.rank() == 4 && output.dim(1) == 1
          ? " — the graph keeps a channel axis of 1: squeeze it before export (heatmap[:, 0])"
          : output.rank() == 2 ? " — one row per (image, phrase) and the cells as height x width, not flattened" : "";
      problems.add("output 'heatmap' ('" + output.name() + "') has rank " + output.rank() + " " + shape(output)
          + "; kind heatmap reads rank 3 (rows, height, width)" + hint);
      return;
    }
    if (expectedRank > 0 && output.rank() != expectedRank) {
      problems.add("output '" + role + "' ('" + output.name() + "') has rank " + output.rank() + " "
          + shape(output) + "; kind " + kind.cardName() + " reads rank " + expectedRank
          + " (batch, queries or detections, values)");
    }
    if (role.equals(ModelCard.ROLE_DETECTIONS) && output.rank() == 3 && output.dim(2) != -1 && output.dim(2) < 6) {
      problems.add("output 'detections' ('" + output.name() + "') has " + output.dim(2)
          + " values per detection; detector-ranker reads 6 (box, score, class)");
    }
    if (role.equals(ModelCard.ROLE_BOXES) && output.rank() == 3 && output.dim(2) != 4 && output.dim(2) != -1) {
      problems.add("output 'boxes' ('" + output.name() + "') has " + output.dim(2)
          + " values per box; boxFormat needs 4");
    }
  }

  /**
   * After a sample was grounded: a sentence when its boxes look written in another format than the
   * card's boxFormat (empty otherwise). Normalised values read as pixels collapse into the top-left
   * input pixel or two; pixel values read as normalised are scaled far past the image and clipped
   * to zero-size boxes on its right or bottom edge.
   *
   * @param boxes every phrase's boxes in original-image pixels, as the worker returns them
   */
  public static Optional<String> boxFormatHint(BoxFormat format, List<ScoredBox> boxes, int originalWidth,
      int originalHeight, int inputWidth, int inputHeight) {
    if (boxes.isEmpty()) {
      return Optional.empty();
    }
    double pixelX = (double) originalWidth / inputWidth;
    double pixelY = (double) originalHeight / inputHeight;
    if (format == BoxFormat.XYXY_PIXELS
        && boxes.stream().allMatch(b -> b.x2() <= 2 * pixelX && b.y2() <= 2 * pixelY)) {
      return Optional.of("every box lies within 2 input pixels of the top-left corner: the graph probably writes "
          + "normalised boxes (0..1) — set boxFormat to xyxy-normalized or cxcywh-normalized");
    }
    long collapsed = boxes.stream().filter(b -> (b.x2() - b.x1() < 1 && b.x1() >= originalWidth - 1)
        || (b.y2() - b.y1() < 1 && b.y1() >= originalHeight - 1)).count();
    if (format != BoxFormat.XYXY_PIXELS && collapsed * 2 > boxes.size()) {
      return Optional.of("most boxes are clipped to nothing on the image's right or bottom edge: the graph "
          + "probably writes model-input pixels, which " + format.cardName() + " scales by the input size — "
          + "set boxFormat to xyxy-pixels");
    }
    return Optional.empty();
  }

  private static String shape(TensorSignature t) {
    return Arrays.toString(t.shape());
  }
}
