package dev.groundstream.ingest.images;

import dev.groundstream.ingest.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fetches an image given by URI, defensively: http(s) only to allowed addresses (every address
 * the host resolves to is checked, and every redirect hop again — redirects are followed by hand,
 * at most {@value #MAX_REDIRECTS}), a connect and total timeout, and a byte cap enforced while
 * reading. {@code file:} URIs are read only under configured roots. Blocking: call it on a worker.
 *
 * <p>Residual risk, documented: the JDK client resolves the host again when connecting, so a DNS
 * answer that changes between our check and the connect (rebinding) is not caught.
 */
public final class UriImageFetcher {
  static final int MAX_REDIRECTS = 3;

  private final AddressPolicy addresses;
  private final List<Path> fileRoots;
  private final long maxBytes;
  private final Duration timeout;
  private final HttpClient http;

  public UriImageFetcher(AddressPolicy addresses, List<Path> fileRoots, long maxBytes, Duration timeout) {
    this.addresses = addresses;
    this.fileRoots = fileRoots;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public byte[] fetch(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (Exception e) {
      throw InvalidInputException.unprocessable("bad_uri", "Not a URI: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "http", "https" -> fetchHttp(uri, 0);
      case "file" -> readFile(uri);
      default -> throw InvalidInputException.unprocessable("bad_uri", "Only http, https and file URIs are accepted");
    };
  }

  private byte[] fetchHttp(URI uri, int redirects) {
    checkHost(uri);
    HttpResponse<InputStream> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw InvalidInputException.unprocessable("uri_fetch_failed", "Cannot fetch the image URI: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw InvalidInputException.unprocessable("uri_fetch_failed", "Interrupted while fetching the image URI");
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.unprocessable("bad_uri", "Bad image URI: " + e.getMessage());
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null || redirects >= MAX_REDIRECTS) {
          throw InvalidInputException.unprocessable("uri_fetch_failed", "Too many or empty redirects");
        }
        return fetchHttp(uri.resolve(location), redirects + 1);
      }
      if (status != 200) {
        throw InvalidInputException.unprocessable("uri_fetch_failed", "The image URI answered HTTP " + status);
      }
      return readCapped(body);
    } catch (IOException e) {
      throw InvalidInputException.unprocessable("uri_fetch_failed", "Cannot read the image URI: " + e.getMessage());
    }
  }

  private void checkHost(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      throw InvalidInputException.unprocessable("bad_uri", "The image URI has no host");
    }
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw InvalidInputException.unprocessable("uri_fetch_failed", "Unknown host " + host);
    }
    for (InetAddress address : resolved) {
      if (!addresses.allowed(address)) {
        throw InvalidInputException.unprocessable("uri_not_allowed",
            "The image URI points to a private, loopback or link-local address (" + address.getHostAddress() + ")");
      }
    }
  }

  private byte[] readFile(URI uri) {
    Path path;
    try {
      path = Path.of(uri).toAbsolutePath().normalize();
    } catch (Exception e) {
      throw InvalidInputException.unprocessable("bad_uri", "Bad file URI: " + e.getMessage());
    }
    if (fileRoots.stream().noneMatch(path::startsWith)) {
      throw InvalidInputException.unprocessable("uri_not_allowed", "file: URIs are only accepted under the configured roots");
    }
    try {
      Path real = path.toRealPath(); // symlinks must not lead out of the roots either
      if (fileRoots.stream().noneMatch(root -> real.startsWith(realOrSelf(root)))) {
        throw InvalidInputException.unprocessable("uri_not_allowed", "file: URI leaves the configured roots");
      }
      if (Files.size(real) > maxBytes) {
        throw new InvalidInputException(413, "image_too_large", "The file has more than " + maxBytes + " bytes");
      }
      return Files.readAllBytes(real);
    } catch (IOException e) {
      throw InvalidInputException.unprocessable("uri_fetch_failed", "Cannot read the file URI");
    }
  }

  private static Path realOrSelf(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root;
    }
  }

  private byte[] readCapped(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw new InvalidInputException(413, "image_too_large", "The image at the URI has more than " + maxBytes + " bytes");
    }
    return bytes;
  }
}
