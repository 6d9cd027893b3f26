package dev.groundstream.ingest.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportRunnerTest {
  @TempDir Path dir;

  /** A dataset of n trivial samples whose caption is their index. */
  private static DatasetImporter numbers(int n) {
    return new DatasetImporter() {
      public String dataset() {
        return "numbers";
      }

      public int size() {
        return n;
      }

      public ImportedSample sample(int index) {
        return new ImportedSample(GroundingRequest.newBuilder()
            .setRequestId(new UUID(0, index)).setCreatedAt(Instant.EPOCH).setCaption(Integer.toString(index))
            .setImage(ImageRef.newBuilder().setSha256("x").setWidth(1).setHeight(1).build())
            .setPhrases(List.of()).build(), Optional.empty());
      }
    };
  }

  /** Records captions; fails the sample whose index equals failAt. */
  private static final class RecordingSink implements SampleSink {
    final List<String> sent = new ArrayList<>();
    int failAt = -1;

    public CompletableFuture<Void> send(ImportedSample sample) {
      String caption = sample.request().getCaption();
      if (Integer.parseInt(caption) == failAt) {
        return CompletableFuture.failedFuture(new IOException("broker down"));
      }
      sent.add(caption);
      return CompletableFuture.completedFuture(null);
    }
  }

  @Test
  void resumesAfterAFailureFromTheFirstUnacknowledgedSample() throws Exception {
    CheckpointFile checkpoints = new CheckpointFile(dir.resolve("import.checkpoint"));
    RecordingSink sink = new RecordingSink();
    sink.failAt = 13;
    ImportRunner runner = new ImportRunner(sink, checkpoints, 0, 5, ProgressListener.NONE);
    assertThrows(IOException.class, () -> runner.run(numbers(23)));
    assertEquals(12, checkpoints.lastCompleted("numbers"));

    sink.failAt = -1;
    sink.sent.clear();
    List<ImportProgress> progress = new ArrayList<>();
    ImportSummary summary = new ImportRunner(sink, checkpoints, 0, 5, progress::add).run(numbers(23));
    assertEquals("13", sink.sent.get(0));
    assertEquals(10, sink.sent.size());
    assertEquals(13, summary.skipped());
    assertEquals(10, summary.written());
    assertEquals(22, checkpoints.lastCompleted("numbers"));
    ImportProgress last = progress.get(progress.size() - 1);
    assertEquals(23, last.done());
    assertEquals(23, last.total());
    assertTrue(last.ratePerSecond() > 0);
    assertEquals(0, last.eta().orElseThrow().toMillis());

    sink.sent.clear();
    assertEquals(0, new ImportRunner(sink, checkpoints, 0, 5, ProgressListener.NONE).run(numbers(23)).written());
    assertTrue(sink.sent.isEmpty(), "a finished dataset is not sent again");
  }

  @Test
  void rateLimitHoldsTheConfiguredEventsPerSecond() throws Exception {
    RecordingSink sink = new RecordingSink();
    long start = System.nanoTime();
    new ImportRunner(sink, new CheckpointFile(dir.resolve("rate.checkpoint")), 50, 10, ProgressListener.NONE)
        .run(numbers(26));
    double seconds = (System.nanoTime() - start) / 1e9;
    // 26 samples at 50/s with a burst of one: the first is free, 25 more take >= 0.5 s.
    assertTrue(seconds >= 0.48, "took " + seconds + " s");
    assertTrue(seconds < 3, "took " + seconds + " s");
    assertEquals(26, sink.sent.size());
  }
}
