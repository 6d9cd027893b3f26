package dev.groundstream.worker.ranker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.ModelCardException;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.model.people.PeopleModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Picks a detector-ranker card's ranker: its optional "ranker" section
 * ({"type": "semantic", ...weights, see {@link RankerSettings}}) selects the {@link SemanticRanker};
 * a card without one keeps the caller's ranker (the label-match scorer by default).
 */
public final class PhraseRankers {
  public static final String SEMANTIC = "semantic";
  public static final String PEOPLE = "people";

  private PhraseRankers() {}

  public static PhraseRanker forCard(ModelCard card, PostprocessSettings ranking, PhraseRanker fallback) {
    return forCard(card, ranking, fallback, null);
  }

  /**
   * As above; {@code "type": "people"} (the composite people model) additionally opens the card's
   * "stages" (the pose model) with {@code ort} and wraps the semantic ranker in the people ranker.
   */
  public static PhraseRanker forCard(ModelCard card, PostprocessSettings ranking, PhraseRanker fallback,
      dev.groundstream.worker.onnx.OrtSettings ort) {
    JsonNode section = rankerSection(card);
    if (section.isMissingNode() || section.isNull()) {
      return fallback;
    }
    String type = section.path("type").asText(SEMANTIC);
    if (!type.equals(SEMANTIC) && !type.equals(PEOPLE)) {
      throw new ModelCardException(card.folder().resolve(ModelCard.FILE_NAME) + ": ranker.type must be '"
          + SEMANTIC + "' or '" + PEOPLE + "', got '" + type + "'");
    }
    RankerSettings settings;
    try {
      settings = RankerSettings.fromJson(section);
    } catch (IllegalArgumentException e) {
      throw new ModelCardException(card.folder().resolve(ModelCard.FILE_NAME) + ": " + e.getMessage(), e);
    }
    SemanticRanker semantic = SemanticRanker.create(labels(card), settings, ranking);
    if (type.equals(PEOPLE)) {
      return PeopleModelLoader.ranker(card, rootOf(card), section, semantic, labels(card), ranking,
          ort == null ? dev.groundstream.worker.onnx.OrtSettings.cpu() : ort);
    }
    return semantic;
  }

  private static JsonNode rootOf(ModelCard card) {
    try {
      return new ObjectMapper().readTree(card.folder().resolve(ModelCard.FILE_NAME).toFile());
    } catch (IOException e) {
      throw new ModelCardException("cannot re-read " + card.folder().resolve(ModelCard.FILE_NAME), e);
    }
  }

  private static JsonNode rankerSection(ModelCard card) {
    try {
      return new ObjectMapper().readTree(card.folder().resolve(ModelCard.FILE_NAME).toFile()).path("ranker");
    } catch (IOException e) {
      throw new ModelCardException("cannot re-read " + card.folder().resolve(ModelCard.FILE_NAME), e);
    }
  }

  private static List<String> labels(ModelCard card) {
    try {
      return Files.readAllLines(card.labelsFile().orElseThrow()).stream().map(String::trim).toList();
    } catch (IOException e) {
      throw new ModelCardException("cannot read labels " + card.labelsFile().orElseThrow(), e);
    }
  }
}
