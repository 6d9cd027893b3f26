package dev.groundstream.schemas.registry.server;

/**
 * A failure with a Confluent Schema Registry error code. The HTTP status is the first three
 * digits of the code (40401 -> 404), which is how Confluent's clients map them back.
 */
final class RegistryException extends RuntimeException {
  private final int errorCode;

  RegistryException(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  RegistryException(int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  int errorCode() {
    return errorCode;
  }

  int httpStatus() {
    int status = errorCode;
    while (status >= 1000) {
      status /= 10;
    }
    return status;
  }

  /** Misses that another instance's recent write could explain. */
  boolean isNotFound() {
    return httpStatus() == 404;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(int version) {
    return new RegistryException(40402, "Version " + version + " not found.");
  }

  static RegistryException schemaNotFound() {
    return new RegistryException(40403, "Schema not found");
  }

  static RegistryException schemaIdNotFound(int id) {
    return new RegistryException(40403, "Schema " + id + " not found");
  }

  static RegistryException subjectSoftDeleted(String subject) {
    return new RegistryException(40404, "Subject '" + subject
        + "' was soft deleted.Set permanent=true to delete permanently");
  }

  static RegistryException subjectNotSoftDeleted(String subject) {
    return new RegistryException(40405, "Subject '" + subject
        + "' was not deleted first before being permanently deleted");
  }

  static RegistryException versionSoftDeleted(String subject, int version) {
    return new RegistryException(40406, "Subject '" + subject + "' Version " + version
        + " was soft deleted.Set permanent=true to delete permanently");
  }

  static RegistryException versionNotSoftDeleted(String subject, int version) {
    return new RegistryException(40407, "Subject '" + subject + "' Version " + version
        + " was not deleted first before being permanently deleted");
  }

  static RegistryException subjectLevelConfigNotFound(String subject) {
    return new RegistryException(40408, "Subject '" + subject
        + "' does not have subject-level compatibility configured");
  }

  static RegistryException readOnly(String subject) {
    return notPermitted("Subject " + subject + " is in read-only mode");
  }

  static RegistryException notPermitted(String message) {
    return new RegistryException(42205, message);
  }

  static RegistryException subjectModeNotFound(String subject) {
    return new RegistryException(40409, "Subject '" + subject
        + "' does not have subject-level mode configured");
  }

  static RegistryException incompatible(String message) {
    return new RegistryException(409, message);
  }

  static RegistryException invalidSchema(String message) {
    return new RegistryException(42201, message);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(42202, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
        + " \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel() {
    return new RegistryException(42203, "Invalid compatibility level. Valid values are none,"
        + " backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
  }

  static RegistryException badRequest(String message) {
    return new RegistryException(400, message);
  }

  static RegistryException storeError(String message, Throwable cause) {
    return new RegistryException(50001, message, cause);
  }

  static RegistryException timeout(String message) {
    return new RegistryException(50002, message);
  }
}
