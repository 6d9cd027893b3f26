package dev.groundstream.launcher.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** Uploads to the ingest API as a platform would: JSON with an inline base64 image. */
public final class IngestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String ingestUrl;
  private final String apiKey;

  public IngestClient(String ingestUrl, String apiKey) {
    this.ingestUrl = ingestUrl;
    this.apiKey = apiKey;
  }

  /** POSTs one request (the caption's first word is its one phrase) and returns the request id from the 202. */
  public String upload(Path image, String caption, String dataset, String clientRequestId)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("caption", caption);
    body.put("clientRequestId", clientRequestId);
    body.put("dataset", dataset);
    body.putObject("image").put("base64", Base64.getEncoder().encodeToString(Files.readAllBytes(image)));
    int firstSpace = caption.indexOf(' ');
    body.putArray("phrases").addObject().put("start", 0).put("end", firstSpace < 0 ? caption.length() : firstSpace);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/requests"))
        .timeout(Duration.ofSeconds(60)).header("X-API-Key", apiKey).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202 && response.statusCode() != 200) {
      throw new AssertionError("upload " + clientRequestId + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).get("requestId").asText();
  }
}
