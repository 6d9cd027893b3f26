package dev.groundstream.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads groups of settings from environment variables: {@code PREFIX_SOME_NAME=value} becomes
 * {@code some.name=value}. This is how any Kafka client property (security.protocol, sasl.*,
 * ssl.*) reaches every service without code knowing its name.
 */
public final class EnvironmentSettings {
  private EnvironmentSettings() {}

  /** All variables starting with {@code prefix} ("GROUNDSTREAM_KAFKA_"), as dotted lowercase keys. */
  public static Map<String, String> withPrefix(Map<String, String> env, String prefix) {
    Map<String, String> out = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(prefix) && name.length() > prefix.length() && !value.isEmpty()) {
        out.put(toPropertyKey(name.substring(prefix.length())), value);
      }
    });
    return out;
  }

  /** SASL_JAAS_CONFIG -> sasl.jaas.config. */
  public static String toPropertyKey(String envSuffix) {
    return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
