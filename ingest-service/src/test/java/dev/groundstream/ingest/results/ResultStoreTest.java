package dev.groundstream.ingest.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.schemas.AvroClassTrust;
import dev.groundstream.testing.SampleRecords;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResultStoreTest {
  static {
    AvroClassTrust.install(); // the fixtures copy generated records, as the services' serdes allow
  }

  @Test
  void keepsTheLatestResultPerModelVersionWithoutHeatmaps() {
    ResultStore store = new ResultStore(10);
    GroundingResult first = SampleRecords.result(1, 2, 3);
    UUID id = first.getRequestId();
    store.put(first);
    store.put(version(SampleRecords.result(1, 1, 1), "2.0.0"));
    GroundingResult again = SampleRecords.result(1, 3, 1);
    store.put(again);
    List<GroundingResult> found = store.find(id);
    assertEquals(2, found.size(), "one entry per model name + version");
    assertEquals(3, found.get(0).getPhrases().size(), "the later result of a version replaces the earlier one");
    assertNull(found.get(0).getPhrases().get(0).getHeatmap(), "heatmaps are not kept");
    assertEquals("2.0.0", found.get(1).getModel().getVersion());
  }

  @Test
  void waitersWakeOnTheFirstResultAndCancelledOnesAreForgotten() {
    ResultStore store = new ResultStore(10);
    GroundingResult result = SampleRecords.result(2, 1, 1);
    UUID id = result.getRequestId();
    CompletableFuture<List<GroundingResult>> waiting = store.whenAvailable(id);
    CompletableFuture<List<GroundingResult>> givenUp = store.whenAvailable(id);
    store.cancel(id, givenUp);
    assertEquals(1, store.waiting());
    store.put(result);
    assertTrue(waiting.isDone());
    assertEquals(1, waiting.join().size());
    assertFalse(givenUp.isDone(), "a cancelled waiter is not completed");
    assertEquals(0, store.waiting());
    assertTrue(store.whenAvailable(id).isDone(), "a known result answers at once");
  }

  @Test
  void isBoundedLeastRecentlyUsedOut() {
    ResultStore store = new ResultStore(2);
    store.put(SampleRecords.result(3, 1, 1));
    store.put(SampleRecords.result(4, 1, 1));
    store.find(SampleRecords.requestId(3)); // touch 3: 4 is now the eldest
    store.put(SampleRecords.result(5, 1, 1));
    assertEquals(2, store.size());
    assertEquals(List.of(), store.find(SampleRecords.requestId(4)));
    assertEquals(1, store.find(SampleRecords.requestId(3)).size());
  }

  private static GroundingResult version(GroundingResult r, String version) {
    r.setModel(ModelRef.newBuilder(r.getModel()).setVersion(version).build());
    return r;
  }
}
