package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.groundstream.worker.onnx.Tensors;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Stacks preprocessed images into one direct-buffer tensor [N, H, W, 3] or [N, 3, H, W]. The
 * direct buffer is the calling thread's and is reused by its next batch (ONNX Runtime reads a
 * direct buffer in place, so nothing is allocated per batch or per record once the largest batch
 * has been seen): a tensor from here is valid until the same thread asks for the next one, which
 * every model does only after running (and closing) the previous.
 */
public final class ImageBatch {
  private static final ThreadLocal<FloatBuffer> BUFFER = new ThreadLocal<>();

  private ImageBatch() {}

  public static OnnxTensor tensor(OrtEnvironment env, Preprocessing spec, List<PreprocessedImage> images)
      throws OrtException {
    int floats = images.size() * spec.floatsPerImage();
    FloatBuffer buffer = BUFFER.get();
    if (buffer == null || buffer.capacity() < floats) {
      buffer = Tensors.directFloats(floats);
      BUFFER.set(buffer);
    }
    FloatBuffer batch = buffer.clear().limit(floats).slice();
    for (PreprocessedImage image : images) {
      batch.put(image.pixels().duplicate().rewind());
    }
    batch.rewind();
    long n = images.size();
    long[] shape = spec.layout() == TensorLayout.NHWC
        ? new long[] {n, spec.height(), spec.width(), 3}
        : new long[] {n, 3, spec.height(), spec.width()};
    return Tensors.floats(env, batch, shape);
  }
}
