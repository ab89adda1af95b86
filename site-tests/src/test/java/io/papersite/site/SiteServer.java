package io.papersite.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a built site on a free loopback port under a sub-path, the way GitHub Pages serves a
 * project page: folders answer with their index.html, and a missing path with 404.html.
 */
final class SiteServer implements AutoCloseable {

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "json", "application/json",
          "xml", "application/xml",
          "woff2", "font/woff2",
          "woff", "font/woff",
          "ttf", "font/ttf",
          "bib", "text/plain; charset=utf-8");

  private final HttpServer server;
  private volatile Path root;
  final String basePath;

  SiteServer(String basePath) throws IOException {
    this.basePath = basePath;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL the site must be built for. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
  }

  void serve(Path site) {
    this.root = site;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
      Path file = null;
      if (path.startsWith(basePath)) {
        Path candidate = root.resolve(path.substring(basePath.length())).normalize();
        if (candidate.startsWith(root)) {
          file = Files.isDirectory(candidate) ? candidate.resolve("index.html") : candidate;
        }
      }
      int status = 200;
      if (file == null || !Files.isRegularFile(file)) {
        status = 404;
        file = root.resolve("404.html");
      }
      String name = file.getFileName().toString();
      String type =
          TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
