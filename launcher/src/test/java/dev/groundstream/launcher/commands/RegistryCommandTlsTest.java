package dev.groundstream.launcher.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.launcher.GroundStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `groundstream registry --tls-*` checks the files before anything starts: one line naming the flag, exit 2. */
class RegistryCommandTlsTest {
  @Test
  void aMissingCertificateIsOneLineAndExitTwo(@TempDir Path dir) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    int code;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code = GroundStream.commandLine().execute("registry", "--port", "0", "--tls-cert", dir.resolve("x.crt").toString(),
          "--tls-key", dir.resolve("x.key").toString());
    } finally {
      System.setErr(err);
    }
    assertEquals(2, code);
    assertEquals("groundstream registry: --tls-cert (GROUNDSTREAM_REGISTRY_TLS_CERT) = '" + dir.resolve("x.crt")
        + "': no such file" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
  }
}
