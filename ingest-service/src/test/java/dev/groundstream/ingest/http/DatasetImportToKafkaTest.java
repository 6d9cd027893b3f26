package dev.groundstream.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.ingest.RequestIds;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.CheckpointFile;
import dev.groundstream.ingest.importers.DatasetFormat;
import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.ingest.importers.ImportProgress;
import dev.groundstream.ingest.importers.ImportRunner;
import dev.groundstream.ingest.importers.KafkaSampleSink;
import dev.groundstream.ingest.kafka.GroundingProducer;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The groundstream-photos benchmark through ImportRunner into the real broker, then resumed. */
@ExtendWith(SharedIngestHarness.class)
class DatasetImportToKafkaTest {
  @TempDir Path work;

  @Test
  void importsEverySentenceOnceAndResumesToNothing(IngestHarness harness) throws Exception {
    Path root = Path.of("..", "datasets", "groundstream-photos");
    ImageFiles images = new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES,
        new BlobStore(work.resolve("blobs"))));
    DatasetImporter importer = DatasetFormat.parse("flickr30k").open(root, "test", null, "groundstream-photos/test",
        images, Clock.systemUTC());
    long requestsBefore = harness.topics.endOffsetSum(Topics.REQUESTS);
    long truthBefore = harness.topics.endOffsetSum(Topics.TRUTH);
    RegistryConnection registry = RegistryConnection.of(harness.registry.url());
    List<ImportProgress> progress = new ArrayList<>();
    CheckpointFile checkpoint = new CheckpointFile(work.resolve("import.checkpoint"));
    try (GroundingProducer producer = new GroundingProducer(KafkaConnection.of(harness.kafka.bootstrapServers()),
        SchemaRegistryClients.shared(registry), true, Map.of())) {
      ImportRunner runner = new ImportRunner(new KafkaSampleSink(producer), checkpoint, 0, 25, progress::add);
      assertEquals(66, runner.run(importer).written());
      assertEquals(0, runner.run(importer).written(), "resumed from the checkpoint: nothing left");
    }
    assertEquals(requestsBefore + 66, harness.topics.endOffsetSum(Topics.REQUESTS));
    assertEquals(truthBefore + 66, harness.topics.endOffsetSum(Topics.TRUTH));
    assertEquals(List.of(25L, 50L, 66L, 66L), progress.stream().map(ImportProgress::done).toList());
    assertEquals(65, checkpoint.lastCompleted("groundstream-photos/test"));

    var dogId = RequestIds.forDatasetSample("groundstream-photos/test", "dog", "0");
    GroundingRequest dog = harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
        r -> r.getRequestId().equals(dogId), 1).get(0);
    assertEquals(768, dog.getImage().getWidth());
    assertEquals("import:groundstream-photos/test", dog.getSource());
    GroundTruth truth = harness.topics.values(Topics.TRUTH, GroundTruth.class, t -> t.getRequestId().equals(dogId), 1).get(0);
    assertEquals(dog.getPhrases().size(), truth.getPhrases().size());
    assertTrue(truth.getPhrases().stream().anyMatch(p -> !p.getBoxes().isEmpty()));
  }
}
