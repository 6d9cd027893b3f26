package dev.groundstream.worker.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.junit.jupiter.api.Test;

class TensorsTest {
  final OrtEnvironment env = OrtEnvironment.getEnvironment();

  @Test
  void tensorsWrapDirectBuffersWithTheirShape() throws Exception {
    FloatBuffer floats = Tensors.directFloats(6);
    floats.put(new float[] {1, 2, 3, 4, 5, 6}).rewind();
    try (OnnxTensor t = Tensors.floats(env, floats, 2, 3)) {
      assertArrayEquals(new long[] {2, 3}, t.getInfo().getShape());
      float[] back = new float[6];
      t.getFloatBuffer().get(back);
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, back);
    }
    LongBuffer longs = Tensors.directLongs(2);
    longs.put(new long[] {7, 8}).rewind();
    try (OnnxTensor t = Tensors.longs(env, longs, 1, 2)) {
      assertEquals(7L, t.getLongBuffer().get(0));
    }
  }

  @Test
  void heapBuffersAndWrongShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Tensors.floats(env, FloatBuffer.allocate(4), 4));
    assertThrows(IllegalArgumentException.class, () -> Tensors.floats(env, Tensors.directFloats(4), 2, 3));
  }
}
