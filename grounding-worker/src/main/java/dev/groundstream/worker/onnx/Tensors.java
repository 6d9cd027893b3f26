package dev.groundstream.worker.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * Tensors over direct buffers only: ONNX Runtime then reads the memory in place instead of
 * copying nested Java arrays element by element (docs/architecture.md §6).
 */
public final class Tensors {
  private Tensors() {}

  public static FloatBuffer directFloats(int count) {
    return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  public static LongBuffer directLongs(int count) {
    return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
  }

  public static OnnxTensor floats(OrtEnvironment env, FloatBuffer direct, long... shape) throws OrtException {
    requireDirect(direct.isDirect(), direct.remaining(), shape);
    return OnnxTensor.createTensor(env, direct, shape);
  }

  public static OnnxTensor longs(OrtEnvironment env, LongBuffer direct, long... shape) throws OrtException {
    requireDirect(direct.isDirect(), direct.remaining(), shape);
    return OnnxTensor.createTensor(env, direct, shape);
  }

  private static void requireDirect(boolean direct, int remaining, long[] shape) {
    if (!direct) {
      throw new IllegalArgumentException("tensor buffers must be direct");
    }
    long elements = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (elements != remaining) {
      throw new IllegalArgumentException("buffer holds " + remaining + " values, shape "
          + Arrays.toString(shape) + " needs " + elements);
    }
  }
}
