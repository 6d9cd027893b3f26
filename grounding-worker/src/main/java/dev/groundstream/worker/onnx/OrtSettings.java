package dev.groundstream.worker.onnx;

/** ONNX Runtime session settings; 0 threads means ONNX Runtime's default. */
public record OrtSettings(DeviceRequest device, boolean requireGpu, int intraOpThreads, int interOpThreads) {
  public static OrtSettings cpu() {
    return new OrtSettings(DeviceRequest.CPU, false, 0, 0);
  }
}
