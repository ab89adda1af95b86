package io.papersite.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.GenerateRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live preview serves the site under its base path, rebuilds on a change and reloads pages. */
class PreviewServerTest {

  @TempDir Path project;

  record Response(int status, String body) {}

  static Response get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    int status = connection.getResponseCode();
    var stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    return new Response(status, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void servesRebuildsAndReloads() throws Exception {
    Path content = Files.createDirectories(project.resolve("content/papers"));
    Files.writeString(
        project.resolve("content/site.yaml"),
        "title: Preview\nbaseUrl: https://user.github.io/repo/\n");
    Files.writeString(content.resolve("one.yaml"), "title: First title\n");
    List<String> log = new CopyOnWriteArrayList<>();
    GenerateRequest request =
        GenerateRequest.forProject(project).withOutputDirectory(project.resolve("target/preview"));
    try (PreviewServer server = new PreviewServer(request, 0, log::add)) {
      server.start();
      String base = server.url();
      assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+/repo/");

      Response page = get(base + "papers/one/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body())
          .contains("<h1>First title</h1>")
          .contains("new EventSource(\"/__papersite/events\")");
      assertThat(get(base + "no/such/page/").status()).isEqualTo(404);
      assertThat(get(base + "assets/style.css").body()).contains("Papersite default theme");

      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  HttpURLConnection sse =
                      (HttpURLConnection)
                          URI.create(base.replace("/repo/", "/__papersite/events"))
                              .toURL()
                              .openConnection();
                  try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(sse.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                      events.add(line);
                    }
                  }
                } catch (IOException e) {
                  events.add("closed");
                }
              });
      reader.setDaemon(true);
      reader.start();
      assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(": connected");

      Files.writeString(content.resolve("one.yaml"), "title: Second title\n");
      assertThat(nextEvent(events)).isEqualTo("data: reload");
      assertThat(get(base + "papers/one/").body()).contains("<h1>Second title</h1>");

      Files.writeString(content.resolve("one.yaml"), "title: Broken\ndate: 2024-13\n");
      assertThat(nextEvent(events)).isEqualTo("data: reload");
      Response overlay = get(base + "papers/one/");
      assertThat(overlay.status()).isEqualTo(500);
      assertThat(overlay.body())
          .contains("The content has errors")
          .contains(
              "content/papers/one.yaml:2:7: error: date &#39;2024-13&#39;".replace("&#39;", "'"))
          .contains("new EventSource");

      Files.writeString(content.resolve("one.yaml"), "title: Fixed\n");
      assertThat(nextEvent(events)).isEqualTo("data: reload");
      assertThat(get(base + "papers/one/").body()).contains("<h1>Fixed</h1>");
      assertThat(log).anyMatch(l -> l.startsWith("Papersite: serving http://127.0.0.1:"));
    }
  }

  private static String nextEvent(BlockingQueue<String> events) throws InterruptedException {
    for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); System.nanoTime() < end; ) {
      String line = events.poll(1, TimeUnit.SECONDS);
      if (line != null && !line.isEmpty()) {
        return line;
      }
    }
    return "no event";
  }
}
