package dev.groundstream.testing;

import dev.groundstream.config.S3Blobs;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in this JVM for tests: s3proxy on a free loopback port over a
 * jclouds filesystem blob store in {@code dir}, with AWS signature v2/v4 authentication.
 */
public final class S3TestServer implements AutoCloseable {
  public static final String ACCESS_KEY = "groundstream-test";
  public static final String SECRET_KEY = "groundstream-test-secret";

  private final S3Proxy proxy;
  private final BlobStoreContext context;

  private S3TestServer(S3Proxy proxy, BlobStoreContext context) {
    this.proxy = proxy;
    this.context = context;
  }

  /** Starts the server with one bucket, {@code bucket}, already created. */
  public static S3TestServer start(Path dir, String bucket) throws Exception {
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
    BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
        .credentials("identity", "credential").overrides(props).build(BlobStoreContext.class);
    context.getBlobStore().createContainerInLocation(null, bucket);
    S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!proxy.getState().equals("STARTED")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3TestServer(proxy, context);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** The environment that points {@link S3Blobs} at this server and {@code s3://bucket/prefix}. */
  public Map<String, String> environment(String bucket, String prefix) {
    return Map.of(S3Blobs.BLOB_URL_ENV, "s3://" + bucket + "/" + prefix,
        "GROUNDSTREAM_S3_ENDPOINT", endpoint().toString(),
        "GROUNDSTREAM_S3_ACCESS_KEY_ID", ACCESS_KEY,
        "GROUNDSTREAM_S3_SECRET_ACCESS_KEY", SECRET_KEY);
  }

  public S3Blobs blobs(String bucket, String prefix) {
    Map<String, String> env = environment(bucket, prefix);
    return S3Blobs.parse(env.get(S3Blobs.BLOB_URL_ENV), env);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
