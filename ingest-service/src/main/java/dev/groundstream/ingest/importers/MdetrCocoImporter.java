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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * MDETR-style COCO json ({@code final_flickr_separateGT_*.json}, {@code finetune_refcoco*_*.json}):
 * each {@code images[]} entry is one caption of one picture (one request); its
 * {@code tokens_positive_eval} lists, per phrase, the character spans of the phrase; each
 * {@code annotations[]} entry is one box ({@code bbox} = [x, y, w, h], 0-based pixels) with the
 * caption spans it grounds ({@code tokens_positive}). A box belongs to every phrase whose spans it
 * overlaps. Without {@code tokens_positive_eval} the phrases are the distinct span sets of the
 * annotations. The json has no Flickr types: {@code typer} supplies them (or none).
 */
public final class MdetrCocoImporter implements DatasetImporter {
  private record Span(int start, int end) {
    boolean overlaps(Span o) {
      return start < o.end && o.start < end;
    }
  }

  private final String dataset;
  private final Path imagesDir;
  private final ImageFiles images;
  private final Clock clock;
  private final Function<String, List<PhraseType>> typer;
  private final List<JsonNode> imageEntries = new ArrayList<>();
  private final Map<Long, List<JsonNode>> annotationsByImage = new HashMap<>();

  public MdetrCocoImporter(Path json, Path imagesDir, String dataset, ImageFiles images, Clock clock,
      Function<String, List<PhraseType>> typer) throws IOException {
    this.dataset = dataset;
    this.imagesDir = imagesDir;
    this.images = images;
    this.clock = clock;
    this.typer = typer;
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    if (root == null || !root.path("images").isArray()) {
      throw new IOException(json + " has no images array: not an MDETR/COCO json");
    }
    root.path("images").forEach(imageEntries::add);
    for (JsonNode a : root.path("annotations")) {
      annotationsByImage.computeIfAbsent(a.path("image_id").asLong(), k -> new ArrayList<>()).add(a);
    }
  }

  @Override
  public String dataset() {
    return dataset;
  }

  @Override
  public int size() {
    return imageEntries.size();
  }

  @Override
  public ImportedSample sample(int index) throws IOException {
    JsonNode entry = imageEntries.get(index);
    String caption = entry.path("caption").asText(null);
    String fileName = entry.path("file_name").asText(null);
    if (caption == null || fileName == null) {
      throw new IOException("images[" + index + "] lacks caption or file_name");
    }
    List<JsonNode> annotations = annotationsByImage.getOrDefault(entry.path("id").asLong(), List.of());
    List<List<Span>> phraseSpans = phraseSpans(entry, annotations, caption.length(), index);
    ImageRef image = images.load(imagesDir.resolve(fileName), entry.path("width").asInt(0), entry.path("height").asInt(0));

    String imageKey = entry.has("original_img_id") ? entry.get("original_img_id").asText()
        : entry.has("original_id") ? entry.get("original_id").asText() : fileName;
    String sentenceKey = entry.has("sentence_id") ? entry.get("sentence_id").asText() : entry.path("id").asText();
    var requestId = RequestIds.forDatasetSample(dataset, imageKey, sentenceKey);
    Instant now = clock.instant();

    List<Phrase> phrases = new ArrayList<>();
    List<PhraseTruth> truths = new ArrayList<>();
    for (int i = 0; i < phraseSpans.size(); i++) {
      List<Span> spans = phraseSpans.get(i);
      int start = spans.stream().mapToInt(Span::start).min().orElseThrow();
      int end = spans.stream().mapToInt(Span::end).max().orElseThrow();
      String text = caption.substring(start, end);
      List<PhraseType> types = typer.apply(text);
      String phraseId = "p" + i;
      phrases.add(Phrase.newBuilder().setPhraseId(phraseId).setText(text).setCharStart(start).setCharEnd(end)
          .setTypes(types).build());
      truths.add(PhraseTruth.newBuilder().setPhraseId(phraseId).setTypes(types)
          .setBoxes(boxesFor(spans, annotations, index)).build());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("fileName", fileName);
    attributes.put("imageKey", imageKey);
    attributes.put("sentenceKey", sentenceKey);
    GroundingRequest request = GroundingRequest.newBuilder()
        .setRequestId(requestId).setCreatedAt(now).setSource("import:" + dataset).setDataset(dataset)
        .setImage(image).setCaption(caption).setPhrases(phrases).setAttributes(attributes).build();
    GroundTruth truth = GroundTruth.newBuilder()
        .setRequestId(requestId).setDataset(dataset).setSource("dataset").setLabeledAt(now)
        .setImageWidth(image.getWidth()).setImageHeight(image.getHeight()).setPhrases(truths).build();
    return new ImportedSample(request, Optional.of(truth));
  }

  private static List<List<Span>> phraseSpans(JsonNode entry, List<JsonNode> annotations, int captionLength, int index)
      throws IOException {
    List<List<Span>> phrases = new ArrayList<>();
    if (entry.path("tokens_positive_eval").isArray()) {
      for (JsonNode phrase : entry.get("tokens_positive_eval")) {
        phrases.add(spans(phrase, captionLength, index));
      }
    } else {
      for (JsonNode a : annotations) {
        List<Span> spans = spans(a.path("tokens_positive"), captionLength, index);
        if (!phrases.contains(spans)) {
          phrases.add(spans);
        }
      }
      phrases.sort(Comparator.comparingInt(s -> s.get(0).start()));
    }
    return phrases;
  }

  private static List<Span> spans(JsonNode array, int captionLength, int index) throws IOException {
    List<Span> spans = new ArrayList<>();
    for (JsonNode pair : array) {
      int start = pair.path(0).asInt(-1);
      int end = pair.path(1).asInt(-1);
      if (start < 0 || end <= start || end > captionLength) {
        throw new IOException("images[" + index + "]: span " + pair + " is outside the caption (length " + captionLength + ")");
      }
      spans.add(new Span(start, end));
    }
    if (spans.isEmpty()) {
      throw new IOException("images[" + index + "]: a phrase without spans");
    }
    spans.sort(Comparator.comparingInt(Span::start));
    return spans;
  }

  private static List<Box> boxesFor(List<Span> phrase, List<JsonNode> annotations, int index) throws IOException {
    List<Box> boxes = new ArrayList<>();
    for (JsonNode a : annotations) {
      List<Span> grounded = spans(a.path("tokens_positive"), Integer.MAX_VALUE, index);
      if (grounded.stream().anyMatch(g -> phrase.stream().anyMatch(g::overlaps))) {
        JsonNode b = a.path("bbox");
        double x = b.path(0).asDouble(), y = b.path(1).asDouble(), w = b.path(2).asDouble(), h = b.path(3).asDouble();
        // COCO [x, y, w, h] -> our [x1, y1, x2, y2]; COCO pixels are already 0-based.
        boxes.add(Box.newBuilder().setX1((float) x).setY1((float) y).setX2((float) (x + w)).setY2((float) (y + h)).build());
      }
    }
    return boxes;
  }
}
