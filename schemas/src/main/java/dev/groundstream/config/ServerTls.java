package dev.groundstream.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS identity of one HTTPS port: a private key and its certificate chain, loaded and checked
 * when the settings are read ({@code dev.groundstream.config.settings.TlsSettings}), so a bad file
 * stops the service before anything listens. Server TLS only: clients are not asked for certificates.
 */
public final class ServerTls {
  private static final String ALIAS = "server";

  private final KeyStore keyStore;
  private final char[] password;
  private final Map<String, String> kafkaSsl;

  private ServerTls(KeyStore keyStore, char[] password, Map<String, String> kafkaSsl) {
    this.keyStore = keyStore;
    this.password = password.clone();
    this.kafkaSsl = Map.copyOf(kafkaSsl);
  }

  /** From a key and its chain (leaf first); {@code kafkaSsl} says the same in Kafka's ssl.keystore.* terms. */
  static ServerTls of(PrivateKey key, Certificate[] chain, Map<String, String> kafkaSsl) throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = randomPassword();
      store.setKeyEntry(ALIAS, key, password, chain);
      return new ServerTls(store, password, kafkaSsl);
    } catch (IOException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private static char[] randomPassword() {
    byte[] random = new byte[18];
    new java.security.SecureRandom().nextBytes(random);
    return java.util.Base64.getEncoder().encodeToString(random).toCharArray();
  }

  /** For a JDK {@code HttpsServer} (and for tests' clients). */
  public SSLContext sslContext() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  /** The key and chain as PKCS#12 bytes protected by {@link #password()} (for Vert.x PfxOptions). */
  public byte[] pkcs12() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      keyStore.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write the TLS keystore: " + e.getMessage(), e);
    }
  }

  /** The password of {@link #pkcs12()}: made up at start, never written anywhere. */
  public String password() {
    return new String(password);
  }

  /** The server's own certificate (the leaf of the chain). */
  public X509Certificate certificate() {
    try {
      return (X509Certificate) keyStore.getCertificate(ALIAS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The same identity as Kafka {@code ssl.keystore.*} properties (a PKCS#12 file by location, or the
   * PEM text inline), e.g. for Kafka Connect's {@code listeners.https.} prefix.
   */
  public Map<String, String> kafkaSslProperties() {
    return kafkaSsl;
  }

  @Override
  public String toString() {
    return "ServerTls[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
