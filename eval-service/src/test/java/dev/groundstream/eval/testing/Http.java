package dev.groundstream.eval.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny blocking HTTP client for the REST tests. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  public static Response get(int port, String pathAndQuery) {
    try {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + pathAndQuery)).timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response read as bytes (images), with its content type. */
  public record BinaryResponse(int status, String contentType, byte[] body) {}

  public static BinaryResponse bytes(int port, String pathAndQuery) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + pathAndQuery)).timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new BinaryResponse(response.statusCode(),
          response.headers().firstValue("content-type").orElse(""), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(int port, String pathAndQuery) {
    Response response = get(port, pathAndQuery);
    if (response.status() != 200) {
      throw new AssertionError(pathAndQuery + " -> " + response.status() + " " + response.body());
    }
    return response.json();
  }
}
