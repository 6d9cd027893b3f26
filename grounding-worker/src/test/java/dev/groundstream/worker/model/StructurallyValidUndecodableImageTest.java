package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.zip.CRC32;
import dev.groundstream.worker.RequestPreparer;
import org.junit.jupiter.api.Test;

/**
 * An image ingest's default {@code image-validation = structure} accepts (right chunk lengths and
 * CRCs, a whole zlib stream of the right length) but whose pixel data cannot be decoded (its row
 * filter bytes are 9; PNG defines 0-4): the worker's decode must fail with ImageDecodeException,
 * which {@link RequestPreparer} turns into a {@code decode-image} dead letter
 * (GroundingWorkerPipelineTest shows that step end to end).
 */
class StructurallyValidUndecodableImageTest {
  @Test
  void aWholePngWithCorruptPixelDataIsADecodeError() throws Exception {
    byte[] png;
    try (InputStream in = getClass().getResourceAsStream("/images/png-unknown-row-filter.png")) {
      png = in.readAllBytes();
    }
    // Structurally whole: IHDR's CRC is right and the file ends with IEND.
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    long stored = ((png[29] & 0xFFL) << 24) | ((png[30] & 0xFF) << 16) | ((png[31] & 0xFF) << 8) | (png[32] & 0xFF);
    assertEquals(crc.getValue(), stored);
    assertEquals("IEND", new String(png, png.length - 8, 4, java.nio.charset.StandardCharsets.US_ASCII));

    ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(png));
    assertTrue(e.getMessage().contains("cannot decode image"), e.getMessage());
    assertEquals("decode-image", RequestPreparer.STEP_DECODE_IMAGE);
  }
}
