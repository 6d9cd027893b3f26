package dev.groundstream.ingest.images;

import java.util.Optional;

/**
 * What the first bytes of an upload say it is. We trust magic numbers, never the client's
 * Content-Type: a mislabeled file is still judged by its content.
 */
public enum MediaType {
  JPEG("image/jpeg", "jpg", true),
  PNG("image/png", "png", true),
  /** Decoded by the TwelveMonkeys ImageIO plug-in (none ships with the JDK). */
  WEBP("image/webp", "webp", true),
  GIF("image/gif", "gif", false),
  BMP("image/bmp", "bmp", false),
  TIFF("image/tiff", "tiff", false),
  PDF("application/pdf", "pdf", false);

  private final String mimeType;
  private final String extension;
  private final boolean groundable;

  MediaType(String mimeType, String extension, boolean groundable) {
    this.mimeType = mimeType;
    this.extension = extension;
    this.groundable = groundable;
  }

  public String mimeType() {
    return mimeType;
  }

  public String extension() {
    return extension;
  }

  /** Formats the service accepts (WebP: workers need the same ImageIO plug-in on their class path). */
  public boolean groundable() {
    return groundable;
  }

  /** Recognises the format from its magic number; empty when it is no known format. */
  public static Optional<MediaType> sniff(byte[] b) {
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (startsWith(b, 'B', 'M')) {
      return Optional.of(BMP);
    }
    if (startsWith(b, 'I', 'I', 42, 0) || startsWith(b, 'M', 'M', 0, 42)) {
      return Optional.of(TIFF);
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
