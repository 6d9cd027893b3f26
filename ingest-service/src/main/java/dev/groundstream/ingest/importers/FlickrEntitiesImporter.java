package dev.groundstream.ingest.importers;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flickr30k Entities (Plummer et al.): {@code <root>/<split>.txt} lists image ids,
 * {@code Sentences/<id>.txt} holds the bracket-marked captions and {@code Annotations/<id>.xml}
 * the boxes. One request per (image, sentence), phrase ids p0, p1, ... in caption order, the
 * entity chain id kept on phrase and truth, and every box of the chain as the phrase's truth.
 *
 * <p>Image ids are strings (the groundstream-photos benchmark uses file names such as "dog").
 */
public final class FlickrEntitiesImporter implements DatasetImporter {
  private record Entry(String imageId, int sentenceIndex, String line) {}

  private record LoadedImage(String imageId, FlickrAnnotation annotation, ImageRef image) {}

  private final Path root;
  private final Path imagesDir;
  private final String dataset;
  private final ImageFiles images;
  private final Clock clock;
  private final List<Entry> entries = new ArrayList<>();
  private LoadedImage lastImage; // consecutive sentences share an image: read it once

  /**
   * @param root the folder holding Sentences/, Annotations/ and the split files
   * @param split train, val or test (reads {@code <root>/<split>.txt})
   * @param imagesDir where the image files are (Flickr30k: flickr30k-images)
   * @param dataset name written to requests, e.g. flickr30k-entities/test
   */
  public FlickrEntitiesImporter(Path root, String split, Path imagesDir, String dataset, ImageFiles images, Clock clock)
      throws IOException {
    this.root = root;
    this.imagesDir = imagesDir;
    this.dataset = dataset;
    this.images = images;
    this.clock = clock;
    for (String id : Files.readAllLines(root.resolve(split + ".txt"), StandardCharsets.UTF_8)) {
      String imageId = id.trim();
      if (imageId.isEmpty()) {
        continue;
      }
      List<String> lines = Files.readAllLines(root.resolve("Sentences").resolve(imageId + ".txt"), StandardCharsets.UTF_8);
      int sentence = 0;
      for (String line : lines) {
        if (!line.isBlank()) {
          entries.add(new Entry(imageId, sentence++, line));
        }
      }
    }
  }

  @Override
  public String dataset() {
    return dataset;
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public synchronized ImportedSample sample(int index) throws IOException {
    Entry entry = entries.get(index);
    LoadedImage loaded = image(entry.imageId());
    FlickrSentence sentence;
    try {
      sentence = FlickrSentence.parse(entry.line());
    } catch (IllegalArgumentException e) {
      throw new IOException("Sentences/" + entry.imageId() + ".txt line " + (entry.sentenceIndex() + 1) + ": " + e.getMessage(), e);
    }
    Instant now = clock.instant();
    var requestId = RequestIds.forDatasetSample(dataset, entry.imageId(), Integer.toString(entry.sentenceIndex()));
    List<Phrase> phrases = new ArrayList<>();
    List<PhraseTruth> truths = new ArrayList<>();
    for (int i = 0; i < sentence.phrases().size(); i++) {
      FlickrSentence.MarkedPhrase marked = sentence.phrases().get(i);
      String phraseId = "p" + i;
      phrases.add(Phrase.newBuilder().setPhraseId(phraseId).setText(marked.text())
          .setCharStart(marked.charStart()).setCharEnd(marked.charEnd())
          .setTypes(marked.types()).setEntityId(marked.entityId()).build());
      truths.add(truth(phraseId, marked, loaded.annotation()));
    }
    GroundingRequest request = GroundingRequest.newBuilder()
        .setRequestId(requestId)
        .setCreatedAt(now)
        .setSource("import:" + dataset)
        .setDataset(dataset)
        .setImage(loaded.image())
        .setCaption(sentence.caption())
        .setPhrases(phrases)
        .setAttributes(Map.of("imageId", entry.imageId(), "sentenceIndex", Integer.toString(entry.sentenceIndex())))
        .build();
    GroundTruth truth = GroundTruth.newBuilder()
        .setRequestId(requestId)
        .setDataset(dataset)
        .setSource("dataset")
        .setLabeledAt(now)
        .setImageWidth(loaded.image().getWidth())
        .setImageHeight(loaded.image().getHeight())
        .setPhrases(truths)
        .build();
    return new ImportedSample(request, Optional.of(truth));
  }

  private static PhraseTruth truth(String phraseId, FlickrSentence.MarkedPhrase marked, FlickrAnnotation annotation) {
    String chain = marked.entityId();
    boolean notVisual = "0".equals(chain); // Flickr30k Entities gives notvisual phrases chain 0 and no object
    List<Box> boxes = notVisual ? List.of() : annotation.boxes(chain);
    return PhraseTruth.newBuilder()
        .setPhraseId(phraseId)
        .setEntityId(chain)
        .setTypes(marked.types().isEmpty() ? List.of(PhraseType.other) : marked.types())
        .setBoxes(boxes)
        .setNoBox(!notVisual && annotation.noBoxChains().contains(chain))
        .setScene(!notVisual && annotation.sceneChains().contains(chain))
        .build();
  }

  private LoadedImage image(String imageId) throws IOException {
    if (lastImage != null && lastImage.imageId().equals(imageId)) {
      return lastImage;
    }
    FlickrAnnotation annotation = FlickrAnnotation.read(root.resolve("Annotations").resolve(imageId + ".xml"));
    Path file = imagesDir.resolve(annotation.fileName().orElse(imageId + ".jpg"));
    ImageRef image = images.load(file, annotation.width(), annotation.height());
    lastImage = new LoadedImage(imageId, annotation, image);
    return lastImage;
  }
}
