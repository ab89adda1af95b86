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
        .matches("(?s)Papersite: 1 paper, 6 pages, \\d+ files written to .* in \\d+ ms\\R");
    assertThat(Files.readString(site.resolve("papers/one/index.html")))
        .contains("href=\"/sub/assets/style.css\"");
  }

  @Test
  void stopStopsTheBuildServersAndTakesNoOptions() {
    // The tests' build servers are off (papersite.buildServers=none): none to stop.
    assertThat(run("stop")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("Papersite: stopped 0 build servers\n");
    assertThat(run("stop", "--content", "c")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("stop takes no options\nusage: ");
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
  void importsBibtexAndWritesTheReadme() throws IOException {
    Path content = content("title: One\n");
    Files.writeString(
        temp.resolve("refs.bib"),
        "@article{two, title={Two}, author={Doe, Jane}, journal={J}, year={2020}}\n");
    Path readme = temp.resolve("README.md");
    Files.writeString(readme, "Intro\n<!-- papersite:begin -->\nold\n<!-- papersite:end -->\n");

    assertThat(
            run(
                "import",
                "--content",
                content.toString(),
                "--files",
                temp.resolve("refs.bib").toString(),
                "--collection",
                "reading"))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Papersite: import: 1 created, 0 updated, 0 skipped");
    assertThat(Files.readString(content.resolve("papers/two.yaml")))
        .isEqualTo("title: \"Two\"\nauthors:\n  - \"Jane Doe\"\ndate: 2020\nvenue: \"J\"\n");

    assertThat(run("readme", "--content", content.toString(), "--file", readme.toString()))
        .isZero();
    assertThat(Files.readString(readme))
        .isEqualTo(
            "Intro\n<!-- papersite:begin -->\n## Reading\n\n- **Two** — Jane Doe · J · 2020\n\n"
                + "## Other papers\n\n- **One**\n<!-- papersite:end -->\n");
  }

  @Test
  void aReadmeWithoutMarkersIsAContentError() throws IOException {
    Path content = content("title: One\n");
    Files.writeString(temp.resolve("README.md"), "No markers here.\n");
    assertThat(
            run(
                "readme",
                "--content",
                content.toString(),
                "--file",
                temp.resolve("README.md").toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "README.md: error: add the two lines <!-- papersite:begin --> and <!-- papersite:end --> where the list of papers should go");
    assertThat(Files.readString(temp.resolve("README.md"))).isEqualTo("No markers here.\n");
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
