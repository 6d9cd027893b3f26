package dev.groundstream.ingest.importers;

import dev.groundstream.ingest.phrases.CaptionPhraser;
import dev.groundstream.phrases.PhraseTyper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The dataset formats an import command can name, and how to open each: what a launcher's
 * {@code import --format=... --path=... [--split=...] [--images=...] [--dataset=...]} maps to.
 */
public enum DatasetFormat {
  /** path = the Flickr30k Entities folder (Sentences/, Annotations/, split files). */
  FLICKR30K_ENTITIES,
  /** path = an MDETR json; types inferred with PhraseTyper. */
  MDETR_COCO,
  /** path = a JSONL file (docs/importers.md); missing phrases extracted with CaptionPhraser. */
  JSONL;

  public static DatasetFormat parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "flickr30k", "flickr30k-entities", "flickr" -> FLICKR30K_ENTITIES;
      case "mdetr", "mdetr-coco", "coco" -> MDETR_COCO;
      case "jsonl" -> JSONL;
      default -> throw new IllegalArgumentException("Unknown dataset format '" + name + "' (flickr30k, mdetr, jsonl)");
    };
  }

  /**
   * @param split Flickr30k split (train/val/test); ignored by the other formats
   * @param imagesDir null: {@code <path>/images} for Flickr30k, the file's folder otherwise
   * @param dataset null: a name derived from the format, split or file
   */
  public DatasetImporter open(Path path, String split, Path imagesDir, String dataset, ImageFiles images, Clock clock)
      throws IOException {
    return switch (this) {
      case FLICKR30K_ENTITIES -> new FlickrEntitiesImporter(path, split, imagesDir != null ? imagesDir : path.resolve("images"),
          dataset != null ? dataset : "flickr30k-entities/" + split, images, clock);
      case MDETR_COCO -> new MdetrCocoImporter(path, imagesDir != null ? imagesDir : parent(path),
          dataset != null ? dataset : "mdetr/" + baseName(path), images, clock,
          text -> List.of(PhraseTyper.shared().type(text)));
      case JSONL -> new JsonlImporter(path, imagesDir != null ? imagesDir : parent(path),
          dataset != null ? dataset : "jsonl/" + baseName(path), images, clock, CaptionPhraser.shared()::phrases);
    };
  }

  private static Path parent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of(".");
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
