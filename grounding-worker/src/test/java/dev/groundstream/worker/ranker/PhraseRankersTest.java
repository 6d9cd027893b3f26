package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.worker.TestFixtures;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.ModelCardException;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.model.PostprocessSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhraseRankersTest {
  @TempDir Path dir;

  @Test
  void aCardWithoutARankerSectionKeepsTheGivenRanker() {
    PhraseRanker fallback = (phrase, proposals, w, h) -> List.of();
    assertSame(fallback, PhraseRankers.forCard(ModelCard.load(TestFixtures.model("fake-detector")),
        PostprocessSettings.DEFAULT, fallback));
  }

  @Test
  void aRankerSectionSelectsTheSemanticRanker() throws Exception {
    Path folder = copyFakeDetectorWith(", \"ranker\": {\"type\": \"semantic\", \"useTextEncoder\": false}");
    assertInstanceOf(SemanticRanker.class, PhraseRankers.forCard(ModelCard.load(folder), PostprocessSettings.DEFAULT,
        (phrase, proposals, w, h) -> List.of()));
  }

  @Test
  void anUnknownRankerTypeIsACardError() throws Exception {
    Path folder = copyFakeDetectorWith(", \"ranker\": {\"type\": \"magic\"}");
    assertThrows(ModelCardException.class, () -> PhraseRankers.forCard(ModelCard.load(folder),
        PostprocessSettings.DEFAULT, (phrase, proposals, w, h) -> List.of()));
  }

  @Test
  void settingsDefaultAndOverride() throws Exception {
    RankerSettings s = RankerSettings.fromJson(new ObjectMapper().readTree(
        "{\"spatialWeight\": 0.5, \"senseWeights\": [1, 0.2], \"useCounts\": false}"));
    assertEquals(0.5f, s.spatialWeight());
    assertEquals(2, s.senseWeights().length);
    assertFalse(s.useCounts());
    assertEquals(RankerSettings.DEFAULT.textWeight(), s.textWeight());
    assertThrows(IllegalArgumentException.class, () -> RankerSettings.fromJson(new ObjectMapper().readTree(
        "{\"cosineFloor\": 0.8, \"cosineCeiling\": 0.5}")));
  }

  private Path copyFakeDetectorWith(String extra) throws Exception {
    Path source = TestFixtures.model("fake-detector");
    for (String f : new String[] {"model.onnx", "labels.txt"}) {
      Files.copy(source.resolve(f), dir.resolve(f));
    }
    String card = Files.readString(source.resolve(ModelCard.FILE_NAME)).trim();
    Files.writeString(dir.resolve(ModelCard.FILE_NAME), card.substring(0, card.lastIndexOf('}')) + extra + "}");
    return dir;
  }
}
