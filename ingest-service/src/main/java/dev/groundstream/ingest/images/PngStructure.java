package dev.groundstream.ingest.images;

import dev.groundstream.images.ImageBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG's chunk walk without decoding pixels: IHDR first with a valid bit depth and colour type,
 * every chunk's length inside the file and its CRC right, PLTE where the colour type needs one,
 * consecutive IDAT chunks, IEND last. Then, once the caller has judged the header against the
 * budget, {@link #checkPixelData()} inflates the IDAT stream into a small scratch buffer (no
 * raster, no unfiltering) and requires exactly the bytes the header implies and zlib's own
 * Adler-32 check: truncated or corrupt compressed data is caught; a wrong row filter byte or
 * plausible but wrong pixels are left to the worker's decode.
 */
final class PngStructure {
  private static final int SIGNATURE = 8;

  private final byte[] b;
  private final ImageBudget.Header header;
  private final int bitDepth;
  private final int channels;
  private final boolean interlaced;
  /** Offset and length of each IDAT chunk's data, in order. */
  private final List<int[]> idat;

  private PngStructure(byte[] b, ImageBudget.Header header, int bitDepth, int channels, boolean interlaced,
      List<int[]> idat) {
    this.b = b;
    this.header = header;
    this.bitDepth = bitDepth;
    this.channels = channels;
    this.interlaced = interlaced;
    this.idat = idat;
  }

  ImageBudget.Header header() {
    return header;
  }

  /** Walks every chunk; throws at the first structural fault. */
  static PngStructure read(byte[] b) throws MalformedImageException {
    CRC32 crc = new CRC32();
    int pos = SIGNATURE;
    ImageBudget.Header header = null;
    int bitDepth = 0;
    int channels = 0;
    int colourType = 0;
    boolean interlaced = false;
    boolean palette = false;
    List<int[]> idat = new ArrayList<>();
    String previous = "";
    while (true) {
      if (pos + 12 > b.length) {
        throw new MalformedImageException("it ends without an IEND chunk (truncated)");
      }
      long length = u32(b, pos);
      String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (length > b.length - pos - 12L) {
        throw new MalformedImageException("chunk " + printable(type) + " at byte " + pos + " declares " + length
            + " bytes, past the end (truncated)");
      }
      int data = pos + 8;
      int size = (int) length;
      crc.reset();
      crc.update(b, pos + 4, 4 + size);
      if (crc.getValue() != u32(b, data + size)) {
        throw new MalformedImageException("chunk " + printable(type) + " at byte " + pos + " fails its CRC");
      }
      if (header == null && !type.equals("IHDR")) {
        throw new MalformedImageException("its first chunk is " + printable(type) + ", not IHDR");
      }
      switch (type) {
        case "IHDR" -> {
          if (header != null || size != 13) {
            throw new MalformedImageException(header != null ? "it has two IHDR chunks" : "its IHDR is " + size + " bytes");
          }
          long width = u32(b, data);
          long height = u32(b, data + 4);
          bitDepth = b[data + 8] & 0xFF;
          colourType = b[data + 9] & 0xFF;
          channels = channels(colourType, bitDepth);
          if ((b[data + 10] | b[data + 11]) != 0 || (b[data + 12] & 0xFF) > 1) {
            throw new MalformedImageException("its IHDR declares an unknown compression, filter or interlace method");
          }
          if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new MalformedImageException("its IHDR declares " + width + "x" + height + " pixels");
          }
          interlaced = b[data + 12] == 1;
          header = new ImageBudget.Header("png", (int) width, (int) height, bitDepth * channels);
        }
        case "PLTE" -> palette = true;
        case "IDAT" -> {
          if (!idat.isEmpty() && !previous.equals("IDAT")) {
            throw new MalformedImageException("its IDAT chunks are not consecutive");
          }
          if (colourType == 3 && !palette) {
            throw new MalformedImageException("it has no PLTE chunk before its palette-indexed data");
          }
          idat.add(new int[] {data, size});
        }
        case "IEND" -> {
          if (idat.isEmpty()) {
            throw new MalformedImageException("it has no IDAT chunk");
          }
          return new PngStructure(b, header, bitDepth, channels, interlaced, idat);
        }
        default -> { } // ancillary and private chunks: the decoder skips them too
      }
      previous = type;
      pos = data + size + 4;
    }
  }

  /** Inflates the image data, counting bytes; throws unless the stream is whole and exactly as long as the header needs. */
  void checkPixelData() throws MalformedImageException {
    long expected = expectedBytes();
    byte[] scratch = new byte[64 * 1024];
    long total = 0;
    Inflater inflater = new Inflater();
    try {
      for (int[] chunk : idat) {
        inflater.setInput(b, chunk[0], chunk[1]);
        while (!inflater.finished() && !inflater.needsInput()) {
          int n = inflater.inflate(scratch);
          if (n == 0 && inflater.needsDictionary()) {
            throw new MalformedImageException("its compressed data asks for a preset dictionary");
          }
          total += n;
          if (total > expected) {
            throw new MalformedImageException("its data decompresses to more than the " + expected
                + " bytes its header needs");
          }
        }
        if (inflater.finished()) {
          break;
        }
      }
      if (!inflater.finished()) {
        throw new MalformedImageException("its compressed data stops after " + total + " of " + expected
            + " bytes (truncated)");
      }
      if (total != expected) {
        throw new MalformedImageException("its data decompresses to " + total + " bytes; its header needs " + expected);
      }
    } catch (DataFormatException e) {
      throw new MalformedImageException("its compressed data is corrupt (" + e.getMessage() + ")");
    } finally {
      inflater.end();
    }
  }

  /** Filter byte plus packed samples per row, over the seven Adam7 passes when interlaced. */
  long expectedBytes() {
    long w = header.width();
    long h = header.height();
    if (!interlaced) {
      return h * (1 + rowBytes(w));
    }
    int[][] passes = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    long total = 0;
    for (int[] p : passes) {
      long pw = (w - p[0] + p[2] - 1) / p[2];
      long ph = (h - p[1] + p[3] - 1) / p[3];
      if (pw > 0 && ph > 0) {
        total += ph * (1 + rowBytes(pw));
      }
    }
    return total;
  }

  private long rowBytes(long pixels) {
    return (pixels * bitDepth * channels + 7) / 8;
  }

  private static int channels(int colourType, int bitDepth) throws MalformedImageException {
    int channels;
    boolean depthOk;
    switch (colourType) {
      case 0 -> { channels = 1; depthOk = bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16; }
      case 3 -> { channels = 1; depthOk = bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8; }
      case 2 -> { channels = 3; depthOk = bitDepth == 8 || bitDepth == 16; }
      case 4 -> { channels = 2; depthOk = bitDepth == 8 || bitDepth == 16; }
      case 6 -> { channels = 4; depthOk = bitDepth == 8 || bitDepth == 16; }
      default -> throw new MalformedImageException("its IHDR declares colour type " + colourType);
    }
    if (!depthOk) {
      throw new MalformedImageException("its IHDR declares bit depth " + bitDepth + " for colour type " + colourType);
    }
    return channels;
  }

  private static long u32(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  private static String printable(String type) {
    return type.chars().allMatch(c -> c >= 'A' && c <= 'z') ? "'" + type + "'" : "(unreadable type)";
  }
}
