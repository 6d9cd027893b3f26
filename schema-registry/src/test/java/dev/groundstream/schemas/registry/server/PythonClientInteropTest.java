package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundstream.testing.KafkaTestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Confluent's Python client as Debian packages it ({@code python3-confluent-kafka}, which
 * {@code .ci/run} installs) runs src/test/python/interop.py against the in-process registry:
 * register/lookup/ids, compatibility, config, error codes, references, 42206. Skipped, saying
 * why, when Debian's python3 or the package is absent.
 */
class PythonClientInteropTest {
  /** Debian's interpreter: the package installs for it, not for a pyenv or venv python3. */
  private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3"))
      ? "/usr/bin/python3" : "python3";

  @Test
  void confluentsPythonClientInteroperates() throws Exception {
    assumeTrue(exitsZero(List.of(PYTHON, "--version")), "python3 is not installed");
    assumeTrue(exitsZero(List.of(PYTHON, "-c", "import confluent_kafka.schema_registry")),
        "python3-confluent-kafka is not installed (apt-get install python3-confluent-kafka)");
    Path script = Paths.get("src", "test", "python", "interop.py").toAbsolutePath();
    try (KafkaTestCluster kafka = KafkaTestCluster.start();
        SchemaRegistryServer server = SchemaRegistryServer.start(
            SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()))) {
      Process process = new ProcessBuilder(PYTHON, script.toString(), server.url())
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
      assertEquals(0, process.exitValue(), output);
      assertTrue(output.contains("8 checks passed"), output);
    }
  }

  private static boolean exitsZero(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
