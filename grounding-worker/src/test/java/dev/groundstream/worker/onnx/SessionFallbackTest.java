package dev.groundstream.worker.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.groundstream.worker.TestFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A real session asked for CUDA on the CPU build: falls back to CPU, or fails fast when a GPU is required. */
class SessionFallbackTest {
  static final Path MODEL = TestFixtures.model("fake-detector").resolve("model.onnx");

  @Test
  void cudaRequestOnTheCpuBuildRunsOnCpuOrFailsFast() throws Exception {
    assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
        "this ONNX Runtime build has CUDA: CudaSessionTest covers it");
    try (ModelSession session = ModelSession.open(MODEL, new OrtSettings(DeviceRequest.parse("cuda:0"), false, 1, 1))) {
      assertEquals("cpu", session.provider().label());
    }
    assertThrows(GpuUnavailableException.class,
        () -> ModelSession.open(MODEL, new OrtSettings(DeviceRequest.parse("cuda:0"), true, 0, 0)));
  }
}
