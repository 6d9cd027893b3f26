package dev.groundstream.worker.ranker;

import dev.groundstream.worker.model.ScoredBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads datasets/groundstream-photos (Flickr30k Entities format) for the ranker tests: every
 * phrase of every caption with its types and ground-truth boxes. Test helper, not the project's
 * evaluator: XML boxes are 1-based, 1 is subtracted from all four coordinates as
 * flickr30k_entities_utils does (docs/architecture.md §5).
 */
final class PhotoBenchmark {
  /** The set read; {@code -Dgroundstream.photos.root=../datasets/group-photos} points the harnesses elsewhere. */
  static final Path ROOT = Path.of(System.getProperty("groundstream.photos.root", "../datasets/groundstream-photos"));
  private static final Pattern PHRASE = Pattern.compile("\\[/EN#(\\d+)/(\\S+) ([^\\]]+)\\]");

  record Phrase(String imageId, String chainId, String text, List<String> types, List<ScoredBox> boxes) {}

  record Image(String id, Path file, List<Phrase> phrases) {}

  private PhotoBenchmark() {}

  static boolean available() {
    return Files.isRegularFile(ROOT.resolve("test.txt"));
  }

  static List<Image> images() throws Exception {
    return images("test");
  }

  /** The images of split file {@code <split>.txt}. */
  static List<Image> images(String split) throws Exception {
    List<Image> out = new ArrayList<>();
    for (String id : Files.readAllLines(ROOT.resolve(split + ".txt"))) {
      if (!id.isBlank()) {
        out.add(image(id.trim()));
      }
    }
    return out;
  }

  static Image image(String id) throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ROOT.resolve("Annotations").resolve(id + ".xml").toFile());
    Path file = ROOT.resolve("images").resolve(text(xml.getDocumentElement(), "filename"));
    Map<String, List<ScoredBox>> boxes = new HashMap<>();
    NodeList objects = xml.getElementsByTagName("object");
    for (int i = 0; i < objects.getLength(); i++) {
      Element o = (Element) objects.item(i);
      NodeList bnd = o.getElementsByTagName("bndbox");
      if (bnd.getLength() == 0) {
        continue; // nobndbox / scene-only object
      }
      Element b = (Element) bnd.item(0);
      // Flickr30k Entities XML is 1-based: subtract 1 from all four (flickr30k_entities_utils)
      ScoredBox box = new ScoredBox(num(b, "xmin") - 1, num(b, "ymin") - 1, num(b, "xmax") - 1, num(b, "ymax") - 1, 1);
      NodeList names = o.getElementsByTagName("name");
      for (int n = 0; n < names.getLength(); n++) {
        boxes.computeIfAbsent(names.item(n).getTextContent().trim(), k -> new ArrayList<>()).add(box);
      }
    }
    List<Phrase> phrases = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("Sentences").resolve(id + ".txt"))) {
      Matcher m = PHRASE.matcher(line);
      while (m.find()) {
        phrases.add(new Phrase(id, m.group(1), m.group(3), List.of(m.group(2).split("/")),
            boxes.getOrDefault(m.group(1), List.of())));
      }
    }
    return new Image(id, file, phrases);
  }

  /** One caption as the importer sends it: plain text, phrases with their character offsets. */
  record Caption(String text, List<Phrase> phrases, List<int[]> offsets) {}

  /** The captions of an image, markup removed (tokens joined by single spaces, as in the files). */
  static List<Caption> captions(Image image) throws Exception {
    List<Caption> out = new ArrayList<>();
    int next = 0;
    for (String line : Files.readAllLines(ROOT.resolve("Sentences").resolve(image.id() + ".txt"))) {
      StringBuilder text = new StringBuilder();
      List<Phrase> phrases = new ArrayList<>();
      List<int[]> offsets = new ArrayList<>();
      Matcher m = PHRASE.matcher(line);
      int last = 0;
      while (m.find()) {
        text.append(line, last, m.start());
        int start = text.length();
        text.append(m.group(3));
        offsets.add(new int[] {start, text.length()});
        phrases.add(image.phrases().get(next++));
        last = m.end();
      }
      text.append(line.substring(last));
      out.add(new Caption(text.toString(), phrases, offsets));
    }
    return out;
  }

  /** Any-box protocol: evaluable if the chain is not 0 and has at least one box. */
  static boolean evaluable(Phrase p) {
    return !p.chainId().equals("0") && !p.boxes().isEmpty();
  }

  /** Hit@k: the best IoU between the top-k boxes and any GT box is at least 0.5. */
  static boolean hit(List<ScoredBox> ranked, List<ScoredBox> gt, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      for (ScoredBox g : gt) {
        if (ranked.get(i).iou(g) >= 0.5f) {
          return true;
        }
      }
    }
    return false;
  }

  /** R@1 per type plus "all" (a phrase counts once in all and once in each of its types). */
  static final class Recall {
    final Map<String, int[]> byType = new LinkedHashMap<>();

    void add(Phrase p, boolean hit) {
      count("all", hit);
      p.types().forEach(t -> count(t, hit));
    }

    private void count(String type, boolean hit) {
      int[] c = byType.computeIfAbsent(type, k -> new int[2]);
      c[0] += hit ? 1 : 0;
      c[1]++;
    }

    double all() {
      int[] c = byType.get("all");
      return c == null ? 0 : (double) c[0] / c[1];
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      byType.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(String.format(
          "%s %.3f (%d/%d)  ", e.getKey(), (double) e.getValue()[0] / e.getValue()[1], e.getValue()[0], e.getValue()[1])));
      return sb.toString().trim();
    }
  }

  private static String text(Element e, String tag) {
    return e.getElementsByTagName(tag).item(0).getTextContent().trim();
  }

  private static float num(Element e, String tag) {
    return Float.parseFloat(text(e, tag));
  }

  static byte[] bytes(Image image) throws IOException {
    return Files.readAllBytes(image.file());
  }
}
