package dev.groundstream.worker.model;

/**
 * The image's header declares more than the decode budget allows (pixels, raster bytes, WebP
 * pixels): refused before decoding, dead-lettered with {@code reason} (ingest's error code).
 */
public final class ImageTooLargeException extends ImageDecodeException {
  private final String reason;

  public ImageTooLargeException(String reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
