package dev.groundstream.launcher.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.launcher.GroundStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --tls-* flags of `groundstream registry` and `worker` are checked before anything starts: one line, exit 2. */
class TlsOptionsTest {
  @TempDir Path dir;

  private static String run(int expectedCode, String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(expectedCode, GroundStream.commandLine().execute(args));
    } finally {
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void registryNamesTheMissingCertificate() {
    assertEquals("groundstream registry: --tls-cert (GROUNDSTREAM_REGISTRY_TLS_CERT) = '" + dir.resolve("x.crt")
        + "': no such file" + System.lineSeparator(), run(2, "registry", "--port", "0",
        "--tls-cert", dir.resolve("x.crt").toString(), "--tls-key", dir.resolve("x.key").toString()));
  }

  @Test
  void workerNamesTheMissingKeystore() {
    assertEquals("groundstream worker: --tls-keystore (GROUNDSTREAM_WORKER_TLS_KEYSTORE) = '" + dir.resolve("w.p12")
        + "': no such file" + System.lineSeparator(), run(2, "worker", "--model", dir.toString(),
        "--tls-keystore", dir.resolve("w.p12").toString()));
  }
}
