package dev.groundstream.worker.model;

/** The bytes are not an image this worker can decode (JPEG, PNG, BMP, GIF). */
public class ImageDecodeException extends Exception {
  public ImageDecodeException(String message) {
    super(message);
  }

  public ImageDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
