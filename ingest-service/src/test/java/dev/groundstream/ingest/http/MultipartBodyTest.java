package dev.groundstream.ingest.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.groundstream.ingest.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {
  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void partsKeepTheirExactBytesIncludingCrLfInside() {
    String body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{\"a\":1}\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        + "\u00ff\u00d8\r\n--X\r\n\u0000\r\n--XyZ--\r\n";
    MultipartBody parsed = MultipartBody.parse(TYPE, bytes(body));
    assertEquals("{\"a\":1}", new String(parsed.part("metadata").orElseThrow().data(), StandardCharsets.UTF_8));
    MultipartBody.Part image = parsed.part("image").orElseThrow();
    assertEquals("x.jpg", image.fileName().orElseThrow());
    assertEquals("image/jpeg", image.contentType().orElseThrow());
    assertArrayEquals(bytes("\u00ff\u00d8\r\n--X\r\n\u0000"), image.data());
  }

  @Test
  void malformedBodiesAreBadRequests() {
    String[] bad = {
        "no boundary at all",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
        "--XyZ\r\nX-Other: 1\r\n\r\nv\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--",
        "--XyZ\r\nbroken header\r\n\r\nv\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n--XyZ--",
        "--XyZgarbage",
    };
    for (String body : bad) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> MultipartBody.parse(TYPE, bytes(body)), body);
      assertEquals(400, e.status());
      assertEquals("bad_multipart", e.reason());
    }
    assertThrows(InvalidInputException.class, () -> MultipartBody.parse("multipart/form-data", bytes("--XyZ--")));
  }

  /** The skipping search finds exactly what a byte-by-byte search finds, planted or by chance. */
  @Test
  void boundarySearchAgreesWithTheNaiveSearch() {
    java.util.Random random = new java.util.Random(7);
    for (int c = 0; c < 2000; c++) {
      byte[] body = new byte[random.nextInt(300)];
      for (int i = 0; i < body.length; i++) {
        body[i] = (byte) "-\r\nab".charAt(random.nextInt(5)); // a small alphabet: many near misses
      }
      byte[] pattern = new byte[1 + random.nextInt(8)];
      for (int i = 0; i < pattern.length; i++) {
        pattern[i] = (byte) "-\r\nab".charAt(random.nextInt(5));
      }
      if (random.nextBoolean() && body.length >= pattern.length) {
        System.arraycopy(pattern, 0, body, random.nextInt(body.length - pattern.length + 1), pattern.length);
      }
      int from = body.length == 0 ? 0 : random.nextInt(body.length);
      assertEquals(naiveIndexOf(body, pattern, from), MultipartBody.indexOf(body, pattern, from), "case " + c);
    }
  }

  private static int naiveIndexOf(byte[] body, byte[] pattern, int from) {
    outer:
    for (int i = from; i + pattern.length <= body.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
