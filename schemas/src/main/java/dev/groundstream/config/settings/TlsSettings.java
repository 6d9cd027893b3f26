package dev.groundstream.config.settings;

import dev.groundstream.config.ServerTls;
import dev.groundstream.config.TlsFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TLS settings of a service's HTTP port, declared once and included by every service's settings
 * (so they read as GROUNDSTREAM_&lt;SERVICE&gt;_TLS_CERT, --tls-cert, ...): a PEM certificate chain and key,
 * or a PKCS#12 keystore. None set = plain HTTP (the default, and the local mode). Server TLS only.
 */
public final class TlsSettings {
  public static final Setting<Optional<Path>> CERT = Setting.optionalPath("tls-cert",
      "PEM certificate chain (leaf first) of the HTTP port, with tls-key: the port serves HTTPS only; none = plain HTTP.");
  public static final Setting<Optional<Path>> KEY = Setting.optionalPath("tls-key",
      "Unencrypted PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----) of tls-cert.");
  public static final Setting<Optional<Path>> KEYSTORE = Setting.optionalPath("tls-keystore",
      "PKCS#12 keystore with the HTTPS key and certificate chain, instead of tls-cert and tls-key.");
  public static final Setting<String> KEYSTORE_PASSWORD = Setting.text("tls-keystore-password", "",
      "Password of tls-keystore.").secret();

  /** The group, in the order services list it. */
  public static final List<Setting<?>> ALL = List.of(CERT, KEY, KEYSTORE, KEYSTORE_PASSWORD);

  private TlsSettings() {}

  /** {@code settings} followed by the TLS group: what a service with an HTTP port declares. */
  public static List<Setting<?>> andTls(List<Setting<?>> settings) {
    List<Setting<?>> all = new ArrayList<>(settings);
    all.addAll(ALL);
    return List.copyOf(all);
  }

  /**
   * The HTTPS identity the settings name, loaded and checked, or empty for plain HTTP.
   *
   * @throws SettingsException one line naming the setting and what is wrong with its file
   */
  public static Optional<ServerTls> read(SettingValues values) {
    Optional<Path> cert = values.get(CERT);
    Optional<Path> key = values.get(KEY);
    Optional<Path> keystore = values.get(KEYSTORE);
    if (keystore.isPresent() && (cert.isPresent() || key.isPresent())) {
      throw new SettingsException(named(values, KEYSTORE) + ": set tls-keystore or tls-cert with tls-key, not both");
    }
    if (cert.isPresent() != key.isPresent()) {
      Setting<?> missing = cert.isPresent() ? KEY : CERT;
      throw new SettingsException(named(values, missing) + " is not set: tls-cert and tls-key go together");
    }
    try {
      if (keystore.isPresent()) {
        return Optional.of(TlsFiles.pkcs12(keystore.get(), values.get(KEYSTORE_PASSWORD)));
      }
      return cert.isPresent() ? Optional.of(TlsFiles.pem(cert.get(), key.get())) : Optional.empty();
    } catch (TlsFiles.BadFile e) {
      Setting<Optional<Path>> setting = switch (e.part()) {
        case CERT -> CERT;
        case KEY -> KEY;
        case KEYSTORE -> KEYSTORE;
      };
      throw new SettingsException(named(values, setting) + " = '" + values.get(setting).orElseThrow() + "': "
          + e.getMessage());
    }
  }

  /** {@code tls-cert (GROUNDSTREAM_INGEST_TLS_CERT)}: how the user set it, either way. */
  private static String named(SettingValues values, Setting<?> setting) {
    return "--" + setting.name() + " (" + values.settings().envName(setting) + ")";
  }
}
