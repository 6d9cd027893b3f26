package dev.groundstream.sinks.jdbc;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/** Recommends the dialect that matches connection.url (plus auto), for UIs built on validate(). */
final class DialectRecommender implements ConfigDef.Recommender {
  @Override
  public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
    Object url = parsedConfig.get(JdbcSinkConfig.CONNECTION_URL);
    String matching = url == null ? null : SqlDialects.nameForUrl(url.toString());
    return matching == null
        ? List.of(JdbcSinkConfig.DIALECT_AUTO, SqlDialects.POSTGRESQL, SqlDialects.DUCKDB)
        : List.of(JdbcSinkConfig.DIALECT_AUTO, matching);
  }

  @Override
  public boolean visible(String name, Map<String, Object> parsedConfig) {
    return true;
  }
}
