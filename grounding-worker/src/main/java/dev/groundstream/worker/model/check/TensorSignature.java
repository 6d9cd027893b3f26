package dev.groundstream.worker.model.check;

import java.util.Arrays;

/**
 * One input or output of an ONNX graph as the graph declares it: name, element type (ONNX Runtime's
 * name, e.g. FLOAT, INT64) and shape, -1 for a dynamic axis.
 */
public record TensorSignature(String name, String elementType, long[] shape) {
  public int rank() {
    return shape.length;
  }

  /** The size of axis {@code i}, or -1 when it is dynamic. */
  public long dim(int i) {
    return shape[i];
  }

  @Override
  public String toString() {
    return name + " " + elementType + " " + Arrays.toString(shape);
  }
}
