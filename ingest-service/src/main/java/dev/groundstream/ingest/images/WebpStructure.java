package dev.groundstream.ingest.images;

import dev.groundstream.images.ImageBudget;

/**
 * A WebP's RIFF walk without decoding: the RIFF size inside the file, every chunk inside the RIFF,
 * and the image chunk's header: VP8 (key frame, start code, first partition inside the chunk),
 * VP8L (signature, version 0) or VP8X (canvas size, then a VP8/VP8L image or animation frames).
 * The compressed data inside a whole chunk is not checked: that is the worker's decode.
 */
final class WebpStructure {
  private WebpStructure() {}

  static ImageBudget.Header read(byte[] b) throws MalformedImageException {
    long riffSize = u32le(b, 4);
    if (riffSize < 4 || riffSize > b.length - 8L) {
      throw new MalformedImageException("its RIFF size " + riffSize + " does not fit its " + b.length + " bytes (truncated)");
    }
    int end = (int) (8 + riffSize);
    int pos = 12;
    ImageBudget.Header canvas = null;
    boolean extended = false;
    boolean first = true;
    while (pos < end) {
      if (pos + 8 > end) {
        throw new MalformedImageException("a chunk header at byte " + pos + " is cut off (truncated)");
      }
      String type = new String(b, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long size = u32le(b, pos + 4);
      int data = pos + 8;
      if (size > end - data) {
        throw new MalformedImageException("chunk at byte " + pos + " declares " + size + " bytes, past the end (truncated)");
      }
      if (first && !type.equals("VP8 ") && !type.equals("VP8L") && !type.equals("VP8X")) {
        throw new MalformedImageException("its first chunk is not VP8, VP8L or VP8X");
      }
      switch (type) {
        case "VP8 ", "VP8L" -> {
          ImageBudget.Header frame = type.equals("VP8L") ? lossless(b, data, (int) size) : lossy(b, data, (int) size);
          return extended ? canvas : frame;
        }
        case "VP8X" -> {
          if (!first || size < 10) {
            throw new MalformedImageException("its VP8X chunk is misplaced or " + size + " bytes");
          }
          extended = true;
          int width = u24le(b, data + 4) + 1;
          int height = u24le(b, data + 7) + 1;
          canvas = new ImageBudget.Header("webp", width, height, 32);
        }
        case "ANMF" -> {
          if (extended && size > 16) {
            return canvas; // animation: the frames carry the image data
          }
          throw new MalformedImageException("it has an empty or misplaced animation frame");
        }
        default -> { } // ICCP, ANIM, ALPH, EXIF, XMP, unknown: skipped as the decoder does
      }
      first = false;
      pos = data + (int) size + (int) (size & 1);
    }
    throw new MalformedImageException("it has no image data (no VP8 or VP8L chunk)");
  }

  private static ImageBudget.Header lossy(byte[] b, int data, int size) throws MalformedImageException {
    if (size < 10) {
      throw new MalformedImageException("its VP8 chunk is " + size + " bytes");
    }
    int tag = (b[data] & 0xFF) | ((b[data + 1] & 0xFF) << 8) | ((b[data + 2] & 0xFF) << 16);
    if ((tag & 1) != 0 || ((tag >> 1) & 7) > 3) {
      throw new MalformedImageException("its VP8 data is not a key frame of a known version");
    }
    int firstPartition = tag >>> 5;
    if (firstPartition > size - 10) {
      throw new MalformedImageException("its VP8 first partition (" + firstPartition + " bytes) runs past its chunk");
    }
    if ((b[data + 3] & 0xFF) != 0x9D || (b[data + 4] & 0xFF) != 0x01 || (b[data + 5] & 0xFF) != 0x2A) {
      throw new MalformedImageException("its VP8 start code is missing");
    }
    int width = ((b[data + 6] & 0xFF) | ((b[data + 7] & 0xFF) << 8)) & 0x3FFF;
    int height = ((b[data + 8] & 0xFF) | ((b[data + 9] & 0xFF) << 8)) & 0x3FFF;
    return new ImageBudget.Header("webp", width, height, 24);
  }

  private static ImageBudget.Header lossless(byte[] b, int data, int size) throws MalformedImageException {
    if (size < 5 || (b[data] & 0xFF) != 0x2F) {
      throw new MalformedImageException("its VP8L chunk has no signature");
    }
    long bits = u32le(b, data + 1);
    if ((bits >>> 29) != 0) {
      throw new MalformedImageException("its VP8L version is " + (bits >>> 29));
    }
    int width = (int) (bits & 0x3FFF) + 1;
    int height = (int) ((bits >>> 14) & 0x3FFF) + 1;
    return new ImageBudget.Header("webp", width, height, 32);
  }

  private static int u24le(byte[] b, int at) {
    return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16);
  }

  private static long u32le(byte[] b, int at) {
    return (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24);
  }
}
