package dev.groundstream.sinks.jdbc;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The JDBC sink's settings, typed and validated by Kafka's ConfigDef. */
public final class JdbcSinkConfig extends AbstractConfig {
  public static final String CONNECTION_URL = "connection.url";
  public static final String CONNECTION_USER = "connection.user";
  public static final String CONNECTION_PASSWORD = "connection.password";
  public static final String DIALECT = "dialect";
  public static final String TABLE_NAME_FORMAT = "table.name.format";
  public static final String PK_FIELDS = "pk.fields";
  public static final String CHILD_KEY_FIELD = "child.key.field";
  public static final String AUTO_CREATE = "auto.create";
  public static final String AUTO_EVOLVE = "auto.evolve";
  public static final String BATCH_SIZE = "batch.size";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";

  public static final String DIALECT_AUTO = "auto";
  private static final String CONNECTION_GROUP = "Connection";
  private static final String WRITES_GROUP = "Writes";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(CONNECTION_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new JdbcUrlValidator(), Importance.HIGH,
          "JDBC URL of the target database: jdbc:postgresql://host:5432/db (add ?currentSchema=s to "
              + "write into schema s, &reWriteBatchedInserts=true for faster batches) or jdbc:duckdb:/path/file.duckdb.",
          CONNECTION_GROUP, 1, Width.LONG, "JDBC URL")
      .define(CONNECTION_USER, Type.STRING, null, Importance.HIGH,
          "Database user; not needed for DuckDB.", CONNECTION_GROUP, 2, Width.MEDIUM, "User")
      .define(CONNECTION_PASSWORD, Type.PASSWORD, null, Importance.HIGH,
          "Database password; never logged.", CONNECTION_GROUP, 3, Width.MEDIUM, "Password")
      .define(DIALECT, Type.STRING, DIALECT_AUTO,
          ConfigDef.CaseInsensitiveValidString.in(DIALECT_AUTO, SqlDialects.POSTGRESQL, SqlDialects.DUCKDB),
          Importance.MEDIUM, "SQL dialect; auto picks it from connection.url.",
          CONNECTION_GROUP, 4, Width.SHORT, "Dialect", List.of(CONNECTION_URL), new DialectRecommender())
      .define(TABLE_NAME_FORMAT, Type.STRING, "${topic}", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Root table name; ${topic} is replaced by the topic. Characters other than letters, digits and _ "
              + "become _, so grounding.evaluations -> grounding_evaluations. Child tables append _<field>.",
          WRITES_GROUP, 1, Width.MEDIUM, "Table name format")
      .define(PK_FIELDS, Type.LIST, "", Importance.MEDIUM,
          "Columns (flattened snake_case names) forming the root table's primary key. Empty: the built-in "
              + "key of GroundStream's records (results and evaluations: request_id, model_name, model_version; "
              + "metrics: model, dataset, category, window, window_start).",
          WRITES_GROUP, 2, Width.LONG, "Primary key columns")
      .define(CHILD_KEY_FIELD, Type.STRING, "phraseId", Importance.LOW,
          "Field of array elements that identifies them within their parent (joins the child key); elements "
              + "without it are keyed by their position (column ordinal).",
          WRITES_GROUP, 3, Width.SHORT, "Child key field")
      .define(AUTO_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
          "Create missing tables from the record schema.", WRITES_GROUP, 4, Width.SHORT, "Auto create")
      .define(AUTO_EVOLVE, Type.BOOLEAN, true, Importance.MEDIUM,
          "Add nullable columns (and child tables) for fields a newer compatible schema adds.",
          WRITES_GROUP, 5, Width.SHORT, "Auto evolve")
      .define(BATCH_SIZE, Type.INT, 3000, Range.between(1, 100_000), Importance.MEDIUM,
          "Records written per database transaction (JDBC batch).", WRITES_GROUP, 6, Width.SHORT, "Batch size")
      .define(MAX_RETRIES, Type.INT, 10, Range.between(0, 1000), Importance.MEDIUM,
          "Retries of a batch that failed with a transient database error (connection loss, deadlock, "
              + "serialization or transaction conflict) before the task fails.",
          WRITES_GROUP, 7, Width.SHORT, "Max retries")
      .define(RETRY_BACKOFF_MS, Type.LONG, 1000L, Range.between(0L, 600_000L), Importance.LOW,
          "First backoff before a retry, doubled per attempt up to 60 s.", WRITES_GROUP, 8, Width.SHORT,
          "Retry backoff (ms)");

  public JdbcSinkConfig(Map<String, String> props) {
    super(DEFINITION, props);
  }

  public String url() {
    return getString(CONNECTION_URL);
  }

  public String user() {
    return getString(CONNECTION_USER);
  }

  public Password password() {
    return getPassword(CONNECTION_PASSWORD);
  }

  public String dialectName() {
    String configured = getString(DIALECT).toLowerCase(java.util.Locale.ROOT);
    if (!DIALECT_AUTO.equals(configured)) {
      return configured;
    }
    String fromUrl = SqlDialects.nameForUrl(url());
    if (fromUrl == null) {
      throw new ConfigException(CONNECTION_URL, url(), "cannot tell the dialect from this URL; set " + DIALECT);
    }
    return fromUrl;
  }

  public String tableNameFormat() {
    return getString(TABLE_NAME_FORMAT);
  }

  public List<String> pkFields() {
    return getList(PK_FIELDS);
  }

  public String childKeyField() {
    return getString(CHILD_KEY_FIELD);
  }

  public boolean autoCreate() {
    return getBoolean(AUTO_CREATE);
  }

  public boolean autoEvolve() {
    return getBoolean(AUTO_EVOLVE);
  }

  public int batchSize() {
    return getInt(BATCH_SIZE);
  }

  public int maxRetries() {
    return getInt(MAX_RETRIES);
  }

  public long retryBackoffMs() {
    return getLong(RETRY_BACKOFF_MS);
  }
}
