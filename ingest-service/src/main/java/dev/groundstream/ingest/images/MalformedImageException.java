package dev.groundstream.ingest.images;

/** The bytes break their format's structure (markers, chunk lengths, checksums); the message says where. */
final class MalformedImageException extends Exception {
  MalformedImageException(String message) {
    super(message);
  }
}
