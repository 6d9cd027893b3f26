package dev.groundstream.schemas.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.config.RegistryConnection;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;

/**
 * Talks the Confluent Schema Registry REST protocol over HTTP(S), with basic auth and a custom
 * trust store when configured. Several comma-separated URLs are tried in order when one is
 * unreachable. No caching here: see {@link CachingSchemaRegistryClient}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> baseUrls;
  private final Optional<String> authorization;
  private final HttpClient http;

  public RestSchemaRegistryClient(RegistryConnection connection) {
    this.baseUrls = parseUrls(connection.url());
    this.authorization = connection.basicAuthUserInfo().map(userInfo ->
        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    connection.trustStoreLocation().ifPresent(location -> builder.sslContext(
        sslContext(location, connection.trustStorePassword().orElse(""), connection.trustStoreType())));
    this.http = builder.build();
  }

  @Override
  public int register(String subject, Schema schema) {
    JsonNode response = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
        "registering schema " + schema.getFullName() + " under subject '" + subject + "'");
    return response.get("id").asInt();
  }

  @Override
  public int lookupId(String subject, Schema schema) {
    JsonNode response = call("POST", "/subjects/" + encode(subject), schemaBody(schema),
        "looking up schema " + schema.getFullName() + " in subject '" + subject + "'");
    return response.get("id").asInt();
  }

  @Override
  public Schema schemaById(int id) {
    JsonNode response = call("GET", "/schemas/ids/" + id, null, "fetching schema id " + id);
    return parseWithReferences(response, "schema id " + id);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    JsonNode r = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null,
        "fetching the latest version of subject '" + subject + "'");
    return new RegisteredSchema(r.get("subject").asText(), r.get("version").asInt(),
        r.get("id").asInt(), parseWithReferences(r, "subject '" + subject + "'"));
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode r = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
          schemaBody(schema), "checking compatibility with subject '" + subject + "'");
      return r.get("is_compatible").asBoolean();
    } catch (SchemaRegistryException e) {
      // A subject with no versions accepts any schema.
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  @Override
  public List<String> subjects() {
    JsonNode r = call("GET", "/subjects", null, "listing subjects");
    List<String> out = new ArrayList<>();
    r.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * Parses a registry answer's schema; when it has {@code references} (Confluent's named types
   * from other subject versions), each referenced version is fetched and parsed first, depth
   * first, into the same parser, so the schema's by-name uses of their types resolve.
   */
  private Schema parseWithReferences(JsonNode answer, String what) {
    JsonNode references = answer.path("references");
    if (!references.isArray() || references.isEmpty()) {
      return new Schema.Parser().parse(answer.get("schema").asText());
    }
    Schema.Parser parser = new Schema.Parser();
    loadReferences(parser, references, new HashSet<>(), new ArrayDeque<>(), what);
    return parser.parse(answer.get("schema").asText());
  }

  private void loadReferences(Schema.Parser parser, JsonNode references, Set<String> loaded,
      Deque<String> path, String what) {
    for (JsonNode reference : references) {
      String subject = reference.path("subject").asText();
      String version = reference.path("version").asText();
      String key = subject + "/" + version;
      if (loaded.contains(key)) {
        continue;
      }
      if (path.contains(key)) {
        throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
            "Reference cycle through " + path + " -> " + key + " while resolving " + what);
      }
      JsonNode referenced = call("GET", "/subjects/" + encode(subject) + "/versions/"
          + encode(version), null, "fetching reference " + key + " of " + what);
      path.push(key);
      loadReferences(parser, referenced.path("references"), loaded, path, what);
      path.pop();
      parser.parse(referenced.get("schema").asText());
      loaded.add(key);
    }
  }

  private static String schemaBody(Schema schema) {
    ObjectNode body = JSON.createObjectNode();
    body.put("schema", schema.toString());
    return body.toString();
  }

  /** Performs the call against each base URL until one answers; maps error bodies to exceptions. */
  private JsonNode call(String method, String path, String body, String what) {
    IOException lastFailure = null;
    for (String base : baseUrls) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(TIMEOUT)
          .header("Accept", CONTENT_TYPE + ", application/json");
      authorization.ifPresent(a -> request.header("Authorization", a));
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", CONTENT_TYPE)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        lastFailure = e;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
            "Interrupted while " + what, e);
      }
      return parse(response, base, what);
    }
    throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
        "Schema registry unreachable at " + baseUrls + " while " + what + ": " + lastFailure, lastFailure);
  }

  private static JsonNode parse(HttpResponse<String> response, String base, String what) {
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    if (response.statusCode() / 100 == 2 && json != null) {
      return json;
    }
    int code = json != null && json.has("error_code") ? json.get("error_code").asInt() : response.statusCode();
    String message = json != null && json.has("message") ? json.get("message").asText() : response.body();
    throw new SchemaRegistryException(code,
        "Schema registry " + base + " refused " + what + ": " + code + " " + message);
  }

  private static List<String> parseUrls(String urls) {
    List<String> out = new ArrayList<>();
    for (String u : urls.split(",")) {
      String trimmed = u.trim();
      if (!trimmed.isEmpty()) {
        out.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No schema registry URL given");
    }
    return out;
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static SSLContext sslContext(String location, String password, String type) {
    try (InputStream in = new FileInputStream(location)) {
      KeyStore trustStore = KeyStore.getInstance(type);
      trustStore.load(in, password.toCharArray());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot load registry trust store " + location + ": " + e.getMessage(), e);
    }
  }
}
