package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;

/** A float output copied out of an ONNX Runtime result, with its shape and row-wise finiteness checks. */
public record OutputTensor(String name, float[] values, long[] shape) {

  public static OutputTensor read(OrtSession.Result result, String name) {
    OnnxValue value = result.get(name).orElseThrow(
        () -> new IllegalStateException("model has no output '" + name + "'"));
    if (!(value instanceof OnnxTensor tensor)) {
      throw new IllegalStateException("output '" + name + "' is not a tensor");
    }
    FloatBuffer buffer = tensor.getFloatBuffer();
    if (buffer == null) {
      throw new IllegalStateException("output '" + name + "' is not float32");
    }
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return new OutputTensor(name, values, tensor.getInfo().getShape());
  }

  /** Elements per index of the first dimension. */
  public int rowSize() {
    return (int) (values.length / Math.max(1, shape[0]));
  }

  public int dim(int i) {
    return (int) shape[i];
  }

  public float at(int flatIndex) {
    return values[flatIndex];
  }

  /** Throws when row {@code row} (first dimension) holds NaN or infinity. */
  public void requireFiniteRow(int row) throws NonFiniteOutputException {
    int size = rowSize();
    for (int i = row * size; i < (row + 1) * size; i++) {
      if (!Float.isFinite(values[i])) {
        throw new NonFiniteOutputException("model output '" + name + "' " + Arrays.toString(shape)
            + " has " + values[i] + " at batch row " + row + ", element " + (i - row * size));
      }
    }
  }
}
