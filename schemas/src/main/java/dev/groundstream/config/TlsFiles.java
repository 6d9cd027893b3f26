package dev.groundstream.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@link ServerTls} from PEM files or a PKCS#12 keystore; every failure says which file and why. */
public final class TlsFiles {
  /** Which of the files a failure is about. */
  public enum Part { CERT, KEY, KEYSTORE }

  /** A file that cannot serve as the TLS identity; the message is one line. */
  public static final class BadFile extends Exception {
    private final Part part;

    BadFile(Part part, String message) {
      super(message);
      this.part = part;
    }

    public Part part() {
      return part;
    }
  }

  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private TlsFiles() {}

  /** A PEM certificate chain (leaf first) and its unencrypted PKCS#8 PEM private key. */
  public static ServerTls pem(Path certFile, Path keyFile) throws BadFile {
    String certText = read(Part.CERT, certFile);
    String keyText = read(Part.KEY, keyFile);
    Certificate[] chain;
    try {
      chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(certText.getBytes(StandardCharsets.US_ASCII)))
          .toArray(new Certificate[0]);
    } catch (GeneralSecurityException e) {
      throw new BadFile(Part.CERT, "not a PEM certificate: " + e.getMessage());
    }
    if (chain.length == 0) {
      throw new BadFile(Part.CERT, "no -----BEGIN CERTIFICATE----- in the file");
    }
    PrivateKey key = privateKey(keyText, chain[0].getPublicKey().getAlgorithm());
    matches(key, chain[0], Part.KEY, "the key does not belong to the certificate of tls-cert");
    try {
      return ServerTls.of(key, chain);
    } catch (GeneralSecurityException e) {
      throw new BadFile(Part.KEY, "cannot use the key: " + e.getMessage());
    }
  }

  /** A PKCS#12 keystore holding one private key entry (the first one is used). */
  public static ServerTls pkcs12(Path file, String password) throws BadFile {
    read(Part.KEYSTORE, file);
    char[] pass = password.toCharArray();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, pass);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, pass);
          Certificate[] chain = store.getCertificateChain(alias);
          if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
            matches(privateKey, chain[0], Part.KEYSTORE, "the key of entry '" + alias + "' does not belong to its certificate");
            return ServerTls.of(privateKey, chain);
          }
        }
      }
      throw new BadFile(Part.KEYSTORE, "no private key entry with a certificate in the keystore");
    } catch (IOException e) {
      // PKCS#12 reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
      throw new BadFile(Part.KEYSTORE, "cannot open the PKCS#12 keystore (wrong tls-keystore-password, or not PKCS#12): "
          + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new BadFile(Part.KEYSTORE, "cannot read the keystore: " + e.getMessage());
    }
  }

  private static String read(Part part, Path file) throws BadFile {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new BadFile(part, "no such file");
    } catch (IOException e) {
      throw new BadFile(part, "cannot read the file: " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(String pem, String algorithm) throws BadFile {
    Matcher m = PRIVATE_KEY.matcher(pem);
    if (!m.find()) {
      String found = pem.contains("-----BEGIN ") ? "found " + pem.substring(pem.indexOf("-----BEGIN ")).lines().findFirst()
          .orElse("") + "; " : "";
      throw new BadFile(Part.KEY, found + "expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----; convert with"
          + " openssl pkcs8 -topk8 -nocrypt)");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new BadFile(Part.KEY, "not a " + algorithm + " PKCS#8 private key: " + e.getMessage());
    }
  }

  /** Signs a probe with the key and checks it with the certificate's public key. */
  private static void matches(PrivateKey key, Certificate cert, Part part, String message) throws BadFile {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return; // no probe for this key type; the handshake will tell
    }
    try {
      byte[] probe = "groundstream".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new BadFile(part, message);
      }
    } catch (GeneralSecurityException e) {
      throw new BadFile(part, message + " (" + e.getMessage() + ")");
    }
  }
}
