package dev.groundstream.worker.model;

/** A model folder whose card is missing, unreadable or inconsistent; the message names the field. */
public class ModelCardException extends RuntimeException {
  public ModelCardException(String message) {
    super(message);
  }

  public ModelCardException(String message, Throwable cause) {
    super(message, cause);
  }
}
