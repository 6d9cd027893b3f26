package dev.groundstream.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mode's broker, registry and Connect REST API listen on the loopback interface only. */
class LocalBindAddressesTest {
  @Test
  void brokerRegistryAndConnectRestBindLoopback(@TempDir Path dataDir) throws Exception {
    try (LocalCluster cluster = LocalCluster.start(dataDir, 0, 0)) {
      assertLoopback(URI.create(cluster.registry().url()).getHost(), "registry");
      for (String server : cluster.kafka().bootstrapServers().split(",")) {
        assertLoopback(server.substring(0, server.lastIndexOf(':')), "broker");
      }
      try (EmbeddedConnect connect = EmbeddedConnect.start(cluster.kafka().bootstrapServers(),
          Files.createDirectories(dataDir.resolve("connect")))) {
        URI rest = connect.restUrl();
        assertLoopback(rest.getHost(), "Connect REST");
        assertTrue(rest.getPort() > 0, rest.toString());
      }
    }
  }

  private static void assertLoopback(String host, String what) throws Exception {
    assertTrue(InetAddress.getByName(host).isLoopbackAddress(), what + " listens on " + host);
    assertEquals("127.0.0.1", InetAddress.getByName(host).getHostAddress(), what);
  }
}
