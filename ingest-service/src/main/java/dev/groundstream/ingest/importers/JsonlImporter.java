package dev.groundstream.ingest.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.RequestIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * GroundStream's own line format for any other dataset; documented in docs/jsonl-import.md.
 * One JSON object per non-blank line = one request. Phrases may be omitted (they are then
 * extracted from the caption by {@code phraser}); truth is written when any phrase carries
 * {@code boxes}, {@code noBox} or {@code scene}.
 */
public final class JsonlImporter implements DatasetImporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String dataset;
  private final Path imagesDir;
  private final ImageFiles images;
  private final Clock clock;
  private final Function<String, List<Phrase>> phraser;
  private final List<String> lines = new ArrayList<>();
  private final List<Integer> lineNumbers = new ArrayList<>();

  public JsonlImporter(Path jsonl, Path imagesDir, String dataset, ImageFiles images, Clock clock,
      Function<String, List<Phrase>> phraser) throws IOException {
    this.dataset = dataset;
    this.imagesDir = imagesDir;
    this.images = images;
    this.clock = clock;
    this.phraser = phraser;
    List<String> all = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).isBlank()) {
        lines.add(all.get(i));
        lineNumbers.add(i + 1);
      }
    }
  }

  @Override
  public String dataset() {
    return dataset;
  }

  @Override
  public int size() {
    return lines.size();
  }

  @Override
  public ImportedSample sample(int index) throws IOException {
    String where = "line " + lineNumbers.get(index);
    JsonNode node;
    try {
      node = JSON.readTree(lines.get(index));
    } catch (IOException e) {
      throw new IOException(where + ": not JSON: " + e.getMessage(), e);
    }
    String caption = required(node, "caption", where);
    String imagePath = required(node, "image", where);
    Path file = imagePath.startsWith("file:") ? Path.of(java.net.URI.create(imagePath)) : imagesDir.resolve(imagePath);
    ImageRef image = images.load(file, node.path("width").asInt(0), node.path("height").asInt(0));
    String sampleKey = node.hasNonNull("id") ? node.get("id").asText() : Integer.toString(index);
    var requestId = RequestIds.forDatasetSample(dataset, imagePath, sampleKey);
    Instant now = clock.instant();

    List<Phrase> phrases = new ArrayList<>();
    List<PhraseTruth> truths = new ArrayList<>();
    boolean hasTruth = false;
    if (node.has("phrases")) {
      int i = 0;
      for (JsonNode p : node.get("phrases")) {
        String phraseId = "p" + i++;
        Phrase phrase = phrase(p, phraseId, caption, where);
        phrases.add(phrase);
        hasTruth |= p.has("boxes") || p.has("noBox") || p.has("scene");
        truths.add(PhraseTruth.newBuilder().setPhraseId(phraseId).setEntityId(phrase.getEntityId())
            .setTypes(phrase.getTypes()).setBoxes(boxes(p.path("boxes"), image, where))
            .setNoBox(p.path("noBox").asBoolean(false)).setScene(p.path("scene").asBoolean(false)).build());
      }
    } else if (phraser != null) {
      phrases.addAll(phraser.apply(caption));
    } else {
      throw new IOException(where + ": no phrases and no phrase extractor configured");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    node.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
    GroundingRequest request = GroundingRequest.newBuilder()
        .setRequestId(requestId).setCreatedAt(now).setSource("import:" + dataset).setDataset(dataset)
        .setImage(image).setCaption(caption).setPhrases(phrases).setAttributes(attributes).build();
    Optional<GroundTruth> truth = !hasTruth ? Optional.empty() : Optional.of(GroundTruth.newBuilder()
        .setRequestId(requestId).setDataset(dataset).setSource("dataset").setLabeledAt(now)
        .setImageWidth(image.getWidth()).setImageHeight(image.getHeight()).setPhrases(truths).build());
    return new ImportedSample(request, truth);
  }

  private static Phrase phrase(JsonNode p, String phraseId, String caption, String where) throws IOException {
    int start = p.path("start").asInt(-1);
    int end = p.path("end").asInt(-1);
    if (start < 0 || end <= start || end > caption.length()) {
      throw new IOException(where + ": phrase " + phraseId + " span [" + start + "," + end + ") is outside the caption");
    }
    String text = caption.substring(start, end);
    if (p.has("text") && !p.get("text").asText().equals(text)) {
      throw new IOException(where + ": phrase " + phraseId + " text '" + p.get("text").asText()
          + "' differs from caption[" + start + "," + end + ") = '" + text + "'");
    }
    List<PhraseType> types = new ArrayList<>();
    for (JsonNode t : p.path("types")) {
      try {
        types.add(PhraseType.valueOf(t.asText()));
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": unknown phrase type '" + t.asText() + "'", e);
      }
    }
    return Phrase.newBuilder().setPhraseId(phraseId).setText(text).setCharStart(start).setCharEnd(end)
        .setTypes(types).setEntityId(p.hasNonNull("entityId") ? p.get("entityId").asText() : null).build();
  }

  private static List<Box> boxes(JsonNode array, ImageRef image, String where) throws IOException {
    List<Box> boxes = new ArrayList<>();
    for (JsonNode b : array) {
      float x1 = (float) b.path(0).asDouble(), y1 = (float) b.path(1).asDouble();
      float x2 = (float) b.path(2).asDouble(), y2 = (float) b.path(3).asDouble();
      if (b.size() != 4 || x1 < 0 || y1 < 0 || x2 <= x1 || y2 <= y1 || x2 > image.getWidth() || y2 > image.getHeight()) {
        throw new IOException(where + ": box " + b + " is not [x1,y1,x2,y2] inside the "
            + image.getWidth() + "x" + image.getHeight() + " image");
      }
      boxes.add(Box.newBuilder().setX1(x1).setY1(y1).setX2(x2).setY2(y2).build());
    }
    return boxes;
  }

  private static String required(JsonNode node, String field, String where) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IOException(where + ": '" + field + "' (string) is required");
    }
    return value.asText();
  }
}
