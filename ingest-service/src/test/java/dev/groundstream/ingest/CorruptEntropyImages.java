package dev.groundstream.ingest;

import dev.groundstream.testing.PixelBombs;
import java.util.Random;

/**
 * Images whose structure is whole (markers, lengths, CRCs, zlib stream) but whose compressed
 * pixel data is corrupt: what {@code image-validation = structure} accepts and {@code full}
 * refuses. Deterministic, so the same bytes every run.
 */
public final class CorruptEntropyImages {
  private CorruptEntropyImages() {}

  /** A 96x96 noise JPEG with the middle half of its entropy-coded data replaced by random bytes (no 0xFF). */
  public static byte[] jpegScrambledEntropy() {
    byte[] jpeg = TestImages.noisyJpeg(96, 96, 11, 0.9f);
    int[] scan = scanData(jpeg);
    Random random = new Random(17);
    int from = scan[0] + (scan[1] - scan[0]) / 4;
    int to = scan[0] + 3 * (scan[1] - scan[0]) / 4;
    for (int i = from; i < to; i++) {
      jpeg[i] = (byte) random.nextInt(0xFF); // 0..254: no marker appears, the walk still finds EOI
    }
    return jpeg;
  }

  /** A 64x48 JPEG whose entropy-coded data is all 0xFE: invalid Huffman codes from the first bit. */
  public static byte[] jpegInvalidHuffmanCodes() {
    byte[] jpeg = TestImages.jpeg(64, 48);
    int[] scan = scanData(jpeg);
    for (int i = scan[0]; i < scan[1]; i++) {
      jpeg[i] = (byte) 0xFE;
    }
    return jpeg;
  }

  /**
   * A 40x30 RGB PNG with right CRCs and a whole zlib stream of exactly the right length, whose
   * row filter bytes are 9 (PNG defines 0 to 4).
   */
  public static byte[] pngUnknownRowFilter() {
    int width = 40;
    int height = 30;
    byte[] raw = new byte[height * (1 + 3 * width)];
    Random random = new Random(5);
    random.nextBytes(raw);
    for (int y = 0; y < height; y++) {
      raw[y * (1 + 3 * width)] = 9;
    }
    return PixelBombs.rgbPng(width, height, 8, raw);
  }

  /** {start, end} of the first scan's entropy-coded data (after the SOS header, up to the next marker). */
  static int[] scanData(byte[] jpeg) {
    for (int i = 2; i + 3 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
        int start = i + 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        int end = start;
        while (!((jpeg[end] & 0xFF) == 0xFF && jpeg[end + 1] != 0 && (jpeg[end + 1] & 0xF8) != 0xD0)) {
          end++;
        }
        return new int[] {start, end};
      }
    }
    throw new IllegalStateException("no SOS marker");
  }
}
