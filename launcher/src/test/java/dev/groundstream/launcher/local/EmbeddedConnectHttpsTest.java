package dev.groundstream.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.TlsFiles;
import dev.groundstream.testing.SelfSignedCert;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connect's REST API binds the interface it is given and, with a TLS identity, has an HTTPS listener only. */
class EmbeddedConnectHttpsTest {
  @Test
  void restOverHttpsOnTheGivenInterface(@TempDir Path dir) throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    try (LocalCluster cluster = LocalCluster.start(Files.createDirectories(dir.resolve("data")), 0, 0);
        EmbeddedConnect connect = EmbeddedConnect.start(cluster.kafka().bootstrapServers(),
            Files.createDirectories(dir.resolve("connect")), "127.0.0.1",
            Optional.of(TlsFiles.pem(cert.certPem(), cert.keyPem())))) {
      URI rest = connect.restUrl();
      assertEquals("https", rest.getScheme(), rest.toString());
      assertEquals("127.0.0.1", rest.getHost(), rest.toString());
      HttpResponse<String> root = cert.httpsGet(rest.getPort(), "/");
      assertEquals(200, root.statusCode(), root.body());
      assertTrue(root.body().contains("\"version\""), root.body());
      assertEquals(200, cert.httpsGet(rest.getPort(), "/connectors").statusCode());
      assertNotEquals(200, SelfSignedCert.plainHttpStatus(rest.getPort(), "/connectors"), "plain HTTP gets no answer");
    }
  }
}
