package dev.groundstream.launcher.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Writes synthetic scenes as a Flickr30k Entities folder that
 * {@link dev.groundstream.ingest.importers.FlickrEntitiesImporter} reads:
 * {@code Sentences/<id>.txt} (one bracket-marked caption), {@code Annotations/<id>.xml} (boxes
 * 1-based, as Flickr30k stores them: on disk each 0-based coordinate plus 1), {@code images/<id>.png}
 * and {@code <split>.txt}. One scene at a time, so memory stays flat for any count.
 */
public final class FlickrFormatWriter {
  private final SceneGenerator generator;

  public FlickrFormatWriter(SceneGenerator generator) {
    this.generator = generator;
  }

  /**
   * Writes scenes 0..count-1 under {@code root}, replacing files of the same ids.
   *
   * @param progress told the number of scenes written so far after each scene
   */
  public void write(Path root, String split, int count, IntConsumer progress) throws IOException {
    Path sentences = Files.createDirectories(root.resolve("Sentences"));
    Path annotations = Files.createDirectories(root.resolve("Annotations"));
    Path images = Files.createDirectories(root.resolve("images"));
    try (BufferedWriter splitFile = Files.newBufferedWriter(root.resolve(split + ".txt"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        Scene scene = generator.scene(i);
        String id = scene.imageId();
        Files.write(images.resolve(id + ".png"), scene.png());
        Files.writeString(sentences.resolve(id + ".txt"), markup(scene.caption()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(annotations.resolve(id + ".xml"), annotationXml(scene), StandardCharsets.UTF_8);
        splitFile.write(id);
        splitFile.newLine();
        progress.accept(i + 1);
      }
    }
  }

  /** The caption with each phrase wrapped as {@code [/EN#<chain>/<type> words]}. */
  static String markup(SceneCaption caption) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (ScenePhrase phrase : caption.phrases()) {
      out.append(caption.text(), at, phrase.charStart());
      out.append("[/EN#").append(phrase.chainId()).append('/').append(phrase.type().name()).append(' ')
          .append(phrase.text()).append(']');
      at = phrase.charEnd();
    }
    return out.append(caption.text().substring(at)).toString();
  }

  static String annotationXml(Scene scene) {
    StringBuilder xml = new StringBuilder("<annotation>\n");
    xml.append("\t<filename>").append(scene.imageId()).append(".png</filename>\n");
    xml.append("\t<size>\n\t\t<width>").append(scene.width()).append("</width>\n\t\t<height>")
        .append(scene.height()).append("</height>\n\t\t<depth>3</depth>\n\t</size>\n");
    for (ScenePhrase phrase : scene.caption().phrases()) {
      for (PixelBox box : phrase.boxes()) {
        // Flickr30k Entities XML is 1-based; the importer subtracts the 1 again.
        xml.append("\t<object>\n\t\t<name>").append(phrase.chainId()).append("</name>\n\t\t<bndbox>\n")
            .append("\t\t\t<xmin>").append(box.x1() + 1).append("</xmin>\n")
            .append("\t\t\t<ymin>").append(box.y1() + 1).append("</ymin>\n")
            .append("\t\t\t<xmax>").append(box.x2() + 1).append("</xmax>\n")
            .append("\t\t\t<ymax>").append(box.y2() + 1).append("</ymax>\n")
            .append("\t\t</bndbox>\n\t</object>\n");
      }
      if (phrase.scene()) {
        xml.append("\t<object>\n\t\t<name>").append(phrase.chainId())
            .append("</name>\n\t\t<scene>1</scene>\n\t\t<nobndbox>0</nobndbox>\n\t</object>\n");
      }
    }
    return xml.append("</annotation>\n").toString();
  }
}
