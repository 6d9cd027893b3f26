package dev.groundstream.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed RSA certificate for localhost and 127.0.0.1, made by the JDK's {@code keytool} in a
 * test's folder: as a PKCS#12 keystore, as PEM certificate + PKCS#8 key, and a truststore and HTTP
 * client that trust it (and nothing else).
 */
public record SelfSignedCert(Path keystore, String password, Path certPem, Path keyPem, Path truststore) {
  private static final String ALIAS = "server";

  /** Generates the certificate in {@code dir} (keytool, a few hundred ms). */
  public static SelfSignedCert create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
    Path keystore = dir.resolve("server.p12");
    String password = "changeit-test";
    keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", password, "-keypass", password));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password.toCharArray());
    }
    Key key = store.getKey(ALIAS, password.toCharArray());
    Certificate cert = store.getCertificate(ALIAS);
    Path certPem = Files.writeString(dir.resolve("server.crt"), pem("CERTIFICATE", cert.getEncoded()));
    Path keyPem = Files.writeString(dir.resolve("server.key"), pem("PRIVATE KEY", key.getEncoded()));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(ALIAS, cert);
    Path truststore = dir.resolve("trust.p12");
    try (var out = Files.newOutputStream(truststore)) {
      trust.store(out, password.toCharArray());
    }
    return new SelfSignedCert(keystore, password, certPem, keyPem, truststore);
  }

  private static void keytool(List<String> args) throws IOException, InterruptedException {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(tool.toString()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  /** An SSL context that trusts this certificate only. */
  public SSLContext clientContext() throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(truststore)) {
      trust.load(in, password.toCharArray());
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  /** An HTTP client that trusts this certificate only (hostname checked against localhost / 127.0.0.1). */
  public HttpClient client() throws IOException, GeneralSecurityException {
    return HttpClient.newBuilder().sslContext(clientContext()).connectTimeout(Duration.ofSeconds(30)).build();
  }

  /** GET https://localhost:{port}{path} with {@link #client()}. */
  public HttpResponse<String> httpsGet(int port, String path) throws IOException, InterruptedException,
      GeneralSecurityException {
    return client().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status a plain-HTTP GET of {@code path} gets on {@code port}, or -1 when the server drops it (a TLS port does). */
  public static int plainHttpStatus(int port, String path) throws InterruptedException {
    try {
      return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
              .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }
}
