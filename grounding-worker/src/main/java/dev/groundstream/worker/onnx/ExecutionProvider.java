package dev.groundstream.worker.onnx;

/** The execution provider a session really runs on: "cpu" or "cuda:N" (also the results' device field). */
public record ExecutionProvider(boolean cuda, int deviceId) {
  public static final ExecutionProvider CPU = new ExecutionProvider(false, 0);

  public String label() {
    return cuda ? "cuda:" + deviceId : "cpu";
  }

  @Override
  public String toString() {
    return label();
  }
}
