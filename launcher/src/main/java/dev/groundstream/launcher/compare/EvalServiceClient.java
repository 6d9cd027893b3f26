package dev.groundstream.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** The eval service's query API as the compare command uses it: GET /api/compare and the known models. */
public final class EvalServiceClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public EvalServiceClient(URI base) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  public URI base() {
    return base;
  }

  /** The paired comparison of a and b (see the eval service's ComparisonJson). */
  public JsonNode compare(String a, String b, String dataset) {
    String query = "/api/compare?a=" + encode(a) + "&b=" + encode(b)
        + (dataset == null ? "" : "&dataset=" + encode(dataset));
    return get(query);
  }

  /** Every model ("name:version") with evaluations, from the all-time metrics. */
  public Set<String> knownModels() {
    Set<String> models = new TreeSet<>();
    get("/api/metrics?category=all&window=all-time").forEach(snapshot -> models.add(snapshot.path("model").asText()));
    return models;
  }

  private JsonNode get(String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new EvalServiceException("cannot reach the eval service at " + base + " (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvalServiceException("interrupted while asking the eval service at " + base);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new EvalServiceException(base + pathAndQuery + " answered HTTP " + response.statusCode()
          + " with a body that is not JSON; is " + base + " the eval service?");
    }
    if (response.statusCode() != 200) {
      throw new EvalServiceException("the eval service at " + base + " answered HTTP " + response.statusCode()
          + ": " + body.path("error").asText(response.body()));
    }
    return body;
  }

  private static String describe(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The service could not be asked or refused the question; the message is one line for the user. */
  public static final class EvalServiceException extends RuntimeException {
    public EvalServiceException(String message) {
      super(message);
    }
  }
}
