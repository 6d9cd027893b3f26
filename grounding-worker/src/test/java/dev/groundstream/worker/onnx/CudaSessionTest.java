package dev.groundstream.worker.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.groundstream.worker.TestFixtures;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.model.GroundingOutcome;
import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.PhraseQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the fake detector on the CUDA execution provider with --require-gpu semantics. Needs the
 * GPU build (mvn -Pgpu) and a visible NVIDIA device; skipped otherwise, with the reason.
 */
class CudaSessionTest {

  @Test
  void detectorRunsOnCudaAndMatchesCpu() throws Exception {
    assumeTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
        "this ONNX Runtime build has no CUDA provider (build with -Pgpu for onnxruntime_gpu)");
    assumeTrue(Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/proc/driver/nvidia/version")),
        "no NVIDIA device visible to this machine");
    OrtSettings gpu = new OrtSettings(DeviceRequest.parse("cuda:0"), true, 0, 0);
    try (GroundingModel onGpu = GroundingModels.load(TestFixtures.model("fake-detector"), gpu);
        GroundingModel onCpu = GroundingModels.load(TestFixtures.model("fake-detector"), OrtSettings.cpu())) {
      assertEquals("cuda:0", onGpu.provider().label());
      List<PhraseQuery> phrases = List.of(new PhraseQuery("p0", "a dog", 0, 5));
      GroundingInput input = new GroundingInput(onGpu.preprocessor().preprocess(TestFixtures.uniformPng(64, 32, 90)),
          "a dog", phrases);
      GroundingOutcome.Grounded g = (GroundingOutcome.Grounded) onGpu.ground(List.of(input)).get(0);
      GroundingOutcome.Grounded c = (GroundingOutcome.Grounded) onCpu.ground(List.of(input)).get(0);
      assertEquals(c.phrases().get(0).boxes().size(), g.phrases().get(0).boxes().size());
      for (int i = 0; i < c.phrases().get(0).boxes().size(); i++) {
        assertEquals(c.phrases().get(0).boxes().get(i).x1(), g.phrases().get(0).boxes().get(i).x1(), 1e-3);
        assertEquals(c.phrases().get(0).boxes().get(i).score(), g.phrases().get(0).boxes().get(i).score(), 1e-4);
      }
    }
  }
}
