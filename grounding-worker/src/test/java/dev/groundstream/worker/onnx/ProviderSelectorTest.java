package dev.groundstream.worker.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderSelectorTest {
  static final Set<OrtProvider> CPU_ONLY = EnumSet.of(OrtProvider.CPU);
  static final Set<OrtProvider> WITH_CUDA = EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA);

  @Test
  void parsesDeviceRequests() {
    assertEquals(DeviceRequest.CPU, DeviceRequest.parse("cpu"));
    assertEquals(DeviceRequest.CPU, DeviceRequest.parse(null));
    assertEquals(new DeviceRequest(true, 0), DeviceRequest.parse("cuda"));
    assertEquals(new DeviceRequest(true, 3), DeviceRequest.parse("CUDA:3"));
    assertThrows(IllegalArgumentException.class, () -> DeviceRequest.parse("cuda:x"));
    assertThrows(IllegalArgumentException.class, () -> DeviceRequest.parse("tpu"));
  }

  @Test
  void cpuNeverTouchesCuda() {
    ExecutionProvider p = ProviderSelector.select(DeviceRequest.CPU, false, WITH_CUDA,
        id -> { throw new AssertionError("must not attach CUDA"); });
    assertEquals("cpu", p.label());
  }

  @Test
  void cudaAttachedWhenAvailable() {
    AtomicInteger attached = new AtomicInteger(-1);
    ExecutionProvider p = ProviderSelector.select(DeviceRequest.parse("cuda:1"), true, WITH_CUDA, attached::set);
    assertEquals("cuda:1", p.label());
    assertEquals(1, attached.get());
  }

  @Test
  void fallsBackToCpuWhenTheBuildHasNoCuda() {
    assertEquals(ExecutionProvider.CPU, ProviderSelector.select(DeviceRequest.parse("cuda"), false, CPU_ONLY,
        id -> { throw new AssertionError("not in this build"); }));
  }

  @Test
  void fallsBackToCpuWhenAttachingFails() {
    assertEquals(ExecutionProvider.CPU, ProviderSelector.select(DeviceRequest.parse("cuda"), false, WITH_CUDA,
        id -> { throw new UnsatisfiedLinkError("libcudart.so.12: cannot open shared object file"); }));
  }

  @Test
  void requireGpuFailsFastInsteadOfFallingBack() {
    GpuUnavailableException noBuild = assertThrows(GpuUnavailableException.class,
        () -> ProviderSelector.select(DeviceRequest.parse("cuda"), true, CPU_ONLY, id -> { }));
    assertTrue(noBuild.getMessage().contains("-Pgpu"), noBuild.getMessage());
    assertThrows(GpuUnavailableException.class, () -> ProviderSelector.select(DeviceRequest.parse("cuda:0"), true,
        WITH_CUDA, id -> { throw new IllegalStateException("no CUDA-capable device is detected"); }));
    assertThrows(GpuUnavailableException.class,
        () -> ProviderSelector.select(DeviceRequest.CPU, true, WITH_CUDA, id -> { }));
  }
}
