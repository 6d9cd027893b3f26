package dev.groundstream.sinks;

/** The plugin version Connect shows for every connector and converter of this module. */
public final class SinkVersion {
  public static final String VERSION = "0.1.0";

  private SinkVersion() {}
}
