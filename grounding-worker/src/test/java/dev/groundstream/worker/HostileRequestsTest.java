package dev.groundstream.worker;

import static dev.groundstream.worker.WorkerTestKit.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.testing.PixelBombs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records ingest would have refused, injected straight into grounding.requests: each is
 * dead-lettered with its step and reason while a good request between them gets its result.
 */
class HostileRequestsTest {
  static WorkerTestKit kit;
  @TempDir static Path blobs;

  @BeforeAll
  static void start() throws Exception {
    kit = WorkerTestKit.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  private static GroundingRequest withPhrases(GroundingRequest r, List<Phrase> phrases) {
    return GroundingRequest.newBuilder(r).setPhrases(phrases).build();
  }

  @Test
  void inconsistentAndOversizedRequestsAreDeadLetteredWithTheirReasons() throws Exception {
    byte[] png = TestFixtures.uniformPng(64, 32, 90);
    // expected dead letters: request id -> "step: reason"
    Map<UUID, String> expected = new java.util.HashMap<>();

    byte[] bomb = PixelBombs.png(6000, 6000, 16);
    kit.send(WorkerTestKit.request(id("bomb", 0), WorkerTestKit.inline(bomb, 6000, 6000)));
    expected.put(id("bomb", 0), "decode-image: decoded_too_large");

    Path hostname = Path.of("/etc/hostname");
    Path target = Files.exists(hostname) ? hostname : Files.write(Files.createTempFile("outside", ".txt"), png);
    Path link = Files.createSymbolicLink(blobs.resolve("link.png"), target);
    kit.send(WorkerTestKit.request(id("symlink", 0), WorkerTestKit.uri(link, png, 64, 32)));
    expected.put(id("symlink", 0), "load-image: outside the blob directory");

    GroundingRequest good = WorkerTestKit.grayRequest(id("good", 0), 90);
    Phrase outside = Phrase.newBuilder(good.getPhrases().get(1)).setCharStart(13).setCharEnd(99).build();
    kit.send(withPhrases(WorkerTestKit.grayRequest(id("span", 0), 90), List.of(good.getPhrases().get(0), outside)));
    expected.put(id("span", 0), "validate: bad_span");

    List<Phrase> many = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add(Phrase.newBuilder(good.getPhrases().get(0)).setPhraseId("p" + i).build());
    }
    kit.send(withPhrases(WorkerTestKit.grayRequest(id("many", 0), 90), many));
    expected.put(id("many", 0), "validate: too_many_phrases");

    ImageRef wrongSize = WorkerTestKit.inline(png, 640, 320);
    kit.send(WorkerTestKit.request(id("size", 0), wrongSize));
    expected.put(id("size", 0), "validate: image_size_mismatch");

    kit.sendUnderKey(id("other-key", 0), WorkerTestKit.grayRequest(id("key", 0), 90));
    expected.put(id("key", 0), "validate: key_mismatch");

    kit.send(good);

    try (GroundingWorker worker = GroundingWorker.start(kit.config("fake-detector").withBlobDir(blobs))) {
      List<GroundingResult> results = kit.readResults(r -> !r.isEmpty(), Duration.ofSeconds(60));
      List<DeadLetter> dead = kit.readDeadLetters(d -> d.size() >= expected.size(), Duration.ofSeconds(60));
      assertEquals(List.of(id("good", 0)), results.stream().map(GroundingResult::getRequestId).toList());
      assertEquals(expected.size(), dead.size(), () -> "dead letters: " + dead);
      Map<String, DeadLetter> byId = dead.stream()
          .collect(Collectors.toMap(d -> d.getAttributes().get("requestId"), Function.identity()));
      expected.forEach((requestId, stepAndReason) -> {
        DeadLetter d = byId.get(requestId.toString());
        assertTrue(d != null, "no dead letter for " + stepAndReason + " in " + byId.keySet());
        String step = stepAndReason.substring(0, stepAndReason.indexOf(':'));
        String reason = stepAndReason.substring(step.length() + 2);
        assertEquals(step, d.getAttributes().get("step"), d.toString());
        assertTrue(d.getMessage().contains(reason), () -> stepAndReason + " not in: " + d.getMessage());
      });
    }
  }
}
