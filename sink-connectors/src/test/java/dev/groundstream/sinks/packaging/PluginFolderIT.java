package dev.groundstream.sinks.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.isolation.PluginDesc;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * The packaged folder (target/plugin/groundstream-sinks) as a stock worker sees it through
 * plugin.path: Connect's own plugin scanner finds the connectors and the converter in it, in an
 * isolated plugin class loader, and their dependencies (drivers) resolve there.
 */
class PluginFolderIT {
  private static final Path PLUGIN_DIR = Path.of(System.getProperty("plugin.dir", "target/plugin/groundstream-sinks"));

  private static Plugins plugins(String discovery) {
    return new Plugins(Map.of("plugin.path", PLUGIN_DIR.getParent().toAbsolutePath().toString(),
        "plugin.discovery", discovery));
  }

  private static <T> PluginDesc<T> fromFolder(List<PluginDesc<T>> found, String className) {
    return found.stream()
        .filter(p -> p.className().equals(className) && p.location().contains("groundstream-sinks"))
        .findFirst().orElseThrow(() -> new AssertionError(className + " not found in " + PLUGIN_DIR + ": " + found));
  }

  @Test
  void theFolderHoldsOurJarAndTheDriversButNotKafka() throws Exception {
    List<String> jars;
    try (var files = Files.list(PLUGIN_DIR)) {
      jars = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("groundstream-sink-connectors-")), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("postgresql-")), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("duckdb_jdbc-")), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("avro-")), jars.toString());
    assertTrue(jars.stream().noneMatch(j -> j.startsWith("kafka-") || j.startsWith("connect-")), jars.toString());
    // format=parquet: Parquet plus the slice of Hadoop its writer links against, not Hadoop's dependency tree.
    for (String prefix : List.of("parquet-avro-", "parquet-hadoop-", "hadoop-common-", "woodstox-core-", "hadoop-shaded-guava-")) {
      assertTrue(jars.stream().anyMatch(j -> j.startsWith(prefix)), prefix + " missing: " + jars);
    }
    assertTrue(jars.stream().noneMatch(j -> j.startsWith("hadoop-mapreduce") || j.startsWith("hadoop-auth")
        || j.startsWith("protobuf-") || j.startsWith("hadoop-shaded-protobuf")), jars.toString());
  }

  /** The jars of a stock worker's libs/ that the plugin relies on (parent-first or not packaged by us). */
  private static final List<String> WORKER_JARS =
      List.of("kafka-clients-", "connect-api-", "slf4j-api-", "snappy-java-", "zstd-jni-", "lz4-java-");

  @Test
  void theFolderAloneWritesParquetNextToTheWorkersJars(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
    List<String> classPath = new ArrayList<>();
    try (var files = Files.list(PLUGIN_DIR)) {
      files.map(Path::toString).sorted().forEach(classPath::add);
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (WORKER_JARS.stream().anyMatch(name::startsWith) || entry.endsWith("test-classes")) {
        classPath.add(entry); // test-classes only for the probe itself
      }
    }
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classPath), ParquetWriteProbe.class.getName(), out.toString())
        .redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes());
    assertTrue(probe.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, probe.exitValue(), output);
  }

  @Test
  void serviceLoadingFindsTheConnectorsAndTheConverterInTheFolder() throws Exception {
    Plugins plugins = plugins("service_load");
    PluginDesc<?> jdbc = fromFolder(List.copyOf(plugins.sinkConnectors()), "dev.groundstream.sinks.jdbc.JdbcSinkConnector");
    fromFolder(List.copyOf(plugins.sinkConnectors()), "dev.groundstream.sinks.file.FileSinkConnector");
    fromFolder(List.copyOf(plugins.converters()), "dev.groundstream.sinks.converter.AvroConverter");

    ClassLoader isolated = jdbc.loader();
    assertTrue(isolated.getClass().getSimpleName().equals("PluginClassLoader"), isolated.toString());
    Connector connector = (Connector) jdbc.pluginClass().getDeclaredConstructor().newInstance();
    assertEquals(isolated, connector.getClass().getClassLoader());
    assertTrue(connector.validate(Map.of("connection.url", "jdbc:duckdb:/tmp/x.duckdb")).configValues().stream()
        .allMatch(v -> v.errorMessages().isEmpty()));
    assertEquals(isolated, isolated.loadClass("org.duckdb.DuckDBDriver").getClassLoader());
  }
}
