package dev.groundstream.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.groundstream.config.ServerTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * GET /health (200 while the consume loop runs, else 503) and GET /metrics (Prometheus text), over
 * HTTPS when the worker has a TLS identity (then plain HTTP on the port fails the handshake).
 */
public final class WorkerHttpServer implements AutoCloseable {
  private final HttpServer server;

  public WorkerHttpServer(String host, int port, BooleanSupplier healthy, Supplier<String> healthJson,
      Supplier<String> metrics) throws IOException {
    this(host, port, Optional.empty(), healthy, healthJson, metrics);
  }

  public WorkerHttpServer(String host, int port, Optional<ServerTls> tls, BooleanSupplier healthy,
      Supplier<String> healthJson, Supplier<String> metrics) throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (tls.isPresent()) {
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.get().sslContext()));
      server = https;
    } else {
      server = HttpServer.create(address, 0);
    }
    server.createContext("/health", exchange ->
        respond(exchange, healthy.getAsBoolean() ? 200 : 503, "application/json", healthJson.get()));
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.start();
  }

  /** The bound address (the interface and port). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
