package dev.groundstream.ingest.http;

import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.requests.ImageSource;
import dev.groundstream.ingest.requests.PhraseSpec;
import dev.groundstream.ingest.requests.UploadCommand;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads POST /v1/requests bodies: {@code multipart/form-data} with an {@code image} file part and
 * a {@code metadata} JSON part (form field or file), or {@code application/json} with
 * {@code image: {base64}} or {@code image: {uri}}. The metadata fields are documented in
 * docs/http-api.md. Decodes base64 and parses multipart: call on a worker thread.
 */
public final class UploadParser {
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
  /** Segments separated by single slashes (flickr30k-entities/test); no segment is '.' or '..' or starts with a dot. */
  private static final Pattern DATASET = Pattern.compile("(?=.{1,100}$)[A-Za-z0-9_\\-][A-Za-z0-9._\\-]*(/[A-Za-z0-9_\\-][A-Za-z0-9._\\-]*)*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int MAX_ATTRIBUTES = 32;
  private static final int MAX_ATTRIBUTE_CHARS = 512;

  public UploadCommand parse(RoutingContext ctx, String tenant) {
    // Only the media type is case-insensitive; the boundary parameter is case-sensitive (RFC 2046),
    // and browsers send mixed-case ones (----WebKitFormBoundary...), so the header is kept as sent.
    String contentType = Optional.ofNullable(ctx.request().getHeader("content-type")).orElse("");
    String mediaType = contentType.toLowerCase(Locale.ROOT);
    JsonObject metadata;
    ImageSource image;
    Buffer body = ctx.get(RawBodyHandler.BODY);
    if (mediaType.startsWith("multipart/form-data")) {
      MultipartBody multipart = MultipartBody.parse(contentType, body.getBytes());
      metadata = jsonBody(multipart.part("metadata").map(p -> new String(p.data(), StandardCharsets.UTF_8))
          .orElseThrow(() -> InvalidInputException.badRequest("missing_metadata",
              "The multipart body needs a 'metadata' JSON part")));
      image = new ImageSource.Bytes(multipart.part("image").map(MultipartBody.Part::data).orElseThrow(() ->
          InvalidInputException.badRequest("missing_image", "The multipart body needs an 'image' part")));
    } else if (mediaType.startsWith("application/json")) {
      metadata = jsonBody(body.toString(StandardCharsets.UTF_8));
      image = jsonImage(metadata);
    } else {
      throw new InvalidInputException(415, "unsupported_media_type",
          "Send multipart/form-data or application/json, not '" + contentType + "'");
    }
    String clientId = Optional.ofNullable(JsonFields.string(metadata, "clientRequestId"))
        .orElse(ctx.request().getHeader("Idempotency-Key"));
    if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
      throw InvalidInputException.badRequest("bad_client_request_id", "clientRequestId is 1-128 of [A-Za-z0-9._:-]");
    }
    String dataset = Optional.ofNullable(JsonFields.string(metadata, "dataset")).orElse("live");
    if (!DATASET.matcher(dataset).matches()) {
      throw InvalidInputException.badRequest("bad_dataset", "dataset is 1-100 of [A-Za-z0-9._/-]: "
          + "slash-separated segments, none empty or starting with a dot (no '.' or '..')");
    }
    return new UploadCommand(tenant, Optional.ofNullable(clientId), image, JsonFields.string(metadata, "caption"),
        phrases(metadata), dataset, attributes(metadata));
  }

  private static JsonObject jsonBody(String text) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.badRequest("bad_json", "The JSON body is empty");
    }
    try {
      Object value = io.vertx.core.json.Json.decodeValue(text);
      if (!(value instanceof JsonObject o)) {
        throw InvalidInputException.badRequest("bad_json", "The JSON body must be an object");
      }
      return o;
    } catch (DecodeException e) {
      throw InvalidInputException.badRequest("bad_json", "Malformed JSON");
    }
  }

  private static ImageSource jsonImage(JsonObject body) {
    JsonObject image = JsonFields.object(body, "image");
    if (image == null) {
      throw InvalidInputException.badRequest("missing_image", "'image' with 'base64' or 'uri' is required");
    }
    String base64 = JsonFields.string(image, "base64");
    String uri = JsonFields.string(image, "uri");
    if ((base64 == null) == (uri == null)) {
      throw InvalidInputException.badRequest("missing_image", "'image' needs exactly one of 'base64' and 'uri'");
    }
    if (uri != null) {
      return new ImageSource.Uri(uri);
    }
    try {
      // Strict alphabet; only line breaks and spaces (as some encoders wrap) are dropped first.
      return new ImageSource.Bytes(Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll("")));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.badRequest("bad_base64", "image.base64 is not valid base64");
    }
  }

  private static Optional<List<PhraseSpec>> phrases(JsonObject metadata) {
    JsonArray array = JsonFields.array(metadata, "phrases");
    if (array == null) {
      return Optional.empty();
    }
    List<PhraseSpec> specs = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof JsonObject p)) {
        throw JsonFields.wrongType("phrases[]", "an object");
      }
      specs.add(new PhraseSpec(JsonFields.integer(p, "start"), JsonFields.integer(p, "end"), JsonFields.string(p, "text"),
          JsonFields.strings(p, "types"), JsonFields.boxes(p, "boxes"), JsonFields.bool(p, "notVisible"),
          JsonFields.string(p, "entityId")));
    }
    return Optional.of(specs);
  }

  private static Map<String, String> attributes(JsonObject metadata) {
    JsonObject attributes = JsonFields.object(metadata, "attributes");
    Map<String, String> out = new LinkedHashMap<>();
    if (attributes == null) {
      return out;
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw InvalidInputException.unprocessable("too_many_attributes", "At most " + MAX_ATTRIBUTES + " attributes");
    }
    for (String key : attributes.fieldNames()) {
      String value = JsonFields.string(attributes, key);
      if (value == null || key.length() > MAX_ATTRIBUTE_CHARS || value.length() > MAX_ATTRIBUTE_CHARS) {
        throw InvalidInputException.badRequest("bad_attributes", "Attributes are strings of at most "
            + MAX_ATTRIBUTE_CHARS + " characters");
      }
      out.put(key, value);
    }
    return out;
  }
}
