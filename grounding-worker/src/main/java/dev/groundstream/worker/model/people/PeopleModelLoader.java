package dev.groundstream.worker.model.people;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.ModelCardException;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.model.ResizeMode;
import dev.groundstream.worker.model.TensorLayout;
import dev.groundstream.worker.onnx.ModelSession;
import dev.groundstream.worker.onnx.OrtSettings;
import dev.groundstream.worker.ranker.PhraseParser;
import dev.groundstream.phrases.WordNet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the people ranker of a composite card (model-card reference: "stages" and ranker type
 * "people"): opens the pose stage listed in "stages" (role "pose": model file, its sha256, input and
 * output names, minScore), checks that the detector's preprocessing is one the pose stage can
 * resample from (NHWC, stretch, raw 0..255), and reads the "people" weights of the ranker section.
 */
public final class PeopleModelLoader {
  private PeopleModelLoader() {}

  public static PhraseRanker ranker(ModelCard card, JsonNode root, JsonNode section, PhraseRanker semantic,
      List<String> labels, PostprocessSettings ranking, OrtSettings ort) {
    var pre = card.preprocessing();
    boolean raw = pre.scale() == 1f && java.util.Arrays.equals(pre.mean(), new float[3])
        && java.util.Arrays.equals(pre.std(), new float[] {1f, 1f, 1f});
    if (pre.layout() != TensorLayout.NHWC || pre.resize() != ResizeMode.STRETCH || !raw) {
      throw new ModelCardException(card.folder() + ": a people model needs an NHWC, stretch-resized, raw 0..255 "
          + "detector input (the pose stage and the colour words read those pixels)");
    }
    JsonNode people = section.path("people");
    PersonChooser chooser = new PersonChooser((float) people.path("spatialWeight").asDouble(0.7),
        (float) people.path("colourFloor").asDouble(0.2), people.path("useColour").asBoolean(true),
        (float) people.path("smallPersonHeight").asDouble(0));
    Optional<PoseStage> pose = Optional.empty();
    for (JsonNode stage : root.path("stages")) {
      if (!"pose".equals(stage.path("role").asText())) {
        throw new ModelCardException(card.folder() + ": unknown stage role '" + stage.path("role").asText() + "'");
      }
      Path file = card.folder().resolve(stage.path("model").asText()).normalize();
      if (!Files.isRegularFile(file)) {
        throw new ModelCardException(card.folder() + ": stage model " + file + " not found");
      }
      String expected = stage.path("modelSha256").asText("");
      if (!expected.isEmpty() && !sha256(file).equals(expected.toLowerCase(Locale.ROOT))) {
        throw new ModelCardException("sha256 of " + file + " does not match the card's stages[].modelSha256");
      }
      try {
        pose = Optional.of(new PoseStage(ModelSession.open(file, ort), stage.path("input").asText("input"),
            stage.path("output").asText("output"), (float) stage.path("minScore").asDouble(0.2)));
      } catch (Exception e) {
        throw new ModelCardException(card.folder() + ": cannot open pose stage " + file + ": " + e.getMessage(), e);
      }
    }
    PeopleRanker ranker = new PeopleRanker(semantic, pose, new PhraseParser(WordNet.shared(), Set.copyOf(labels)),
        chooser, ranking, pre.width(), pre.height());
    ranker.withExtraPeople((float) people.path("extraPersonScore").asDouble(0));
    return people.path("useCaptionContext").asBoolean(true) ? ranker : ranker.withoutCaptionContext();
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new ModelCardException("cannot hash " + file, e);
    }
  }
}
