package dev.groundstream.launcher.synthetic;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.ingest.RequestIds;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.images.MediaType;
import dev.groundstream.ingest.images.Sha256;
import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.ImportedSample;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code count} synthetic scenes as a dataset: sample i is generated on demand from (seed, i) and
 * nothing is kept, so memory stays flat for any count. Requests and truth have the same shape and
 * ids as {@link dev.groundstream.ingest.importers.FlickrEntitiesImporter} gives for the same scenes
 * written by {@link FlickrFormatWriter} and imported under the same dataset name (one sentence per
 * image, sentence index 0), so both routes key the same Kafka records.
 */
public final class SyntheticDataset implements DatasetImporter {
  private final SceneGenerator generator;
  private final int count;
  private final String dataset;
  private final ImageRefFactory images;
  private final Clock clock;

  public SyntheticDataset(SceneGenerator generator, int count, String dataset, ImageRefFactory images, Clock clock) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    this.generator = generator;
    this.count = count;
    this.dataset = dataset;
    this.images = images;
    this.clock = clock;
  }

  /** The default dataset name: scenes of different seeds are different datasets. */
  public static String defaultName(long seed) {
    return "synthetic/seed-" + seed;
  }

  @Override
  public String dataset() {
    return dataset;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public ImportedSample sample(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("Sample " + index + " of " + count);
    }
    Scene scene = generator.scene(index);
    Instant now = clock.instant();
    var requestId = RequestIds.forDatasetSample(dataset, scene.imageId(), "0");
    List<Phrase> phrases = new ArrayList<>();
    List<PhraseTruth> truths = new ArrayList<>();
    List<ScenePhrase> scenePhrases = scene.caption().phrases();
    for (int i = 0; i < scenePhrases.size(); i++) {
      ScenePhrase p = scenePhrases.get(i);
      String phraseId = "p" + i;
      phrases.add(Phrase.newBuilder().setPhraseId(phraseId).setText(p.text())
          .setCharStart(p.charStart()).setCharEnd(p.charEnd())
          .setTypes(List.of(p.type())).setEntityId(p.chainId()).build());
      List<Box> boxes = p.boxes().stream().map(PixelBox::toAvro).toList();
      truths.add(PhraseTruth.newBuilder().setPhraseId(phraseId).setEntityId(p.chainId())
          .setTypes(List.of(p.type())).setBoxes(boxes).setNoBox(false).setScene(p.scene()).build());
    }
    byte[] png = scene.png();
    ImageRef image = images.create(png, MediaType.PNG, scene.width(), scene.height(), Sha256.hex(png));
    GroundingRequest request = GroundingRequest.newBuilder()
        .setRequestId(requestId)
        .setCreatedAt(now)
        .setSource("synthetic")
        .setDataset(dataset)
        .setImage(image)
        .setCaption(scene.caption().text())
        .setPhrases(phrases)
        .setAttributes(Map.of("imageId", scene.imageId(), "sentenceIndex", "0",
            "syntheticSeed", Long.toString(generator.seed()), "syntheticIndex", Integer.toString(index)))
        .build();
    GroundTruth truth = GroundTruth.newBuilder()
        .setRequestId(requestId)
        .setDataset(dataset)
        .setSource("dataset")
        .setLabeledAt(now)
        .setImageWidth(scene.width())
        .setImageHeight(scene.height())
        .setPhrases(truths)
        .build();
    return new ImportedSample(request, Optional.of(truth));
  }
}
