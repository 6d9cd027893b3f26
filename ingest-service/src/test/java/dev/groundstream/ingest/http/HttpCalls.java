package dev.groundstream.ingest.http;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** HTTP calls to the service under test, over loopback. */
final class HttpCalls {
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String base;

  HttpCalls(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> postJson(String path, String apiKey, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      b.header("X-API-Key", apiKey);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postImage(String apiKey, byte[] image, JsonObject metadata) throws Exception {
    return postJson("/v1/requests", apiKey,
        metadata.copy().put("image", new JsonObject().put("base64", Base64.getEncoder().encodeToString(image))).encode());
  }

  HttpResponse<String> postMultipart(String apiKey, byte[] image, String imageContentType, JsonObject metadata)
      throws Exception {
    return postMultipart(apiKey, image, imageContentType, metadata, "gs" + UUID.randomUUID().toString().replace("-", ""));
  }

  HttpResponse<String> postMultipart(String apiKey, byte[] image, String imageContentType, JsonObject metadata,
      String boundary) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + metadata.encode() + "\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"upload\"\r\n"
        + "Content-Type: " + imageContentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(image);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/requests")).timeout(Duration.ofSeconds(30))
        .header("content-type", "multipart/form-data; boundary=" + boundary).header("X-API-Key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String apiKey) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    if (apiKey != null) {
      b.header("X-API-Key", apiKey);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }
}
