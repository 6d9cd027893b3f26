package dev.groundstream.ingest.images;

import java.util.Locale;

/**
 * How an upload is proven to be an image before the 202: {@code structure} walks the format's
 * markers, chunks and checksums without decoding pixels (the worker decodes the bytes anyway);
 * {@code full} also decodes every pixel, refusing what the decoder only warns about.
 */
public enum ImageValidation {
  STRUCTURE,
  FULL;

  /** {@code structure} or {@code full}, any case. */
  public static ImageValidation parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "structure" -> STRUCTURE;
      case "full" -> FULL;
      default -> throw new IllegalArgumentException("expected structure or full");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
