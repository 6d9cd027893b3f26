package dev.groundstream.sinks.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
