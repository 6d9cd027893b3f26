package dev.groundstream.worker.model.people;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.groundstream.worker.model.OutputTensor;
import dev.groundstream.worker.model.PreprocessedImage;
import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.onnx.ModelSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pose stage of a people model: MoveNet MultiPose Lightning (models/movenet-multipose) on one
 * image, decoded into {@link Person}s in original-image pixels.
 *
 * <p>MoveNet's own preprocessing (@vladmandic/human padInput) pads the original image with zeros to
 * a centred square and resizes that to 256x256 (TF bilinear, asymmetric), cast to int32. The worker
 * hands the model only the detector's input (the original stretched to {@code srcW x srcH}, NHWC,
 * raw 0..255), so the square is resampled from that: each 256-grid point maps to an original
 * coordinate, then into the stretched image, sampled bilinearly. Two resamplings instead of one:
 * the pixels differ slightly from the TFJS path, the model does not.
 */
public final class PoseStage implements AutoCloseable {
  public static final int SIZE = 256;
  private static final int PEOPLE = 6;
  private static final int ROW = 56;

  private final ModelSession session;
  private final String inputName;
  private final String outputName;
  private final float minScore;

  public PoseStage(ModelSession session, String inputName, String outputName, float minScore) {
    this.session = session;
    this.inputName = inputName;
    this.outputName = outputName;
    this.minScore = minScore;
  }

  /** People with a pose score of at least minScore, best first. */
  public List<Person> people(PreprocessedImage image, int srcW, int srcH) throws OrtException {
    int w = image.originalWidth();
    int h = image.originalHeight();
    int side = Math.max(w, h);
    int padX = h > w ? (h - w) / 2 : 0;
    int padY = w > h ? (w - h) / 2 : 0;
    int[] input = squareInput(image.pixels(), srcW, srcH, w, h, side, padX, padY);
    return run(input, side, padX, padY, w, h);
  }

  /** Runs the model on an already prepared [1,256,256,3] int32 input (e.g. a TFJS reference PNG). */
  public List<Person> run(int[] input, int side, int padX, int padY, int w, int h) throws OrtException {
    float[] out = raw(input);
    List<Person> people = new ArrayList<>();
    for (int p = 0; p < PEOPLE; p++) {
      int b = p * ROW;
      float score = out[b + 55];
      if (!(score >= minScore)) {
        continue;
      }
      float[] xs = new float[Keypoint.COUNT];
      float[] ys = new float[Keypoint.COUNT];
      float[] cs = new float[Keypoint.COUNT];
      for (int k = 0; k < Keypoint.COUNT; k++) {
        ys[k] = clamp(out[b + 3 * k] * side - padY, h);
        xs[k] = clamp(out[b + 3 * k + 1] * side - padX, w);
        cs[k] = out[b + 3 * k + 2];
      }
      float y1 = clamp(out[b + 51] * side - padY, h);
      float x1 = clamp(out[b + 52] * side - padX, w);
      float y2 = clamp(out[b + 53] * side - padY, h);
      float x2 = clamp(out[b + 54] * side - padX, w);
      if (!(x2 > x1 && y2 > y1)) {
        continue;
      }
      people.add(new Person(new ScoredBox(x1, y1, x2, y2, score), xs, ys, cs));
    }
    people.sort((a, c) -> Float.compare(c.box().score(), a.box().score()));
    return people;
  }

  /** The model's raw [1,6,56] output for an int32 input. */
  public float[] raw(int[] input) throws OrtException {
    IntBuffer buf = ByteBuffer.allocateDirect(input.length * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
    buf.put(input).rewind();
    try (OnnxTensor t = OnnxTensor.createTensor(session.env(), buf, new long[] {1, SIZE, SIZE, 3});
         OrtSession.Result r = session.run(Map.of(inputName, t), Set.of(outputName))) {
      float[] v = OutputTensor.read(r, outputName).values();
      for (float f : v) {
        if (!Float.isFinite(f)) {
          return new float[PEOPLE * ROW]; // a broken output is "no people", never NaN boxes
        }
      }
      return v;
    }
  }

  static int[] squareInput(FloatBuffer src, int srcW, int srcH, int w, int h, int side, int padX, int padY) {
    int[] out = new int[SIZE * SIZE * 3];
    double step = (double) side / SIZE;
    for (int v = 0; v < SIZE; v++) {
      double oy = v * step - padY;
      if (oy < 0 || oy > h - 1) {
        continue;
      }
      double sy = Math.min(srcH - 1, oy * srcH / h);
      int y0 = (int) sy;
      int y1 = Math.min(srcH - 1, y0 + 1);
      double fy = sy - y0;
      for (int u = 0; u < SIZE; u++) {
        double ox = u * step - padX;
        if (ox < 0 || ox > w - 1) {
          continue;
        }
        double sx = Math.min(srcW - 1, ox * srcW / w);
        int x0 = (int) sx;
        int x1 = Math.min(srcW - 1, x0 + 1);
        double fx = sx - x0;
        for (int c = 0; c < 3; c++) {
          double top = src.get((y0 * srcW + x0) * 3 + c) * (1 - fx) + src.get((y0 * srcW + x1) * 3 + c) * fx;
          double bottom = src.get((y1 * srcW + x0) * 3 + c) * (1 - fx) + src.get((y1 * srcW + x1) * 3 + c) * fx;
          double value = top * (1 - fy) + bottom * fy;
          out[(v * SIZE + u) * 3 + c] = (int) Math.max(0, Math.min(255, value));
        }
      }
    }
    return out;
  }

  private static float clamp(float v, int max) {
    return Float.isFinite(v) ? Math.max(0, Math.min(max, v)) : 0;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
