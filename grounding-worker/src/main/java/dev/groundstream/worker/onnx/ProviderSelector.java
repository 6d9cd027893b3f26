package dev.groundstream.worker.onnx;

import ai.onnxruntime.OrtProvider;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the execution provider: CUDA when asked for, present in the ONNX Runtime build and
 * attachable to the session; otherwise CPU with a WARN line, or a {@link GpuUnavailableException}
 * when a GPU is required. Pure decision logic, unit-tested with fake provider sets and attachers.
 */
public final class ProviderSelector {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderSelector.class);

  /** Adds the CUDA provider to session options; throws when the device or libraries are missing. */
  @FunctionalInterface
  public interface CudaAttacher {
    void attach(int deviceId) throws Exception;
  }

  private ProviderSelector() {}

  public static ExecutionProvider select(DeviceRequest request, boolean requireGpu,
      Set<OrtProvider> available, CudaAttacher attacher) {
    if (!request.cuda()) {
      if (requireGpu) {
        throw new GpuUnavailableException("a GPU is required (--require-gpu) but the device is cpu;"
            + " set GROUNDSTREAM_WORKER_DEVICE=cuda[:N]", null);
      }
      return ExecutionProvider.CPU;
    }
    if (!available.contains(OrtProvider.CUDA)) {
      return fallBack(request, requireGpu, "this ONNX Runtime build has no CUDA provider (available: "
          + available + "); build with -Pgpu for onnxruntime_gpu", null);
    }
    try {
      attacher.attach(request.deviceId());
    } catch (Exception | LinkageError e) {
      return fallBack(request, requireGpu, "the CUDA provider could not be attached to device "
          + request.deviceId() + ": " + e.getMessage(), e);
    }
    return new ExecutionProvider(true, request.deviceId());
  }

  private static ExecutionProvider fallBack(DeviceRequest request, boolean requireGpu, String reason, Throwable cause) {
    if (requireGpu) {
      throw new GpuUnavailableException("GPU required but unusable for " + request + ": " + reason, cause);
    }
    LOG.warn("Device {} requested but {}; running on CPU instead", request, reason);
    return ExecutionProvider.CPU;
  }
}
