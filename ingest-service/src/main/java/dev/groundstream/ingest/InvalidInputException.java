package dev.groundstream.ingest;

/**
 * Input that the service refuses, with the HTTP status that describes why and a short,
 * stable reason code (used as the error code in JSON bodies and as the metrics label).
 */
public class InvalidInputException extends RuntimeException {
  private final int status;
  private final String reason;

  public InvalidInputException(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  public InvalidInputException(int status, String reason, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public static InvalidInputException badRequest(String reason, String message) {
    return new InvalidInputException(400, reason, message);
  }

  public static InvalidInputException unprocessable(String reason, String message) {
    return new InvalidInputException(422, reason, message);
  }
}
