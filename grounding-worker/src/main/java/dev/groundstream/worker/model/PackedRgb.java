package dev.groundstream.worker.model;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * An image's pixels as packed 0xRRGGBB ints (the top byte is not read), the same values
 * {@link BufferedImage#getRGB} gives. The layouts the decoders produce for JPEG and 8-bit PNG
 * (3-byte BGR, 4-byte ABGR, int RGB/ARGB) are read straight from the raster's array, which is
 * several times cheaper than getRGB's per-pixel colour-model calls; every other layout (grey,
 * palette, 16-bit, custom colour spaces) goes through getRGB, which converts it to sRGB.
 */
final class PackedRgb {
  private PackedRgb() {}

  static int[] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    WritableRaster raster = image.getRaster();
    boolean plain = raster.getParent() == null && raster.getMinX() == 0 && raster.getMinY() == 0
        && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
    if (plain) {
      switch (image.getType()) {
        case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR:
          int[] packed = fromBytes(raster, w, h);
          if (packed != null) {
            return packed;
          }
          break;
        case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB:
          if (raster.getSampleModel() instanceof SinglePixelPackedSampleModel m && m.getScanlineStride() == w
              && raster.getDataBuffer() instanceof DataBufferInt ints && ints.getNumBanks() == 1
              && ints.getOffset() == 0) {
            return java.util.Arrays.copyOf(ints.getData(), w * h);
          }
          break;
        default:
          break;
      }
    }
    return image.getRGB(0, 0, w, h, null, 0, w);
  }

  /** Interleaved 8-bit sRGB samples, R, G, B at the sample model's band offsets; null if laid out otherwise. */
  private static int[] fromBytes(WritableRaster raster, int w, int h) {
    if (!(raster.getSampleModel() instanceof ComponentSampleModel m) || m.getNumBands() < 3
        || m.getScanlineStride() != w * m.getPixelStride()
        || !(raster.getDataBuffer() instanceof DataBufferByte bytes) || bytes.getNumBanks() != 1
        || bytes.getOffset() != 0) {
      return null;
    }
    int stride = m.getPixelStride();
    int[] bands = m.getBandOffsets();
    int r = bands[0];
    int g = bands[1];
    int b = bands[2];
    byte[] data = bytes.getData();
    int[] out = new int[w * h];
    for (int i = 0, p = 0; i < out.length; i++, p += stride) {
      out[i] = (data[p + r] & 0xff) << 16 | (data[p + g] & 0xff) << 8 | (data[p + b] & 0xff);
    }
    return out;
  }
}
