package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.load.ContentLoader;
import io.papersite.model.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds do as little as they can: nothing when nothing changed, and keep unchanged files. */
class IncrementalBuildTest {

  @TempDir Path project;
  private Path output;

  @BeforeEach
  void content() throws IOException {
    Path papers = Files.createDirectories(project.resolve("content/papers"));
    Files.writeString(project.resolve("content/site.yaml"), "title: Incremental\n");
    for (int i = 0; i < 250; i++) {
      Files.writeString(
          papers.resolve("p" + i + ".yaml"), "title: Paper " + i + "\ntags: [shared]\n");
    }
    output = project.resolve("site");
  }

  private GenerateResult build() {
    return Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(output));
  }

  @Test
  void aBuildReportsItsStages() {
    java.util.List<String> stages = new java.util.ArrayList<>();
    GenerateResult result =
        Papersite.generate(
            GenerateRequest.forProject(project).withOutputDirectory(output),
            new Progress() {
              @Override
              public void done(int files, int of) {}

              @Override
              public void stageDone(String stage, java.time.Duration took) {
                stages.add(stage);
              }
            });
    assertThat(stages)
        .containsExactly("checked 250 papers", "rendered " + result.filesWritten() + " files");
  }

  @Test
  void aLongBuildLogsItsStagesAndHowManyFilesAreDoneAShortOneNothing() {
    java.util.List<String> lines = new java.util.ArrayList<>();
    Papersite.generate(
        GenerateRequest.forProject(project).withOutputDirectory(output),
        Progress.logging(lines::add, java.time.Duration.ofHours(1)));
    assertThat(lines).isEmpty();

    Papersite.generate(
        GenerateRequest.forProject(project).withOutputDirectory(project.resolve("other")),
        Progress.logging(lines::add, java.time.Duration.ZERO));
    assertThat(lines.get(0)).matches("Papersite: checked 250 papers in \\d+ ms");
    assertThat(lines.subList(1, lines.size() - 1))
        .isNotEmpty()
        .allMatch(line -> line.matches("Papersite: rendering, \\d+ of \\d+ pages and files done"));
    assertThat(lines.get(lines.size() - 1)).matches("Papersite: rendered \\d+ files in \\d+ ms");
  }

  @Test
  void aFirstBuildDigestsTheContentItReadAsALaterOneReadsIt() throws Exception {
    // Files the content loader reads (one with a byte order mark), and files it does not: static
    // files, templates, a stray file.
    Files.write(
        project.resolve("content/papers/bom.yaml"),
        ("\uFEFFtitle: With a mark\ntags: [shared]\n").getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(project.resolve("content/static"));
    Files.writeString(project.resolve("content/static/slides.txt"), "slides\n");
    Files.writeString(project.resolve("content/notes.txt"), "not content\n");
    Files.createDirectories(project.resolve("templates/assets"));
    Files.writeString(project.resolve("templates/assets/custom.css"), "body{}\n");

    ContentLoader loader = new ContentLoader(project, new Problems());
    loader.keepDigests();
    loader.load(project.resolve("content"));
    assertThat(loader.digests())
        .hasSize(252) // site.yaml and the 251 papers
        .containsEntry(
            project.resolve("content/papers/bom.yaml").toAbsolutePath().normalize(),
            ContentLoader.digest(Files.readAllBytes(project.resolve("content/papers/bom.yaml"))));

    assertThat(build().upToDate()).isFalse();
    assertThat(build().upToDate()).as("the first build's fingerprint, from what it read").isTrue();
    Files.writeString(project.resolve("content/static/slides.txt"), "new slides\n");
    assertThat(build().upToDate()).isFalse();
  }

  @Test
  void aRebuildWithNoChangeDoesNothing() throws IOException {
    GenerateResult first = build();
    assertThat(first.upToDate()).isFalse();
    FileTime written = Files.getLastModifiedTime(output.resolve("papers/p1/index.html"));
    GenerateResult second = build();
    assertThat(second.upToDate()).isTrue();
    assertThat(second.filesWritten()).isZero();
    assertThat(second.summary()).startsWith("Papersite: " + output + " is up to date");
    assertThat(Files.getLastModifiedTime(output.resolve("papers/p1/index.html")))
        .isEqualTo(written);
  }

  @Test
  void aChangeRewritesOnlyTheFilesItChanges() throws IOException, InterruptedException {
    build();
    Path untouched = output.resolve("papers/p200/index.html");
    FileTime before = Files.getLastModifiedTime(untouched);
    Files.writeString(
        project.resolve("content/papers/p1.yaml"), "title: Paper 1, revised\ntags: [shared]\n");
    Thread.sleep(20);
    GenerateResult result = build();
    assertThat(result.upToDate()).isFalse();
    // The paper, its neighbours (related papers), the lists and exports that show it.
    assertThat(result.filesWritten() - result.filesUnchanged()).isBetween(1, 60);
    assertThat(Files.getLastModifiedTime(untouched)).isEqualTo(before);
    assertThat(Files.readString(output.resolve("papers/p1/index.html")))
        .contains("Paper 1, revised");
  }

  @Test
  void longListsAreSplitIntoPages() throws IOException {
    build();
    var first = Jsoup.parse(output.resolve("tags/shared/index.html").toFile());
    assertThat(first.select(".paper-card")).hasSize(100);
    assertThat(first.select("nav.pagination a[rel=next]").attr("href"))
        .isEqualTo("/tags/shared/page/2/");
    var third = Jsoup.parse(output.resolve("tags/shared/page/3/index.html").toFile());
    assertThat(third.select(".paper-card")).hasSize(50);
    assertThat(third.select("nav.pagination a[rel=prev]").attr("href"))
        .isEqualTo("/tags/shared/page/2/");
    assertThat(third.title()).startsWith("Tag: shared (page 3)");
    // A numbered list goes on counting from page to page.
    var allThird = Jsoup.parse(output.resolve("papers/page/3/index.html").toFile());
    assertThat(allThird.select("ol.paper-list").attr("start")).isEqualTo("201");
    assertThat(allThird.select("ol.paper-list > li")).hasSize(50);
    assertThat(
            Jsoup.parse(output.resolve("papers/index.html").toFile())
                .select("ol.paper-list")
                .hasAttr("start"))
        .isFalse();
  }

  @Test
  void aFilesDigestIsItsLengthAndTwoChecksums() {
    // the check values of both standards, for "123456789"
    assertThat(
            java.util.HexFormat.of()
                .formatHex(ContentLoader.digest("123456789".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("0000000000000009" + "cbf43926" + "e3069283");
    assertThat(ContentLoader.digest("abc".getBytes(StandardCharsets.US_ASCII)))
        .isNotEqualTo(ContentLoader.digest("abd".getBytes(StandardCharsets.US_ASCII)));
  }
}
