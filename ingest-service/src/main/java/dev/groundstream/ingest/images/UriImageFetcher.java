package dev.groundstream.ingest.images;

import dev.groundstream.ingest.InvalidInputException;
import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Fetches an image given by URI, defensively: http(s) only to allowed addresses (every address
 * the host resolves to is checked, and every redirect hop again — redirects are followed by hand,
 * at most {@value #MAX_REDIRECTS}), a byte cap enforced while reading, and one total deadline for
 * the whole fetch (DNS, connect, headers, every redirect hop and the body): a server that drips a
 * byte at a time is cut off at the deadline. {@link #fetchAsync} holds no thread while waiting on
 * the network (the body is collected by the HTTP client's selector; only the DNS lookup runs on a
 * small resolver pool), so slow servers cannot occupy the decode threads. {@code file:} URIs are
 * read only under configured roots.
 *
 * <p>Residual risk, documented: the JDK client resolves the host again when connecting, so a DNS
 * answer that changes between our check and the connect (rebinding) is not caught.
 */
public final class UriImageFetcher {
  static final int MAX_REDIRECTS = 3;
  private static final int RESOLVER_THREADS = 4;

  private final AddressPolicy addresses;
  private final List<Path> fileRoots;
  private final long maxBytes;
  private final Duration timeout;
  private final HttpClient http;
  private final Executor resolver;

  public UriImageFetcher(AddressPolicy addresses, List<Path> fileRoots, long maxBytes, Duration timeout) {
    this.addresses = addresses;
    this.fileRoots = fileRoots;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.resolver = Executors.newFixedThreadPool(RESOLVER_THREADS, r -> {
      Thread t = new Thread(r, "uri-resolver");
      t.setDaemon(true);
      return t;
    });
  }

  /** Blocking form of {@link #fetchAsync}. */
  public byte[] fetch(String text) {
    try {
      return fetchAsync(text).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * The image's bytes, or an {@link InvalidInputException} (422 uri_fetch_failed, uri_timeout,
   * uri_not_allowed, bad_uri; 413 image_too_large) once the total deadline passes at the latest.
   */
  public CompletableFuture<byte[]> fetchAsync(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(InvalidInputException.unprocessable("bad_uri", "Not a URI: " + e.getMessage()));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    try {
      return switch (scheme) {
        case "http", "https" -> fetchHttp(uri);
        case "file" -> CompletableFuture.completedFuture(readFile(uri));
        default -> throw InvalidInputException.unprocessable("bad_uri", "Only http, https and file URIs are accepted");
      };
    } catch (InvalidInputException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** What a fetch in progress may need cancelled when its deadline passes. */
  private static final class InFlight {
    volatile CappedBody body;
    volatile CompletableFuture<?> exchange;

    void cancel() {
      CappedBody b = body;
      if (b != null) {
        b.cancel();
      }
      CompletableFuture<?> x = exchange;
      if (x != null) {
        x.cancel(true);
      }
    }
  }

  private CompletableFuture<byte[]> fetchHttp(URI uri) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    InFlight inFlight = new InFlight();
    hop(uri, 0, inFlight).whenComplete((bytes, error) -> {
      if (error == null) {
        result.complete(bytes);
      } else {
        result.completeExceptionally(asInvalidInput(error));
      }
    });
    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      if (result.completeExceptionally(InvalidInputException.unprocessable("uri_timeout",
          "The image URI did not deliver the whole image within " + timeout.toMillis() + " ms"))) {
        inFlight.cancel();
      }
    });
    return result;
  }

  private CompletableFuture<byte[]> hop(URI uri, int redirects, InFlight inFlight) {
    return CompletableFuture.runAsync(() -> checkHost(uri), resolver).thenCompose(ignored -> {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> {
        if (info.statusCode() != 200) {
          return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        CappedBody body = new CappedBody(maxBytes);
        inFlight.body = body;
        return body;
      });
      inFlight.exchange = exchange;
      return exchange;
    }).thenCompose(response -> {
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null || redirects >= MAX_REDIRECTS) {
          throw InvalidInputException.unprocessable("uri_fetch_failed", "Too many or empty redirects");
        }
        return hop(uri.resolve(location), redirects + 1, inFlight);
      }
      if (status != 200) {
        throw InvalidInputException.unprocessable("uri_fetch_failed", "The image URI answered HTTP " + status);
      }
      return CompletableFuture.completedFuture(response.body());
    });
  }

  private static InvalidInputException asInvalidInput(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof InvalidInputException e) {
      return e;
    }
    if (cause instanceof IllegalArgumentException) {
      return InvalidInputException.unprocessable("bad_uri", "Bad image URI: " + cause.getMessage());
    }
    return InvalidInputException.unprocessable("uri_fetch_failed", "Cannot fetch the image URI: " + cause);
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
}
