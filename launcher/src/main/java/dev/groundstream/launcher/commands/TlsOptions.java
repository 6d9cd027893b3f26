package dev.groundstream.launcher.commands;

import dev.groundstream.config.ServerTls;
import dev.groundstream.config.settings.ServiceSettings;
import dev.groundstream.config.settings.SettingsException;
import dev.groundstream.config.settings.TlsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The TlsSettings of a command that opens an HTTP port, as flags, or from the service's
 * GROUNDSTREAM_&lt;SERVICE&gt;_TLS_* variables (flags win); checked before anything starts.
 */
final class TlsOptions {
  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (with --tls-key).")
  String cert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "PKCS#8 private key of --tls-cert.")
  String key;

  @Option(names = "--tls-keystore", paramLabel = "P12", description = "Serve HTTPS with this PKCS#12 keystore instead.")
  String keystore;

  @Option(names = "--tls-keystore-password", paramLabel = "TEXT", description = "Password of --tls-keystore.")
  String keystorePassword;

  /** The HTTPS identity for {@code service}'s port, or empty; a bad file is a {@link BadInput} naming the flag. */
  Optional<ServerTls> read(String service) {
    List<String> flags = new ArrayList<>();
    add(flags, TlsSettings.CERT.name(), cert);
    add(flags, TlsSettings.KEY.name(), key);
    add(flags, TlsSettings.KEYSTORE.name(), keystore);
    add(flags, TlsSettings.KEYSTORE_PASSWORD.name(), keystorePassword);
    try {
      return TlsSettings.read(new ServiceSettings(service, TlsSettings.ALL).read(System.getenv(), flags));
    } catch (SettingsException e) {
      throw new BadInput(e.getMessage());
    }
  }

  private static void add(List<String> flags, String name, String value) {
    if (value != null) {
      flags.add("--" + name + "=" + value);
    }
  }
}
