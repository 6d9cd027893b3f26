package dev.groundstream.schemas.registry.server;

/** A version as a path names it: a number from 1, or "latest" / -1. */
record VersionRef(int number) {
  static final VersionRef LATEST = new VersionRef(-1);

  static VersionRef parse(String text) {
    if ("latest".equals(text)) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(text);
      if (number == -1) {
        return LATEST;
      }
      if (number >= 1) {
        return new VersionRef(number);
      }
    } catch (NumberFormatException e) {
      // Falls through to the protocol's own error.
    }
    throw RegistryException.invalidVersion(text);
  }

  boolean isLatest() {
    return number == -1;
  }
}
