package dev.groundstream.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where claim-checked images live when they live in an S3-compatible object store (AWS S3, MinIO,
 * s3proxy, ...), shared by every writer (ingest, import, evaluate) and reader (worker): the
 * bucket and key prefix of {@code s3://bucket/prefix} plus how to reach the store. The endpoint
 * comes from the settings, never from an image URI, and a reader only reads keys under this
 * bucket and prefix: a request cannot point the worker at another host or bucket.
 *
 * <p>Environment: GROUNDSTREAM_BLOB_URL ({@code s3://bucket[/prefix]}; anything else means a
 * folder), GROUNDSTREAM_S3_ENDPOINT (e.g. http://minio:9000; empty = AWS), GROUNDSTREAM_S3_REGION
 * (default us-east-1), GROUNDSTREAM_S3_ACCESS_KEY_ID, GROUNDSTREAM_S3_SECRET_ACCESS_KEY (empty =
 * the AWS default credential chain), GROUNDSTREAM_S3_PATH_STYLE (default true when an endpoint is
 * set: MinIO and s3proxy want bucket-in-path URLs).
 */
public record S3Blobs(String bucket, String prefix, Optional<URI> endpoint, String region,
    Optional<String> accessKeyId, Optional<String> secretAccessKey, boolean pathStyle) {

  public static final String SCHEME = "s3";
  public static final String BLOB_URL_ENV = "GROUNDSTREAM_BLOB_URL";

  public S3Blobs {
    if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException("not an S3 bucket name: '" + bucket + "'");
    }
    prefix = prefix == null ? "" : stripSlashes(prefix);
  }

  /** True when {@code location} is an {@code s3://} URL rather than a folder. */
  public static boolean isS3(String location) {
    return location != null && location.startsWith(SCHEME + "://");
  }

  /** The store of GROUNDSTREAM_BLOB_URL, if that is an s3:// URL. */
  public static Optional<S3Blobs> fromEnvironment(Map<String, String> env) {
    String url = env.get(BLOB_URL_ENV);
    return isS3(url) ? Optional.of(parse(url, env)) : Optional.empty();
  }

  /** {@code s3://bucket[/prefix]} with the connection settings of {@code env}. */
  public static S3Blobs parse(String url, Map<String, String> env) {
    URI uri = URI.create(url);
    if (!SCHEME.equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("blob store URL must look like s3://bucket/prefix, got " + url);
    }
    Optional<URI> endpoint = nonBlank(env.get("GROUNDSTREAM_S3_ENDPOINT")).map(URI::create);
    boolean pathStyle = Boolean.parseBoolean(env.getOrDefault("GROUNDSTREAM_S3_PATH_STYLE",
        Boolean.toString(endpoint.isPresent())));
    return new S3Blobs(uri.getHost(), uri.getPath(), endpoint, env.getOrDefault("GROUNDSTREAM_S3_REGION", "us-east-1"),
        nonBlank(env.get("GROUNDSTREAM_S3_ACCESS_KEY_ID")), nonBlank(env.get("GROUNDSTREAM_S3_SECRET_ACCESS_KEY")),
        pathStyle);
  }

  /** The object key of a blob name under the prefix. */
  public String key(String name) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** {@code s3://bucket/<key>}: what a request carries as its image URI. */
  public URI uriOf(String key) {
    return URI.create(SCHEME + "://" + bucket + "/" + key);
  }

  /**
   * The key an image URI names, if it names one in this bucket under this prefix; empty for
   * another scheme, bucket or prefix, or a key that climbs out with {@code ..}.
   */
  public Optional<String> keyOf(URI uri) {
    if (!SCHEME.equals(uri.getScheme()) || !bucket.equals(uri.getHost()) || uri.getPath() == null
        || uri.getRawQuery() != null || uri.getUserInfo() != null || uri.getPort() != -1) {
      return Optional.empty();
    }
    String key = stripSlashes(uri.getPath());
    boolean climbs = ("/" + key + "/").contains("/../") || ("/" + key + "/").contains("/./");
    boolean underPrefix = prefix.isEmpty() || key.startsWith(prefix + "/");
    return !climbs && underPrefix && !key.isEmpty() ? Optional.of(key) : Optional.empty();
  }

  private static String stripSlashes(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** The secret is never printed. */
  @Override
  public String toString() {
    return "S3Blobs{s3://" + bucket + "/" + prefix + ", endpoint=" + endpoint.map(URI::toString).orElse("aws")
        + ", region=" + region + ", pathStyle=" + pathStyle + ", accessKeyId=" + accessKeyId.orElse("(default chain)")
        + "}";
  }
}
