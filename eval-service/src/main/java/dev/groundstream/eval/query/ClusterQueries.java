package dev.groundstream.eval.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Makes a query correct with several instances: a keyed query goes to the instance that owns the
 * key's partition ({@link KafkaStreams#queryMetadataForKey}, hosts from {@code application.server});
 * a scan is sent to every instance hosting the store and the answers are combined. Remote calls use
 * the same REST API with {@code local=true}, so the receiver answers from its own stores only.
 */
public final class ClusterQueries {
  public static final String LOCAL_PARAM = "local";
  private final KafkaStreams streams;
  private final HostInfo self;
  private final Executor blocking;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private volatile String peerToken;
  private volatile String scheme = "http";

  public ClusterQueries(KafkaStreams streams, HostInfo self, Executor blocking) {
    this.streams = streams;
    this.self = self;
    this.blocking = blocking;
  }

  /** Forwarded queries carry {@code token} (the other instances' access control accepts it). */
  public void peerToken(String token) {
    this.peerToken = token;
  }

  /**
   * Peers serve HTTPS (they share this instance's TLS settings); their certificates must be trusted
   * by this JVM (a CA's, or -Djavax.net.ssl.trustStore) and name their advertised hosts.
   */
  public void useHttps() {
    this.scheme = "https";
  }

  public HostInfo self() {
    return self;
  }

  /** Every instance's answer for a scan; the local one computed here, the others fetched. */
  public CompletableFuture<List<JsonNode>> fanOut(String store, String path, Map<String, String> params,
      Supplier<JsonNode> local) {
    Set<HostInfo> hosts = new LinkedHashSet<>();
    for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
      hosts.add(metadata.hostInfo());
    }
    if (hosts.isEmpty()) {
      return CompletableFuture.failedFuture(new NotReadyException("store " + store + " is not assigned yet"));
    }
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    for (HostInfo host : hosts) {
      answers.add(host.equals(self) ? CompletableFuture.supplyAsync(local, blocking) : remote(host, path, params));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
  }

  /** The owner's answer for a keyed query: computed here when this instance owns the key. */
  public <K> CompletableFuture<JsonNode> atOwner(String store, K key, Serializer<K> keySerializer, String path,
      Map<String, String> params, Supplier<JsonNode> local) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, keySerializer);
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return CompletableFuture.failedFuture(new NotReadyException("no instance owns store " + store + " yet"));
    }
    HostInfo owner = metadata.activeHost();
    return owner.equals(self) ? CompletableFuture.supplyAsync(local, blocking) : remote(owner, path, params);
  }

  private CompletableFuture<JsonNode> remote(HostInfo host, String path, Map<String, String> params) {
    Map<String, String> query = new LinkedHashMap<>(params);
    query.put(LOCAL_PARAM, "true");
    StringBuilder uri = new StringBuilder(scheme).append("://").append(host.host()).append(':').append(host.port()).append(path);
    char separator = '?';
    for (var entry : query.entrySet()) {
      uri.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
      separator = '&';
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(10));
    if (peerToken != null) {
      builder.header(dev.groundstream.eval.http.ApiAccess.PEER_HEADER, peerToken);
    }
    HttpRequest request = builder.GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new RemoteQueryException(host + " answered " + response.statusCode() + ": " + response.body());
      }
      try {
        return AvroJson.MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new RemoteQueryException(host + " answered invalid JSON: " + e.getMessage());
      }
    });
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The Streams instance is (re)balancing: the query may succeed shortly. */
  public static final class NotReadyException extends RuntimeException {
    public NotReadyException(String message) {
      super(message);
    }
  }

  /** Another instance failed to answer. */
  public static final class RemoteQueryException extends RuntimeException {
    public RemoteQueryException(String message) {
      super(message);
    }
  }
}
