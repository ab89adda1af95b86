package io.papersite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path temp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** A content folder with site.yaml and one paper, papers/one.yaml. */
  private Path content(String paper) throws IOException {
    Path content = temp.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.createDirectories(content.resolve("collections"));
    Files.writeString(content.resolve("site.yaml"), "title: CLI\n");
    Files.writeString(content.resolve("papers/one.yaml"), paper);
    return content;
  }

  @Test
  void buildsASite() throws IOException {
    Path content = content("title: One\n");
    Path site = temp.resolve("site");

    int status =
        run(
            "build",
            "--content",
            content.toString(),
            "--out",
            site.toString(),
            "--base-url",
            "https://x.org/sub/");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Papersite: 1 paper, 6 pages, 17 files written to ");
    assertThat(Files.readString(site.resolve("papers/one/index.html")))
        .contains("href=\"/sub/assets/style.css\"");
  }

  @Test
  void reportsContentErrorsWithStatusOne() throws IOException {
    Path content = content("title: One\ndate: 2024-13\n");

    int status =
        run("build", "--content", content.toString(), "--out", temp.resolve("site").toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "papers/one.yaml:2:7: error: date '2024-13' is not a real date as YYYY, YYYY-MM or YYYY-MM-DD")
        .contains("1 error;");
  }

  @Test
  void validatesWithoutWriting() throws IOException {
    Path content = content("title: One\n");
    Files.writeString(content.resolve("collections/c.yaml"), "title: C\n");
    Path site = temp.resolve("site");

    assertThat(run("validate", "--content", content.toString(), "--out", site.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Papersite: 1 paper and 1 collection checked in ");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("papers/one.yaml:1:1: warning: paper 'one' is in no collection");
    assertThat(site).doesNotExist();

    assertThat(run("validate", "--content", content.toString(), "--strict")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("papers/one.yaml:1:1: error: paper 'one' is in no collection");
  }

  @Test
  void explainsUsageWithStatusTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("build", "--colour", "red")).isEqualTo(2);
    assertThat(run("build", "--out")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "unknown option --colour", "option --out needs a value", "usage: papersite build");
  }
}
