package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's {@code evaluate --predictions-out} example: the file is in MDETR flickr_eval.py's
 * format, and recall@1 recomputed here from it and the dataset's own Sentences/ and Annotations/
 * (an independent reading: top-1 box IoU >= 0.5 with any box of the phrase's entity, XML frame)
 * equals the R@1 the command printed; the command's temporary folder is gone afterwards.
 */
class EvaluateJourneyIT {
  static final Path DATASET = Path.of("datasets", "groundstream-photos");
  static final Pattern ALL_ROW = Pattern.compile("^\\| all \\| (\\d+) \\| ([0-9.]+) \\|", Pattern.MULTILINE);
  /** A log line of the embedded services (stderr shares the captured output with stdout). */
  static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[[^\\]\\n]*\\] [A-Z]+ [^\\n]*\\n");
  static final Pattern ENTITY = Pattern.compile("\\[/EN#(\\d+)/");

  @TempDir Path temp;

  @Test
  @CoversReadme("evaluate")
  void predictionsFileReproducesThePrintedRecallAndTheTempFolderIsDeleted() throws Exception {
    Path predictions = temp.resolve("predictions.json");
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    BashBlock.Outcome out = BashBlock.readme("evaluate")
        .replacing("--predictions-out predictions.json", "--predictions-out " + predictions)
        .run(LauncherProcess.repositoryRoot(), Duration.ofMinutes(25),
            Map.of("GROUNDSTREAM_JAVA_OPTS", "-Xmx1g -Djava.io.tmpdir=" + tmp));
    assertEquals(0, out.exitCode(), out.output());
    Matcher all = ALL_ROW.matcher(withoutLogLines(out.output()));
    assertTrue(all.find(), "no 'all' row in:\n" + out.output());
    int printedPhrases = Integer.parseInt(all.group(1));
    double printedRecall = Double.parseDouble(all.group(2));

    Path root = LauncherProcess.repositoryRoot().resolve(DATASET);
    JsonNode entries = new ObjectMapper().readTree(predictions.toFile());
    int phrases = 0;
    int hits = 0;
    for (JsonNode entry : entries) {
      String imageId = entry.path("image_id").asText();
      List<List<double[]>> truth = evaluableTruth(root, imageId, entry.path("sentence_id").asInt());
      JsonNode boxes = entry.path("boxes");
      assertEquals(truth.size(), boxes.size(), "one ranked list per evaluable phrase of " + imageId);
      for (int p = 0; p < truth.size(); p++) {
        JsonNode top = boxes.get(p).get(0);
        double[] top1 = {top.get(0).asDouble(), top.get(1).asDouble(), top.get(2).asDouble(), top.get(3).asDouble()};
        double best = 0;
        for (double[] gt : truth.get(p)) {
          best = Math.max(best, iou(top1, gt));
        }
        phrases++;
        hits += best >= 0.5 ? 1 : 0;
      }
    }
    assertEquals(printedPhrases, phrases, "the file covers every evaluable phrase");
    assertEquals(printedRecall, (double) hits / phrases, 0.0006, "R@1 recomputed from the file");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("groundstream-evaluate")).toList(),
          "evaluate deletes its temporary folder without --keep");
    }
  }

  /** The GT boxes (XML frame) of each evaluable phrase of the sentence, in caption order. */
  static List<List<double[]>> evaluableTruth(Path root, String imageId, int sentenceId) throws Exception {
    List<String> sentences = Files.readAllLines(root.resolve("Sentences").resolve(imageId + ".txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList();
    Map<String, List<double[]>> boxes = boxesByEntity(root.resolve("Annotations").resolve(imageId + ".xml"));
    List<List<double[]>> out = new ArrayList<>();
    Matcher m = ENTITY.matcher(sentences.get(sentenceId));
    while (m.find()) {
      List<double[]> entityBoxes = boxes.get(m.group(1));
      if (entityBoxes != null && !entityBoxes.isEmpty()) {
        out.add(entityBoxes);
      }
    }
    return out;
  }

  private static Map<String, List<double[]>> boxesByEntity(Path xml) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Map<String, List<double[]>> byEntity = new HashMap<>();
    NodeList objects = doc.getElementsByTagName("object");
    for (int i = 0; i < objects.getLength(); i++) {
      Element object = (Element) objects.item(i);
      NodeList bndbox = object.getElementsByTagName("bndbox");
      if (bndbox.getLength() == 0) {
        continue;
      }
      Element b = (Element) bndbox.item(0);
      double[] box = {number(b, "xmin"), number(b, "ymin"), number(b, "xmax"), number(b, "ymax")};
      NodeList names = object.getElementsByTagName("name");
      for (int n = 0; n < names.getLength(); n++) {
        byEntity.computeIfAbsent(names.item(n).getTextContent().trim(), k -> new ArrayList<>()).add(box);
      }
    }
    return byEntity;
  }

  private static double number(Element parent, String tag) {
    return Double.parseDouble(parent.getElementsByTagName(tag).item(0).getTextContent().trim());
  }

  static double iou(double[] a, double[] b) {
    double iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    double ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    double inter = iw * ih;
    double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
    return union <= 0 ? 0 : inter / union;
  }

  /** The command's own output: log lines (even one written into the middle of a row) removed. */
  static String withoutLogLines(String output) {
    return LOG_LINE.matcher(output).replaceAll("");
  }
}
