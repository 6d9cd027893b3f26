package dev.groundstream.ingest.requests;

/** Where the uploaded image comes from. */
public sealed interface ImageSource {
  /** Bytes sent with the request (multipart part or base64). */
  record Bytes(byte[] bytes) implements ImageSource {}

  /** A URI to fetch (http, https, or file under allowed roots). */
  record Uri(String uri) implements ImageSource {}
}
