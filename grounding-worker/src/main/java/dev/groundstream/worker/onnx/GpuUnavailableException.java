package dev.groundstream.worker.onnx;

/** A GPU was required (--require-gpu / GROUNDSTREAM_WORKER_REQUIRE_GPU=true) but cannot be used. */
public class GpuUnavailableException extends RuntimeException {
  public GpuUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
