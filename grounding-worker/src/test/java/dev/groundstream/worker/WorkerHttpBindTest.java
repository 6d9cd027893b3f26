package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's /health and /metrics bind the configured interface, not all of them. */
class WorkerHttpBindTest {
  @Test
  void bindsTheConfiguredInterface() throws Exception {
    try (WorkerHttpServer server = new WorkerHttpServer("127.0.0.1", 0, () -> true, () -> "{}", () -> "")) {
      assertEquals(InetAddress.getByName("127.0.0.1"), server.address().getAddress());
      assertTrue(server.port() > 0);
    }
    Map<String, String> env = Map.of("GROUNDSTREAM_MODEL_DIR", "/models/a");
    assertEquals(WorkerConfig.DEFAULT_HTTP_HOST, WorkerConfig.fromEnvironment(env).httpHost());
    assertEquals("127.0.0.1", WorkerConfig.fromEnvironmentAndArgs(env, "--http-host", "127.0.0.1").httpHost());
    assertEquals("10.0.0.5", WorkerConfig.fromEnvironment(Map.of("GROUNDSTREAM_MODEL_DIR", "/m",
        "GROUNDSTREAM_WORKER_HTTP_HOST", "10.0.0.5")).httpHost());
    assertEquals("127.0.0.1", WorkerConfig.fromEnvironment(env).withHttpHost("127.0.0.1").withHttpPort(0).httpHost());
  }
}
