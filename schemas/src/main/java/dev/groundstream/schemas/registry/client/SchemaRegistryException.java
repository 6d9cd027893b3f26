package dev.groundstream.schemas.registry.client;

/**
 * A registry call failed. Carries the Confluent error code (40401 subject not found, 40403 schema
 * not found, 409 incompatible, 42201 invalid schema, ...) or -1 when the registry could not be
 * reached, and the subject or schema id involved so the message says what was missing.
 */
public class SchemaRegistryException extends RuntimeException {
  public static final int UNREACHABLE = -1;
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE = 409;
  public static final int INVALID_SCHEMA = 42201;

  private final int errorCode;

  public SchemaRegistryException(int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(int errorCode, String message) {
    this(errorCode, message, null);
  }

  public int errorCode() {
    return errorCode;
  }
}
