package dev.groundstream.worker.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model card {@code groundstream-model.json} of a model folder (docs/architecture.md §6),
 * validated: every field a plug-in needs is present and every referenced file exists.
 *
 * <p>Format (see grounding-worker/README.md for a full example):
 * <pre>
 * {"name": "...", "version": "...", "kind": "detector-ranker|box-queries|caption-spans|heatmap",
 *  "inputs":  [{"name": "images", "role": "image"}, {"name": "input_ids", "role": "input_ids"}, ...],
 *  "outputs": [{"name": "detections", "role": "detections"}, ...],
 *  "preprocessing": {"width": 512, "height": 512, "layout": "NHWC|NCHW", "resize": "letterbox|stretch",
 *                    "mean": [..3], "std": [..3], "scale": 0.0039, "padValue": 0, "halfPixelCenters": true},
 *  "boxFormat": "cxcywh-normalized|xyxy-normalized|xyxy-pixels",
 *  "labels": "labels.txt", "tokenizer": "tokenizer.json", "model": "model.onnx",
 *  "scoreActivation": "sigmoid|none", "minScore": 0, "maxBatch": 8, "peakThreshold": 0.5}
 * </pre>
 * The converter-style card of models/centernet-coco (kind "detector", resize object, boxFormat
 * object, classes.labelsFile, valueRange) is read too. Files may also lie in a sibling model folder
 * ("model": "../centernet-coco/model.onnx"); a "modelSha256" (or files.modelSha256) is verified.
 */
public record ModelCard(
    Path folder, String name, String version, ModelKind kind,
    Map<String, String> inputs, Map<String, String> outputs,
    Preprocessing preprocessing, BoxFormat boxFormat, Path modelFile,
    Optional<Path> labelsFile, Optional<Path> tokenizerFile,
    boolean sigmoidScores, float minScore, int maxBatch, float peakThreshold) {

  public static final String FILE_NAME = "groundstream-model.json";
  public static final String ROLE_IMAGE = "image";
  public static final String ROLE_INPUT_IDS = "input_ids";
  public static final String ROLE_ATTENTION_MASK = "attention_mask";
  public static final String ROLE_DETECTIONS = "detections";
  public static final String ROLE_LOGITS = "logits";
  public static final String ROLE_BOXES = "boxes";
  public static final String ROLE_HEATMAP = "heatmap";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads and validates {@code folder/groundstream-model.json}. */
  public static ModelCard load(Path folder) {
    Path cardFile = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(cardFile)) {
      throw new ModelCardException("No model card: " + cardFile + " does not exist");
    }
    JsonNode root;
    try {
      root = JSON.readTree(cardFile.toFile());
    } catch (IOException e) {
      throw new ModelCardException(cardFile + " is not valid JSON: " + e.getMessage(), e);
    }
    try {
      return parse(folder, root);
    } catch (ModelCardException e) {
      throw new ModelCardException(cardFile + ": " + e.getMessage(), e);
    }
  }

  static ModelCard parse(Path folder, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new ModelCardException("the card must be a JSON object");
    }
    String name = requiredText(root, "name");
    String version = requiredText(root, "version");
    ModelKind kind = ModelKind.fromCard(requiredText(root, "kind"));
    Map<String, String> inputs = tensorNames(root, "inputs", ROLE_IMAGE);
    Map<String, String> outputs = tensorNames(root, "outputs", defaultOutputRole(kind));
    requireRoles(kind, inputs, outputs);
    JsonNode pre = root.path("preprocessing");
    if (!pre.isObject()) {
      throw new ModelCardException("missing object 'preprocessing'");
    }
    Preprocessing preprocessing = preprocessing(pre, root.path("inputs"));
    BoxFormat boxFormat = kind == ModelKind.HEATMAP ? BoxFormat.XYXY_PIXELS : boxFormat(root.path("boxFormat"));
    Path model = existingFile(folder, firstText(root, "model", "/files/model").orElse("model.onnx"), "model");
    firstText(root, "modelSha256", "/files/modelSha256").ifPresent(hash -> SharedModelFile.requireSha256(model, hash));
    Optional<Path> labels = firstText(root, "labels", "/classes/labelsFile", "/files/labels")
        .map(f -> existingFile(folder, f, "labels"));
    Optional<Path> tokenizer = firstText(root, "tokenizer", "/files/tokenizer")
        .map(f -> existingFile(folder, f, "tokenizer"));
    if (kind == ModelKind.DETECTOR_RANKER && labels.isEmpty()) {
      throw new ModelCardException("kind detector-ranker needs 'labels' (a labels file, one class per line)");
    }
    if (kind != ModelKind.DETECTOR_RANKER && tokenizer.isEmpty()) {
      throw new ModelCardException("kind " + kind.cardName() + " needs 'tokenizer' (a tokenizer.json)");
    }
    String activation = root.path("scoreActivation").asText(kind == ModelKind.DETECTOR_RANKER ? "none" : "sigmoid");
    if (!activation.equals("sigmoid") && !activation.equals("none")) {
      throw new ModelCardException("scoreActivation must be sigmoid or none, got '" + activation + "'");
    }
    float minScore = (float) root.path("minScore").asDouble(root.at("/postprocessing/recommendedMinScore").asDouble(0));
    int maxBatch = root.has("maxBatch") ? root.get("maxBatch").asInt() : fixedBatchOrDefault(root.path("inputs"));
    if (maxBatch <= 0) {
      throw new ModelCardException("maxBatch must be positive");
    }
    float peakThreshold = (float) root.path("peakThreshold").asDouble(0.5);
    if (!(peakThreshold > 0 && peakThreshold <= 1)) {
      throw new ModelCardException("peakThreshold must be in (0, 1]");
    }
    return new ModelCard(folder, name, version, kind, inputs, outputs, preprocessing, boxFormat, model,
        labels, tokenizer, activation.equals("sigmoid"), minScore, maxBatch, peakThreshold);
  }

  /** The consumer group of this model version: grounding-worker.&lt;model&gt;.&lt;version&gt;. */
  public String consumerGroup() {
    return "grounding-worker." + name + "." + version;
  }

  public String input(String role) {
    return inputs.get(role);
  }

  public String output(String role) {
    return outputs.get(role);
  }

  private static String defaultOutputRole(ModelKind kind) {
    return switch (kind) {
      case DETECTOR_RANKER -> ROLE_DETECTIONS;
      case HEATMAP -> ROLE_HEATMAP;
      default -> null; // two outputs: roles must be explicit
    };
  }

  private static void requireRoles(ModelKind kind, Map<String, String> inputs, Map<String, String> outputs) {
    requireRole(inputs, "inputs", ROLE_IMAGE);
    switch (kind) {
      case DETECTOR_RANKER -> requireRole(outputs, "outputs", ROLE_DETECTIONS);
      case HEATMAP -> {
        requireRole(inputs, "inputs", ROLE_INPUT_IDS);
        requireRole(outputs, "outputs", ROLE_HEATMAP);
      }
      case BOX_QUERIES, CAPTION_SPANS -> {
        requireRole(inputs, "inputs", ROLE_INPUT_IDS);
        requireRole(outputs, "outputs", ROLE_LOGITS);
        requireRole(outputs, "outputs", ROLE_BOXES);
      }
    }
  }

  private static void requireRole(Map<String, String> tensors, String field, String role) {
    if (!tensors.containsKey(role)) {
      throw new ModelCardException("'" + field + "' has no tensor with role '" + role + "' (have " + tensors.keySet() + ")");
    }
  }

  /** role -> tensor name; an entry without a role gets {@code firstRole} if it is the first, or "primary": true. */
  private static Map<String, String> tensorNames(JsonNode root, String field, String firstRole) {
    JsonNode list = root.path(field);
    if (!list.isArray() || list.isEmpty()) {
      throw new ModelCardException("missing non-empty array '" + field + "'");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String tensor = entry.isTextual() ? entry.asText() : entry.path("name").asText("");
      if (tensor.isBlank()) {
        throw new ModelCardException("'" + field + "[" + i + "]' needs a tensor 'name'");
      }
      String role = entry.path("role").asText(null);
      if (role == null && firstRole != null && (i == 0 || entry.path("primary").asBoolean(false))) {
        role = firstRole;
      }
      if (role != null) {
        out.put(role, tensor);
      }
    }
    return out;
  }

  private static Preprocessing preprocessing(JsonNode pre, JsonNode inputs) {
    JsonNode resize = pre.path("resize");
    int width = pre.has("width") ? pre.get("width").asInt() : resize.path("width").asInt(-1);
    int height = pre.has("height") ? pre.get("height").asInt() : resize.path("height").asInt(-1);
    if (pre.has("size")) {
      JsonNode size = pre.get("size");
      width = size.isArray() ? size.get(0).asInt() : size.asInt();
      height = size.isArray() ? size.get(1).asInt() : size.asInt();
    }
    if (width <= 0 || height <= 0) {
      throw new ModelCardException("preprocessing needs 'width' and 'height' (or 'size')");
    }
    String layoutText = pre.path("layout").asText(inputs.path(0).path("layout").asText(""));
    TensorLayout layout;
    try {
      layout = TensorLayout.valueOf(layoutText);
    } catch (IllegalArgumentException e) {
      throw new ModelCardException("preprocessing.layout must be NHWC or NCHW, got '" + layoutText + "'");
    }
    ResizeMode mode;
    if (resize.isObject()) {
      mode = resize.path("keepAspectRatio").asBoolean(false) ? ResizeMode.LETTERBOX : ResizeMode.STRETCH;
    } else {
      String text = resize.asText("");
      mode = switch (text) {
        case "letterbox" -> ResizeMode.LETTERBOX;
        case "stretch" -> ResizeMode.STRETCH;
        default -> throw new ModelCardException("preprocessing.resize must be letterbox or stretch, got '" + text + "'");
      };
    }
    // Pixels are 0..255; mean/std are for 0..1 values unless 'scale' or a 0..255 'valueRange' says otherwise.
    boolean rawRange = pre.path("valueRange").path(1).asDouble(1) > 1;
    float scale = (float) pre.path("scale").asDouble(rawRange ? 1.0 : 1.0 / 255);
    float[] mean = floats(pre, "mean", 0f);
    float[] std = floats(pre, "std", 1f);
    int pad = pre.path("padValue").asInt(0);
    boolean halfPixel = resize.isObject() ? resize.path("halfPixelCenters").asBoolean(true)
        : pre.path("halfPixelCenters").asBoolean(true);
    return new Preprocessing(width, height, layout, mode, scale, mean, std, pad, halfPixel);
  }

  private static float[] floats(JsonNode pre, String field, float fallback) {
    JsonNode node = pre.path(field);
    if (node.isMissingNode()) {
      return new float[] {fallback, fallback, fallback};
    }
    if (!node.isArray() || node.size() != 3) {
      throw new ModelCardException("preprocessing." + field + " must be an array of 3 numbers");
    }
    return new float[] {(float) node.get(0).asDouble(), (float) node.get(1).asDouble(), (float) node.get(2).asDouble()};
  }

  private static BoxFormat boxFormat(JsonNode node) {
    if (node.isTextual()) {
      return BoxFormat.fromCard(node.asText());
    }
    if (node.isObject()) {
      String format = node.path("format").asText("");
      boolean normalized = node.path("normalized").asBoolean(false);
      return BoxFormat.fromCard(format + (normalized ? "-normalized" : "-pixels"));
    }
    throw new ModelCardException("missing 'boxFormat' (cxcywh-normalized, xyxy-normalized or xyxy-pixels)");
  }

  /** An input declared with a numeric batch dimension of 1 can only run one image at a time. */
  private static int fixedBatchOrDefault(JsonNode inputs) {
    JsonNode firstDim = inputs.path(0).path("shape").path(0);
    return firstDim.isNumber() && firstDim.asInt() == 1 ? 1 : 8;
  }

  private static Optional<String> firstText(JsonNode root, String field, String... pointers) {
    if (root.path(field).isTextual()) {
      return Optional.of(root.get(field).asText());
    }
    for (String pointer : pointers) {
      JsonNode n = root.at(pointer);
      if (n.isTextual()) {
        return Optional.of(n.asText());
      }
    }
    return Optional.empty();
  }

  private static Path existingFile(Path folder, String relative, String field) {
    Path file = folder.resolve(relative).normalize();
    if (!file.startsWith(folder.normalize()) && !SharedModelFile.inSiblingModelFolder(folder, file)) {
      throw new ModelCardException("'" + field + "' must stay inside the model folder (or a sibling model folder with its own card): " + relative);
    }
    if (!Files.isRegularFile(file)) {
      throw new ModelCardException("'" + field + "' file " + relative + " does not exist in " + folder);
    }
    return file;
  }

  private static String requiredText(JsonNode root, String field) {
    JsonNode n = root.path(field);
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new ModelCardException("missing text field '" + field + "'");
    }
    return n.asText();
  }
}
