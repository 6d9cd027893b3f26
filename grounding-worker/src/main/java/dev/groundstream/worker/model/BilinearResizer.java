package dev.groundstream.worker.model;

/**
 * Separable bilinear resize of 8-bit RGB on float values, with the sampling grid of the library a
 * model was trained or converted with, so the worker feeds it the same pixels as its reference:
 * <ul>
 *   <li>half-pixel centres (PyTorch {@code align_corners=False}, TF2 {@code half_pixel_centers=True}):
 *       {@code src = (o + 0.5) * n / out - 0.5}, clamped at 0;</li>
 *   <li>TF legacy ({@code tf.image.resize_bilinear} defaults, TFJS): {@code src = o * n / out}.</li>
 * </ul>
 * Then {@code i0 = floor(src)}, {@code i1 = min(i0 + 1, n - 1)}, lerp along x first, then y.
 * No antialiasing, like both references. The source may be a subsampled decode of a larger
 * original ({@link #resizeSubsampled}): the grid is then computed in the original's pixels and
 * mapped onto the kept pixels, so the output samples the same places of the picture as a resize of
 * the full-resolution image would (only from a coarser raster).
 */
public final class BilinearResizer {
  private BilinearResizer() {}

  /**
   * @param rgb packed 0xRRGGBB pixels, row-major {@code width x height}
   * @return interleaved RGB floats (0..255), row-major {@code outWidth x outHeight x 3}
   */
  public static float[] resize(int[] rgb, int width, int height, int outWidth, int outHeight, boolean halfPixelCenters) {
    return resizeSubsampled(rgb, width, height, width, height, 1, 0, outWidth, outHeight, halfPixelCenters);
  }

  /**
   * @param rgb packed pixels of a decode that kept original pixel {@code offset + i * step} as
   *     pixel {@code i} (both axes), {@code width x height} of them
   * @param originalWidth the full-resolution width the grid is computed on (likewise the height)
   */
  public static float[] resizeSubsampled(int[] rgb, int width, int height, int originalWidth, int originalHeight,
      int step, int offset, int outWidth, int outHeight, boolean halfPixelCenters) {
    int[] x0 = new int[outWidth];
    int[] x1 = new int[outWidth];
    float[] fx = new float[outWidth];
    grid(width, originalWidth, step, offset, outWidth, halfPixelCenters, x0, x1, fx);
    int[] y0 = new int[outHeight];
    int[] y1 = new int[outHeight];
    float[] fy = new float[outHeight];
    grid(height, originalHeight, step, offset, outHeight, halfPixelCenters, y0, y1, fy);

    float[] out = new float[outWidth * outHeight * 3];
    float[] top = new float[outWidth * 3];
    float[] bottom = new float[outWidth * 3];
    for (int oy = 0; oy < outHeight; oy++) {
      lerpRow(rgb, y0[oy] * width, x0, x1, fx, top);
      lerpRow(rgb, y1[oy] * width, x0, x1, fx, bottom);
      float f = fy[oy];
      int base = oy * outWidth * 3;
      for (int i = 0; i < top.length; i++) {
        out[base + i] = top[i] + (bottom[i] - top[i]) * f;
      }
    }
    return out;
  }

  /** {@code n} kept pixels of an {@code original}-pixel axis; the grid of a resize of the original to {@code out}. */
  private static void grid(int n, int original, int step, int offset, int out, boolean halfPixelCenters,
      int[] i0, int[] i1, float[] frac) {
    float scale = (float) original / out;
    for (int o = 0; o < out; o++) {
      float src = halfPixelCenters ? Math.max(0f, (o + 0.5f) * scale - 0.5f) : o * scale;
      if (step > 1) {
        src = Math.max(0f, Math.min(n - 1, (src - offset) / step)); // original pixel -> kept pixel
      }
      int lo = Math.min((int) Math.floor(src), n - 1);
      i0[o] = lo;
      i1[o] = Math.min(lo + 1, n - 1);
      frac[o] = src - lo;
    }
  }

  private static void lerpRow(int[] rgb, int rowStart, int[] x0, int[] x1, float[] fx, float[] out) {
    for (int o = 0; o < x0.length; o++) {
      int a = rgb[rowStart + x0[o]];
      int b = rgb[rowStart + x1[o]];
      float f = fx[o];
      for (int c = 0; c < 3; c++) {
        int shift = 16 - 8 * c; // R, G, B
        float va = (a >> shift) & 0xff;
        float vb = (b >> shift) & 0xff;
        out[o * 3 + c] = va + (vb - va) * f;
      }
    }
  }
}
