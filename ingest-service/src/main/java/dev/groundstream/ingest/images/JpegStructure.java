package dev.groundstream.ingest.images;

import dev.groundstream.images.ImageBudget;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A JPEG's marker walk without decoding: SOI, every segment's length inside the file, one frame
 * header (SOF) of a process the JDK's decoder supports, at least one scan (SOS) each followed by
 * entropy-coded data, and the EOI marker that ends it. Entropy-coded data is scanned only for
 * its terminating marker (0xFF followed by anything but a stuffed 0x00, a restart marker or a fill
 * byte), so a cut-off file is caught, but bit errors inside the data are not: the worker's decode
 * (which dead-letters what fails) or {@code image-validation = full} is where those show.
 */
final class JpegStructure {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] b;
  private int pos = 2;
  private ImageBudget.Header frame;
  private int scans;

  private JpegStructure(byte[] bytes) {
    this.b = bytes;
  }

  /** The frame header's size and bits per pixel; throws at the first structural fault. */
  static ImageBudget.Header read(byte[] bytes) throws MalformedImageException {
    return new JpegStructure(bytes).walk();
  }

  private ImageBudget.Header walk() throws MalformedImageException {
    while (true) {
      if (pos >= b.length) {
        throw new MalformedImageException("it ends without an EOI marker (truncated)");
      }
      if ((b[pos] & 0xFF) != 0xFF) {
        throw new MalformedImageException("byte " + pos + " should start a marker");
      }
      while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
        pos++; // fill bytes may precede a marker
      }
      if (pos >= b.length) {
        throw new MalformedImageException("it ends without an EOI marker (truncated)");
      }
      int marker = b[pos++] & 0xFF;
      if (marker == 0xD9) {
        return end();
      }
      if (marker == 0x01) {
        continue; // TEM: standalone, no length
      }
      if (marker == 0x00 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
        throw new MalformedImageException(String.format("marker 0x%02X at byte %d is out of place", marker, pos - 1));
      }
      int start = pos;
      int length = u16(start, marker);
      if (length < 2 || start + length > b.length) {
        throw new MalformedImageException(String.format("segment 0x%02X at byte %d declares %d bytes, past the end"
            + " (truncated)", marker, start - 1, length));
      }
      if (isFrameHeader(marker)) {
        frame(marker, start, length);
      } else if (marker == 0xDA) {
        scan(start, length);
        continue; // scan() moved pos past the entropy-coded data
      }
      pos = start + length;
    }
  }

  private ImageBudget.Header end() throws MalformedImageException {
    if (frame == null) {
      throw new MalformedImageException("it has no frame header (SOF)");
    }
    if (scans == 0) {
      throw new MalformedImageException("it has no scan (SOS)");
    }
    return frame;
  }

  /** SOF0-15 except DHT (C4), JPG (C8) and DAC (CC). */
  private static boolean isFrameHeader(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private void frame(int marker, int start, int length) throws MalformedImageException {
    if (frame != null) {
      throw new MalformedImageException("it has two frame headers (SOF)");
    }
    if (marker > 0xC2) {
      // Lossless, hierarchical and arithmetic-coded JPEGs: the JDK's decoder refuses them too.
      throw new MalformedImageException(String.format("its JPEG process (SOF%d) is not supported", marker - 0xC0));
    }
    if (length < 8) {
      throw new MalformedImageException("its frame header is " + length + " bytes");
    }
    int precision = b[start + 2] & 0xFF;
    int height = u16(start + 3, marker);
    int width = u16(start + 5, marker);
    int components = b[start + 7] & 0xFF;
    if (precision != 8) {
      throw new MalformedImageException(precision + "-bit samples are not supported");
    }
    if (components < 1 || components > 4 || length != 8 + 3 * components) {
      throw new MalformedImageException("its frame header declares " + components + " components in " + length + " bytes");
    }
    for (int c = 0; c < components; c++) {
      int sampling = b[start + 9 + 3 * c] & 0xFF;
      int h = sampling >> 4;
      int v = sampling & 0x0F;
      if (h < 1 || h > 4 || v < 1 || v > 4) {
        throw new MalformedImageException("component " + c + " has sampling factors " + h + "x" + v);
      }
    }
    frame = new ImageBudget.Header("jpeg", width, height, 8 * components);
  }

  private void scan(int start, int length) throws MalformedImageException {
    if (frame == null) {
      throw new MalformedImageException("a scan (SOS) comes before the frame header (SOF)");
    }
    int components = length < 3 ? 0 : b[start + 2] & 0xFF;
    if (components < 1 || components > 4 || length != 6 + 2 * components) {
      throw new MalformedImageException("its scan header declares " + components + " components in " + length + " bytes");
    }
    int data = start + length;
    int i = data;
    while (true) {
      i = nextFf(i);
      if (i + 1 >= b.length) {
        throw new MalformedImageException("its entropy-coded data ends without a marker (truncated)");
      }
      int next = b[i + 1] & 0xFF;
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        i += 2; // stuffed zero or restart marker: still inside the data
      } else if (next == 0xFF) {
        i += 1; // fill byte before a marker
      } else {
        break;
      }
    }
    if (i == data) {
      throw new MalformedImageException("scan " + (scans + 1) + " has no entropy-coded data");
    }
    scans++;
    pos = i;
  }

  /**
   * The index of the next 0xFF byte from {@code i} (or the length): eight bytes per step, since
   * in entropy-coded data 0xFF is about one byte in 256; the scan was the walk's hot loop.
   */
  private int nextFf(int i) {
    while (i + 8 <= b.length) {
      long inverted = ~(long) LONGS.get(b, i); // 0xFF bytes become zero bytes
      if (((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) != 0) {
        break;
      }
      i += 8;
    }
    while (i < b.length && b[i] != (byte) 0xFF) {
      i++;
    }
    return i;
  }

  private int u16(int at, int marker) throws MalformedImageException {
    if (at + 1 >= b.length) {
      throw new MalformedImageException(String.format("segment 0x%02X is cut off (truncated)", marker));
    }
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }
}
