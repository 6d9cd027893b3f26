package dev.groundstream.config.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.ServerTls;
import dev.groundstream.testing.SelfSignedCert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
  private static final ServiceSettings DEMO = new ServiceSettings("demo", TlsSettings.andTls(List.of(
      Setting.integer("port", 1, "Port."))));

  @TempDir static Path dir;
  static SelfSignedCert cert;

  @BeforeAll
  static void certificate() throws Exception {
    cert = SelfSignedCert.create(dir);
  }

  private static Optional<ServerTls> read(Map<String, String> env) {
    return TlsSettings.read(DEMO.read(env, List.of()));
  }

  @Test
  void offByDefaultAndEveryServiceGetsItsOwnVariables() {
    assertEquals(Optional.empty(), read(Map.of()));
    assertEquals("GROUNDSTREAM_DEMO_TLS_CERT", DEMO.envName(TlsSettings.CERT));
    assertEquals("GROUNDSTREAM_DEMO_TLS_KEYSTORE_PASSWORD", DEMO.envName(TlsSettings.KEYSTORE_PASSWORD));
  }

  @Test
  void pemAndPkcs12GiveTheSameIdentity() {
    ServerTls pem = read(Map.of("GROUNDSTREAM_DEMO_TLS_CERT", cert.certPem().toString(),
        "GROUNDSTREAM_DEMO_TLS_KEY", cert.keyPem().toString())).orElseThrow();
    ServerTls p12 = TlsSettings.read(DEMO.read(Map.of(), List.of("--tls-keystore", cert.keystore().toString(),
        "--tls-keystore-password=" + cert.password()))).orElseThrow();
    assertEquals(pem.certificate(), p12.certificate());
    assertTrue(pem.pkcs12().length > 0);
  }

  @Test
  void aMissingFileIsOneLineNamingTheSetting() {
    SettingsException e = assertThrows(SettingsException.class, () -> read(Map.of(
        "GROUNDSTREAM_DEMO_TLS_CERT", dir.resolve("absent.crt").toString(), "GROUNDSTREAM_DEMO_TLS_KEY", cert.keyPem().toString())));
    assertEquals("--tls-cert (GROUNDSTREAM_DEMO_TLS_CERT) = '" + dir.resolve("absent.crt") + "': no such file", e.getMessage());
  }

  @Test
  void badFilesNameTheirSettingAndSayWhy() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    SettingsException badCert = assertThrows(SettingsException.class, () -> read(Map.of(
        "GROUNDSTREAM_DEMO_TLS_CERT", garbage.toString(), "GROUNDSTREAM_DEMO_TLS_KEY", cert.keyPem().toString())));
    assertTrue(badCert.getMessage().startsWith("--tls-cert (GROUNDSTREAM_DEMO_TLS_CERT) = '"), badCert.getMessage());

    Path rsaKey = Files.writeString(dir.resolve("pkcs1.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    SettingsException pkcs1 = assertThrows(SettingsException.class, () -> read(Map.of(
        "GROUNDSTREAM_DEMO_TLS_CERT", cert.certPem().toString(), "GROUNDSTREAM_DEMO_TLS_KEY", rsaKey.toString())));
    assertTrue(pkcs1.getMessage().startsWith("--tls-key (GROUNDSTREAM_DEMO_TLS_KEY)"), pkcs1.getMessage());
    assertTrue(pkcs1.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), pkcs1.getMessage());

    SelfSignedCert other = SelfSignedCert.create(Files.createDirectories(dir.resolve("other")));
    SettingsException mismatch = assertThrows(SettingsException.class, () -> read(Map.of(
        "GROUNDSTREAM_DEMO_TLS_CERT", cert.certPem().toString(), "GROUNDSTREAM_DEMO_TLS_KEY", other.keyPem().toString())));
    assertTrue(mismatch.getMessage().contains("does not belong to the certificate"), mismatch.getMessage());

    SettingsException password = assertThrows(SettingsException.class, () -> read(Map.of(
        "GROUNDSTREAM_DEMO_TLS_KEYSTORE", cert.keystore().toString(), "GROUNDSTREAM_DEMO_TLS_KEYSTORE_PASSWORD", "wrong")));
    assertTrue(password.getMessage().startsWith("--tls-keystore (GROUNDSTREAM_DEMO_TLS_KEYSTORE)"), password.getMessage());
    assertFalse(password.getMessage().contains("\n"), "one line");
  }

  @Test
  void halfAPairOrBothKindsAreRefused() {
    SettingsException half = assertThrows(SettingsException.class,
        () -> read(Map.of("GROUNDSTREAM_DEMO_TLS_CERT", cert.certPem().toString())));
    assertEquals("--tls-key (GROUNDSTREAM_DEMO_TLS_KEY) is not set: tls-cert and tls-key go together", half.getMessage());
    SettingsException both = assertThrows(SettingsException.class, () -> read(Map.of(
        "GROUNDSTREAM_DEMO_TLS_CERT", cert.certPem().toString(), "GROUNDSTREAM_DEMO_TLS_KEY", cert.keyPem().toString(),
        "GROUNDSTREAM_DEMO_TLS_KEYSTORE", cert.keystore().toString())));
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
  }
}
