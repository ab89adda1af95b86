package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking without building, warnings, strict mode and the limits on hostile files. */
class ValidateTest {

  @TempDir Path project;
  private Path content;

  @BeforeEach
  void writeContent() throws IOException {
    content = listedAndAlone(project);
  }

  /** Two papers, one in a collection and one in none (a warning); returns the content folder. */
  static Path listedAndAlone(Path project) throws IOException {
    Path content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.createDirectories(content.resolve("collections"));
    Files.writeString(content.resolve("site.yaml"), "title: Checks\n");
    Files.writeString(content.resolve("papers/listed.yaml"), "title: Listed\n");
    Files.writeString(content.resolve("papers/alone.yaml"), "title: Alone\n");
    Files.writeString(content.resolve("collections/c.yaml"), "title: C\npapers: [listed]\n");
    return content;
  }

  private GenerateRequest request() {
    return GenerateRequest.forProject(project);
  }

  @Test
  void validateChecksAndWritesNothing() {
    ValidateResult result = Papersite.validate(request());

    assertThat(result.papers()).isEqualTo(2);
    assertThat(result.warnings())
        .extracting(Object::toString)
        .containsExactly(
            "content/papers/alone.yaml:1:1: warning: paper 'alone' is in no collection; list it in"
                + " one of collections/*.yaml");
    assertThat(result.summary())
        .matches("Papersite: 2 papers and 1 collection checked in \\d+ ms: 1 warning");
    assertThat(project.resolve("target")).doesNotExist();
  }

  @Test
  void validateFindsTheSameErrorsAsGenerate() throws IOException {
    Files.writeString(content.resolve("papers/alone.yaml"), "title: Alone\ndate: 2024-02-30\n");
    ContentException fromValidate =
        catchThrowableOfType(ContentException.class, () -> Papersite.validate(request()));
    ContentException fromGenerate =
        catchThrowableOfType(ContentException.class, () -> Papersite.generate(request()));
    assertThat(fromValidate.getMessage())
        .isEqualTo(fromGenerate.getMessage())
        .contains("2024-02-30");
  }

  @Test
  void warningsDoNotStopABuild() {
    GenerateResult result = Papersite.generate(request());
    assertThat(result.warnings()).hasSize(1);
    assertThat(result.summary()).endsWith(" (1 warning)");
  }

  @Test
  void strictModeTurnsWarningsIntoErrors() {
    assertThatThrownBy(() -> Papersite.generate(request().withStrict(true)))
        .isInstanceOf(ContentException.class)
        .hasMessage(
            "content/papers/alone.yaml:1:1: error: paper 'alone' is in no collection; list it in one"
                + " of collections/*.yaml\n"
                + "1 error; fix them and build again (the previous site, if any, is unchanged)");
    assertThatThrownBy(() -> Papersite.validate(request().withStrict(true)))
        .isInstanceOf(ContentException.class);
    assertThat(project.resolve("target")).doesNotExist();
  }

  @Test
  void refusesAnEnormousFileQuickly() throws IOException {
    String line = "  - an author whose name goes on and on\n";
    Files.writeString(
        content.resolve("papers/huge.yaml"),
        "title: Huge\nauthors:\n" + line.repeat(5 * 1024 * 1024 / line.length()));
    assertThatThrownBy(() -> Papersite.validate(request()))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining(
            "\ncontent/papers/huge.yaml: error: file is larger than 4 MiB; split it into smaller"
                + " files\n");
  }

  @Test
  void readsALargeButAllowedFile() throws IOException {
    StringBuilder papers = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      papers
          .append("- id: p")
          .append(i)
          .append("\n  title: Paper ")
          .append(i)
          .append("\n  tags: [bulk]\n");
    }
    Files.writeString(content.resolve("papers/bulk.yaml"), papers);
    Files.writeString(
        content.resolve("collections/c.yaml"), "title: C\ntags: [bulk]\npapers: [listed, alone]\n");
    assertThat(Papersite.validate(request()).papers()).isEqualTo(5002);
  }
}
