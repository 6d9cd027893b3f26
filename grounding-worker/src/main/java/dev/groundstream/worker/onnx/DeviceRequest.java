package dev.groundstream.worker.onnx;

import java.util.Locale;

/** What the operator asked for with GROUNDSTREAM_WORKER_DEVICE / --device: cpu, cuda (device 0) or cuda:N. */
public record DeviceRequest(boolean cuda, int deviceId) {
  public static final DeviceRequest CPU = new DeviceRequest(false, 0);

  public static DeviceRequest parse(String text) {
    String value = text == null ? "cpu" : text.trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty() || value.equals("cpu")) {
      return CPU;
    }
    if (value.equals("cuda") || value.equals("gpu")) {
      return new DeviceRequest(true, 0);
    }
    if (value.startsWith("cuda:")) {
      try {
        int id = Integer.parseInt(value.substring(5));
        if (id >= 0) {
          return new DeviceRequest(true, id);
        }
      } catch (NumberFormatException ignored) {
        // falls through to the error below
      }
    }
    throw new IllegalArgumentException("device must be cpu, cuda or cuda:N (N >= 0), got '" + text + "'");
  }

  @Override
  public String toString() {
    return cuda ? "cuda:" + deviceId : "cpu";
  }
}
