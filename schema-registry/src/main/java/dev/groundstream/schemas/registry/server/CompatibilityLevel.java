package dev.groundstream.schemas.registry.server;

import java.util.Locale;

/** Confluent's compatibility levels; BACKWARD is the registry-wide default. */
enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Case-insensitive, as Confluent accepts "full" as well as "FULL". */
  static CompatibilityLevel parse(String text) {
    if (text == null) {
      throw RegistryException.invalidCompatibilityLevel();
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidCompatibilityLevel();
    }
  }

  /** The new schema must read data written with the old one. */
  boolean checksBackward() {
    return backward;
  }

  /** The old schema must read data written with the new one. */
  boolean checksForward() {
    return forward;
  }

  /** Checked against every live version instead of only the latest. */
  boolean isTransitive() {
    return transitive;
  }
}
