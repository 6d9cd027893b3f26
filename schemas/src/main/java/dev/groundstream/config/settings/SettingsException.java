package dev.groundstream.config.settings;

/** A setting that could not be read; the message is the one line a user sees. */
public final class SettingsException extends IllegalArgumentException {
  public SettingsException(String message) {
    super(message);
  }
}
