package dev.groundstream.schemas.registry.server;

import java.util.Locale;

/**
 * Confluent's registry modes. READONLY (and READONLY_OVERRIDE) refuse every write with 42205;
 * IMPORT accepts only registrations that bring their own id (and version), for migrations that
 * keep ids; READWRITE, the default, accepts only registrations without an id.
 */
enum Mode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  IMPORT;

  static final Mode DEFAULT = READWRITE;

  static Mode parse(String text) {
    if (text == null) {
      throw invalid();
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  boolean isReadOnly() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }

  private static RegistryException invalid() {
    return new RegistryException(42204, "Invalid mode. Valid values are READWRITE, READONLY,"
        + " READONLY_OVERRIDE and IMPORT.");
  }
}
