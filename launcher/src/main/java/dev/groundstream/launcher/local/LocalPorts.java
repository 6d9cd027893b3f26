package dev.groundstream.launcher.local;

/** The local mode's ports; 0 picks a free one (tests). */
public record LocalPorts(int kafka, int registry, int ingest, int eval, int worker) {
  public static final LocalPorts DEFAULT = new LocalPorts(9092, 8081, 8080, 8083, 8084);
  public static final LocalPorts ANY_FREE = new LocalPorts(0, 0, 0, 0, 0);
}
