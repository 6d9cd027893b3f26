package dev.groundstream.ingest.http;

import dev.groundstream.ingest.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict, in-memory multipart/form-data parser (RFC 7578): parts by name, each with its
 * optional filename, content type and exact bytes. Anything malformed is a 400 bad_multipart.
 */
public final class MultipartBody {
  public record Part(String name, Optional<String> fileName, Optional<String> contentType, byte[] data) {}

  static final int MAX_PARTS = 16;
  static final int MAX_HEADER_BYTES = 8 * 1024;
  private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
  private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i)[;\\s]filename=\"([^\"]*)\"");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private final Map<String, Part> parts;

  private MultipartBody(Map<String, Part> parts) {
    this.parts = parts;
  }

  public Optional<Part> part(String name) {
    return Optional.ofNullable(parts.get(name));
  }

  public static MultipartBody parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw bad("multipart/form-data without a boundary");
    }
    String boundary = m.group(2) != null ? m.group(2) : m.group(3);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw bad("no boundary in the body");
    }
    pos += delimiter.length;
    Map<String, Part> parts = new LinkedHashMap<>();
    while (true) {
      if (startsAt(body, pos, new byte[] {'-', '-'})) {
        return new MultipartBody(parts); // closing delimiter; an epilogue is ignored
      }
      if (!startsAt(body, pos, CRLF)) {
        throw bad("a boundary is not followed by CRLF");
      }
      pos += 2;
      int headersEnd = indexOf(body, HEADER_END, pos);
      if (headersEnd < 0 || headersEnd - pos > MAX_HEADER_BYTES) {
        throw bad("part headers are missing or too long");
      }
      String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
      int dataStart = headersEnd + HEADER_END.length;
      int dataEnd = indexOf(body, nextDelimiter, dataStart);
      if (dataEnd < 0) {
        throw bad("the body ends inside a part (no closing boundary)");
      }
      Part part = part(headers, Arrays.copyOfRange(body, dataStart, dataEnd));
      if (parts.putIfAbsent(part.name(), part) != null) {
        throw bad("part '" + part.name() + "' appears twice");
      }
      if (parts.size() > MAX_PARTS) {
        throw bad("more than " + MAX_PARTS + " parts");
      }
      pos = dataEnd + nextDelimiter.length;
    }
  }

  private static Part part(String headers, byte[] data) {
    String disposition = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw bad("malformed part header");
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        disposition = value;
      } else if (header.equals("content-type")) {
        type = value;
      }
    }
    if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
      throw bad("a part without Content-Disposition: form-data");
    }
    Matcher name = NAME.matcher(disposition);
    if (!name.find()) {
      throw bad("a part without a name");
    }
    Matcher file = FILENAME.matcher(disposition);
    return new Part(name.group(1), file.find() ? Optional.of(file.group(1)) : Optional.empty(),
        Optional.ofNullable(type), data);
  }

  private static boolean startsAt(byte[] body, int pos, byte[] prefix) {
    if (pos < 0 || pos + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[pos + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] body, byte[] pattern, int from) {
    // Boyer-Moore-Horspool: the hot loop of parsing a 100 KB upload. Comparing the window's last
    // byte first lets a mismatch skip up to the pattern's length (about 40 bytes for a boundary).
    int n = pattern.length;
    int[] skip = new int[256];
    java.util.Arrays.fill(skip, n);
    for (int k = 0; k < n - 1; k++) {
      skip[pattern[k] & 0xFF] = n - 1 - k;
    }
    byte lastByte = pattern[n - 1];
    int last = body.length - n;
    for (int i = Math.max(0, from); i <= last; ) {
      byte b = body[i + n - 1];
      if (b == lastByte) {
        int j = 0;
        while (j < n - 1 && body[i + j] == pattern[j]) {
          j++;
        }
        if (j == n - 1) {
          return i;
        }
      }
      i += skip[b & 0xFF];
    }
    return -1;
  }

  private static InvalidInputException bad(String message) {
    return InvalidInputException.badRequest("bad_multipart", "Malformed multipart/form-data: " + message);
  }
}
