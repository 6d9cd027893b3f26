package dev.groundstream.eval.http;

/** A request parameter is missing or malformed: answered with 400 and the message. */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
