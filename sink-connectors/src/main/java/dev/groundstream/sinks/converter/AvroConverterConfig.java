package dev.groundstream.sinks.converter;

import dev.groundstream.config.RegistryConnection;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The converter's settings: Confluent's key names, so existing worker configs carry over. */
public final class AvroConverterConfig {
  private AvroConverterConfig() {}

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(RegistryConnection.URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
          "Comma-separated base URL(s) of the Confluent-protocol schema registry, e.g. http://registry:8081.")
      .define(RegistryConnection.AUTO_REGISTER, Type.BOOLEAN, true, Importance.MEDIUM,
          "Register the schema of converted-back records (fromConnectData) when absent; false only looks it up.")
      .define(RegistryConnection.BASIC_AUTH_SOURCE, Type.STRING, "USER_INFO",
          ConfigDef.ValidString.in("USER_INFO"), Importance.LOW,
          "Where basic-auth credentials come from; only USER_INFO is supported.")
      .define(RegistryConnection.BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
          "Registry credentials as user:password.")
      .define(RegistryConnection.TRUSTSTORE_LOCATION, Type.STRING, null, Importance.LOW,
          "Trust store for an HTTPS registry.")
      .define(RegistryConnection.TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
          "Password of the registry trust store.")
      .define(RegistryConnection.TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW,
          "Type of the registry trust store (JKS or PKCS12).");
}
