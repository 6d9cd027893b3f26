package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.groundstream.worker.onnx.Tensors;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Stacks preprocessed images into one direct-buffer tensor [N, H, W, 3] or [N, 3, H, W]. Each batch
 * gets its own direct buffer, owned by the tensor: a buffer reused across batches once coincided
 * with a native crash inside session.run during a Ctrl-C of a replay (ReplayJourneyIT), and one
 * allocation per batch costs well under 1 % of the batch's inference time.
 */
public final class ImageBatch {
  private ImageBatch() {}

  public static OnnxTensor tensor(OrtEnvironment env, Preprocessing spec, List<PreprocessedImage> images)
      throws OrtException {
    int floats = images.size() * spec.floatsPerImage();
    FloatBuffer batch = Tensors.directFloats(floats);
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
