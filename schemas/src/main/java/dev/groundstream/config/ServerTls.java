package dev.groundstream.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
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

  private ServerTls(KeyStore keyStore, char[] password) {
    this.keyStore = keyStore;
    this.password = password.clone();
  }

  /** From a key and its chain (leaf first). */
  static ServerTls of(PrivateKey key, Certificate[] chain) throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = randomPassword();
      store.setKeyEntry(ALIAS, key, password, chain);
      return new ServerTls(store, password);
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

  /** The key and chain as PKCS#12 bytes protected by {@link #password()} (Vert.x PfxOptions, Connect's keystore file). */
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

  @Override
  public String toString() {
    return "ServerTls[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
