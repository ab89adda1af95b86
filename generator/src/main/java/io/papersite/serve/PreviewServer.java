package io.papersite.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.papersite.ContentException;
import io.papersite.GenerateRequest;
import io.papersite.GenerateResult;
import io.papersite.LiveSite;
import io.papersite.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A live preview: builds the site, serves it on the loopback address under its base path (as GitHub
 * Pages will), rebuilds when content or templates change, and tells open pages to reload
 * (Server-Sent Events). While the content has errors, every page shows them instead of a stale
 * site.
 *
 * <pre>{@code
 * try (PreviewServer server = new PreviewServer(request, 8000, System.out::println)) {
 *   server.start();
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class PreviewServer implements AutoCloseable {

  private static final String EVENTS = "/__papersite/events";
  private static final String SCRIPT =
      "<script>new EventSource(\""
          + EVENTS
          + "\").onmessage=function(){location.reload()}</script>";
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("bib", "text/plain; charset=utf-8"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("pdf", "application/pdf"));

  private final GenerateRequest request;
  private final LiveSite site;
  private final Set<Path> changed = ConcurrentHashMap.newKeySet();
  private final int port;
  private final Consumer<String> log;
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService requests = Executors.newCachedThreadPool();
  private volatile List<Problem> problems = List.of();
  private ScheduledFuture<?> pending;
  private HttpServer server;
  private DirectoryWatcher watcher;
  private String basePath = "/";

  /**
   * @param port the port to listen on; 0 for any free one
   * @param log where each build's summary line goes
   */
  public PreviewServer(GenerateRequest request, int port, Consumer<String> log) {
    this.request = request;
    this.site = new LiveSite(request);
    this.port = port;
    this.log = log;
  }

  /** Builds the site, starts serving it and starts watching for changes. */
  public void start() throws IOException {
    build(Set.of());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(requests);
    server.createContext("/", this::handle);
    server.start();
    List<Path> watched =
        List.of(request.contentDirectory(), request.templatesDirectory()).stream()
            .filter(Files::isDirectory)
            .toList();
    watcher =
        DirectoryWatcher.builder()
            .paths(watched)
            .fileHashing(false)
            .listener(
                event -> {
                  // Lost events leave no path: then the content folder as a whole changed.
                  changed.add(
                      event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW
                              || event.path() == null
                          ? request.contentDirectory()
                          : event.path());
                  scheduleBuild();
                })
            .build();
    watcher.watchAsync();
    rebuilds.execute(this::warmUp);
    log.accept("Papersite: serving " + url() + " (Ctrl-C stops)");
  }

  /** Where the site is served. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
  }

  /** Several changes in a row (an editor saving) make one build. */
  private synchronized void scheduleBuild() {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = rebuilds.schedule(this::rebuild, 150, TimeUnit.MILLISECONDS);
  }

  private void rebuild() {
    Set<Path> paths = new HashSet<>(changed);
    changed.removeAll(paths);
    boolean incremental = build(paths);
    reload();
    if (incremental) {
      try {
        log.accept(
            "Papersite: feeds and exports followed in " + site.finishExports().toMillis() + " ms");
      } catch (RuntimeException e) {
        log.accept("Papersite: the feeds and exports failed: " + e.getMessage());
      }
    }
  }

  private void warmUp() {
    try {
      site.warmUp();
    } catch (RuntimeException e) {
      // Only a head start for the first edit; the edit itself reports what goes wrong.
    }
  }

  /** Tells every open page to load again. */
  private void reload() {
    for (OutputStream listener : listeners) {
      try {
        listener.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
        listener.flush();
      } catch (IOException e) {
        listeners.remove(listener); // the page was closed
      }
    }
  }

  /** Builds what the changes need (the whole site when there are none); whether only some pages. */
  private boolean build(Set<Path> paths) {
    try {
      if (!paths.isEmpty() && problems.isEmpty()) {
        LiveSite.Change change = site.update(paths);
        log.accept(change.summary());
        if (change.incremental()) {
          return true;
        }
        basePath(change.fullBuild());
        return false;
      }
      GenerateResult result = site.build();
      problems = List.of();
      basePath(result);
      log.accept(result.summary());
    } catch (ContentException e) {
      problems = e.problems();
      log.accept(
          "Papersite: the content has "
              + e.errorCount()
              + " errors; the pages show them until they are fixed");
      e.problems().forEach(p -> log.accept(p.toString()));
    } catch (RuntimeException e) {
      problems = List.of();
      log.accept("Papersite: the build failed: " + e.getMessage());
    }
    return false;
  }

  private void basePath(GenerateResult result) {
    if (!result.basePath().isEmpty()) {
      basePath = result.basePath();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
    if (path.equals(EVENTS)) {
      events(exchange);
      return;
    }
    try (exchange) {
      List<Problem> current = problems;
      Path root = request.outputDirectory().toAbsolutePath().normalize();
      Path file = null;
      if (path.startsWith(basePath)) {
        Path candidate = root.resolve(path.substring(basePath.length())).normalize();
        if (candidate.startsWith(root)) {
          file = Files.isDirectory(candidate) ? candidate.resolve("index.html") : candidate;
        }
      }
      if (!current.isEmpty() && (file == null || file.toString().endsWith(".html"))) {
        send(
            exchange,
            500,
            "text/html; charset=utf-8",
            errorPage(current).getBytes(StandardCharsets.UTF_8));
        return;
      }
      int status = 200;
      if (file == null || !Files.isRegularFile(file)) {
        status = 404;
        file = root.resolve("404.html");
        if (!Files.isRegularFile(file)) {
          send(
              exchange,
              404,
              "text/plain; charset=utf-8",
              "Not found".getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
      String name = file.getFileName().toString();
      String type =
          TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
      byte[] body = Files.readAllBytes(file);
      if (type.startsWith("text/html")) {
        body =
            withReload(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      send(exchange, status, type, body);
    }
  }

  /** Keeps the connection open; each rebuild sends a message that makes the page reload. */
  private void events(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    listeners.add(out);
  }

  private static String withReload(String html) {
    int end = html.lastIndexOf("</body>");
    return end < 0 ? html + SCRIPT : html.substring(0, end) + SCRIPT + html.substring(end);
  }

  /** The problems as a page, each at its file and line, escaped. */
  static String errorPage(List<Problem> problems) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Papersite: the content has errors</title>"
                + "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;background:#fff5f5;color:#3b0d0c}"
                + "li{font-family:ui-monospace,monospace;margin:.4rem 0}</style></head><body>"
                + "<h1>The content has errors</h1><p>Fix them and save: this page reloads by itself.</p><ul>");
    for (Problem problem : problems) {
      html.append("<li>").append(escape(problem.toString())).append("</li>");
    }
    return withReload(html.append("</ul></body></html>").toString());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (server != null) {
        server.stop(0);
      }
      rebuilds.shutdownNow();
      requests.shutdownNow();
    }
  }

  /** For tests: the problems the pages show now. */
  List<Problem> problems() {
    return problems;
  }
}
