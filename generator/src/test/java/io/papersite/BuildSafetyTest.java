package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build never loses anything: not the previous site, not the user's files, not the content. */
class BuildSafetyTest {

  @TempDir Path project;
  private Path content;
  private Path output;

  @BeforeEach
  void writeContent() throws IOException {
    content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.writeString(content.resolve("site.yaml"), "title: Safety\n");
    Files.writeString(content.resolve("papers/one.yaml"), "title: One\n");
    output = project.resolve("target/papersite");
  }

  private GenerateResult build() {
    return Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(output));
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteByteForByte() throws IOException {
    build();
    var before = TreeComparison.read(output);

    Files.writeString(content.resolve("papers/two.yaml"), "title: Two\ndate: not-a-date\n");
    assertThatThrownBy(this::build).isInstanceOf(ContentException.class);

    Path copy = project.resolve("before");
    assertThat(TreeComparison.read(output)).containsOnlyKeys(before.keySet());
    before.forEach((path, bytes) -> assertThat(output.resolve(path)).hasBinaryContent(bytes));
    assertThat(copy).doesNotExist();
    assertThat(project.resolve("target"))
        .isDirectoryNotContaining(p -> p.getFileName().toString().contains("papersite-"));
  }

  @Test
  void aSecondBuildReplacesItsOwnOutputAndDropsRemovedPages() throws IOException {
    Files.writeString(content.resolve("papers/two.yaml"), "title: Two\n");
    build();
    assertThat(output.resolve("papers/two/index.html")).exists();

    Files.delete(content.resolve("papers/two.yaml"));
    build();
    assertThat(output.resolve("papers/two")).doesNotExist();
    assertThat(output.resolve("papers/one/index.html")).exists();
  }

  @Test
  void refusesAnOutputFolderHoldingForeignFilesAndLeavesItUntouched() throws IOException {
    Path docs = project.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("notes.txt"), "mine");

    assertThatThrownBy(
            () -> Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(docs)))
        .isInstanceOf(ContentException.class)
        .hasMessageStartingWith(
            "docs: error: output folder "
                + docs.toAbsolutePath()
                + " already holds files that Papersite did not write");
    assertThat(docs).isDirectoryContaining(p -> p.getFileName().toString().equals("notes.txt"));
    assertThat(docs.resolve("notes.txt")).hasContent("mine");
    assertThat(Files.list(docs).count()).isEqualTo(1);
  }

  @Test
  void refusesAnOutputFolderThatContainsTheContent() {
    assertThatThrownBy(
            () ->
                Papersite.generate(
                    GenerateRequest.forProject(project).withOutputDirectory(project)))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("the output folder contains");
    assertThat(content.resolve("papers/one.yaml")).hasContent("title: One\n");
  }

  @Test
  void neverWritesIntoTheContentFolder() throws IOException {
    var before = TreeComparison.read(content);
    build();
    var after = TreeComparison.read(content);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((path, bytes) -> assertThat(after.get(path)).isEqualTo(bytes));
  }

  @Test
  void userTemplatesOverrideTheThemeFileByFile() throws IOException {
    Path templates = project.resolve("templates/partials");
    Files.createDirectories(templates);
    Files.writeString(
        templates.resolve("paper.ftlh"),
        "<#macro listing papers layout=\"cards\" level=3><#list papers as paper>"
            + "<p class=\"mine\">${paper.title}</p></#list></#macro>\n"
            + "<#macro meta paper></#macro><#macro links paper></#macro>"
            + "<#macro tags paper></#macro><#macro tools tags></#macro>\n");
    build();
    String home = Files.readString(output.resolve("index.html"));
    assertThat(home)
        .contains("<p class=\"mine\">One</p>")
        .contains("<header class=\"site-header\">");
  }

  @Test
  void reportsAnErrorInAUserTemplateAtItsLine() throws IOException {
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/tags.ftlh"), "<p>\n${site.nonexistent}</p>\n");
    assertThatThrownBy(this::build)
        .isInstanceOf(ContentException.class)
        .hasMessageStartingWith(
            "templates/tags.ftlh:2:3: error: template error: The following has evaluated to null or missing:");
  }
}
