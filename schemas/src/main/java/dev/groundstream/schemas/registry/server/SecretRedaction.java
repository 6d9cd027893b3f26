package dev.groundstream.schemas.registry.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Hides the values of Kafka client properties that carry credentials or key material. */
final class SecretRedaction {
  static final String HIDDEN = "[hidden]";

  private SecretRedaction() {}

  static Map<String, Object> redact(Map<String, Object> props) {
    Map<String, Object> shown = new TreeMap<>();
    props.forEach((key, value) -> shown.put(key, isSecret(key) ? HIDDEN : value));
    return shown;
  }

  static boolean isSecret(String property) {
    String name = property.toLowerCase(Locale.ROOT);
    return name.contains("password") || name.contains("jaas") || name.contains("secret")
        || name.contains("token") || name.contains("credentials")
        // ssl.keystore.key and friends hold PEM key material inline.
        || name.endsWith(".key") || name.contains("keystore.certificate");
  }
}
