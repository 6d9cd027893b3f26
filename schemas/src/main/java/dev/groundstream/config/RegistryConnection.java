package dev.groundstream.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How every service reaches the schema registry (ours in local mode, Confluent's in compose or a
 * managed one): base URL(s), optional basic auth, optional TLS trust store. Keys follow the
 * Confluent serde names so the same map configures our serializers and Confluent's converters.
 *
 * <p>Environment: GROUNDSTREAM_REGISTRY_URL, GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO
 * ("user:password"), GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_LOCATION, _PASSWORD and _TYPE,
 * GROUNDSTREAM_REGISTRY_AUTO_REGISTER (true in local mode; false in production, where schemas are
 * registered by the build and looked up at run time).
 */
public record RegistryConnection(
    String url,
    Optional<String> basicAuthUserInfo,
    Optional<String> trustStoreLocation,
    Optional<String> trustStorePassword,
    String trustStoreType,
    boolean autoRegister) {

  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String AUTO_REGISTER = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String DEFAULT_URL = "http://localhost:8081";

  public RegistryConnection {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(URL + " is required (set GROUNDSTREAM_REGISTRY_URL or --registry-url)");
    }
  }

  public static RegistryConnection of(String url) {
    return new RegistryConnection(url, Optional.empty(), Optional.empty(), Optional.empty(), "JKS", true);
  }

  public static RegistryConnection fromEnvironment(Map<String, String> env) {
    return new RegistryConnection(
        env.getOrDefault("GROUNDSTREAM_REGISTRY_URL", DEFAULT_URL),
        Optional.ofNullable(env.get("GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO")),
        Optional.ofNullable(env.get("GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_LOCATION")),
        Optional.ofNullable(env.get("GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_PASSWORD")),
        env.getOrDefault("GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_TYPE", "JKS"),
        Boolean.parseBoolean(env.getOrDefault("GROUNDSTREAM_REGISTRY_AUTO_REGISTER", "true")));
  }

  /** Reads the Confluent-style keys of a serde or Connect converter config. */
  public static RegistryConnection fromConfig(Map<String, ?> config) {
    Object url = config.get(URL);
    if (url == null) {
      throw new IllegalArgumentException("Missing required serde setting " + URL);
    }
    return new RegistryConnection(
        String.valueOf(url),
        optional(config, BASIC_AUTH_USER_INFO),
        optional(config, TRUSTSTORE_LOCATION),
        optional(config, TRUSTSTORE_PASSWORD),
        optional(config, TRUSTSTORE_TYPE).orElse("JKS"),
        optional(config, AUTO_REGISTER).map(Boolean::parseBoolean).orElse(true));
  }

  public RegistryConnection withUrl(String newUrl) {
    return new RegistryConnection(newUrl, basicAuthUserInfo, trustStoreLocation, trustStorePassword,
        trustStoreType, autoRegister);
  }

  public RegistryConnection withAutoRegister(boolean enabled) {
    return new RegistryConnection(url, basicAuthUserInfo, trustStoreLocation, trustStorePassword,
        trustStoreType, enabled);
  }

  /** The Confluent-style serde config keys for this connection. */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(URL, url);
    config.put(AUTO_REGISTER, Boolean.toString(autoRegister));
    basicAuthUserInfo.ifPresent(v -> {
      config.put(BASIC_AUTH_SOURCE, "USER_INFO");
      config.put(BASIC_AUTH_USER_INFO, v);
    });
    trustStoreLocation.ifPresent(v -> config.put(TRUSTSTORE_LOCATION, v));
    trustStorePassword.ifPresent(v -> config.put(TRUSTSTORE_PASSWORD, v));
    config.put(TRUSTSTORE_TYPE, trustStoreType);
    return config;
  }

  private static Optional<String> optional(Map<String, ?> config, String key) {
    Object v = config.get(key);
    return v == null || String.valueOf(v).isEmpty() ? Optional.empty() : Optional.of(String.valueOf(v));
  }

  /** Credentials are masked. */
  @Override
  public String toString() {
    return "RegistryConnection{url=" + url
        + ", basicAuth=" + (basicAuthUserInfo.isPresent() ? "[hidden]" : "none")
        + ", trustStore=" + trustStoreLocation.orElse("default")
        + ", autoRegister=" + autoRegister + "}";
  }
}
