package dev.groundstream.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Decides which configuration values are secret, so that logs and toString never show them. */
public final class Secrets {
  private static final String MASK = "[hidden]";

  private Secrets() {}

  /** True for passwords, JAAS configs (they embed passwords), basic-auth user info, keys and tokens. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.contains("user.info")
        || k.contains("secret") || k.contains("token") || k.contains("credentials")
        // ssl.keystore.key and ssl.keystore.certificate.chain hold PEM material inline.
        || k.endsWith(".key") || k.contains("keystore.certificate");
  }

  /** A printable copy of the settings with secret values replaced. */
  public static Map<String, String> masked(Map<String, ?> settings) {
    Map<String, String> out = new TreeMap<>();
    settings.forEach((k, v) -> out.put(k, isSecret(k) ? MASK : String.valueOf(v)));
    return out;
  }
}
